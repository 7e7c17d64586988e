package dev.same.server.config;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A memory of parsed configuration files, by the SHA-256 of their text: a file whose text was parsed before is not
 * parsed again. Parsing YAML is most of loading a workspace's configuration (a sixth of a command run in process on
 * 1,000 projects), and a tree depends on nothing but the text, so what is remembered is never stale. Only files
 * that parse are remembered; an error is found again, with its message.
 *
 * <p>The daemon and commands run in process keep it in {@code .same/cache/config-trees} ({@link #write}, {@link
 * #read}), written by a build for its own use: another build's trees are not read, in case it parses differently.
 * Thread-safe.
 */
public final class YamlTrees {
    /** Beyond this many trees the memory starts over, so that a long-lived daemon's stays small. */
    private static final int REMEMBERED = 20_000;
    private static final int MAX_DEPTH = 200;

    private final Map<String, YamlNode> used = new ConcurrentHashMap<>();
    /** Trees read from a file and not asked for since: left out when the memory is written again. */
    private final Map<String, YamlNode> unused = new ConcurrentHashMap<>();
    /** Counts the trees parsed here (read from no file), so that a memory unchanged since it was read is not written. */
    private final AtomicLong parsed = new AtomicLong();
    private volatile long writtenParsed;

    /**
     * No memory at all: every text is parsed, and none is hashed or kept. For loads that happen once, and for an
     * editor's unsaved text, which changes with every keystroke (kept, each would stay until the memory is full).
     */
    public static final YamlTrees NONE = new YamlTrees(false);

    private final boolean remembers;

    /** A memory of nothing yet. */
    public YamlTrees() {
        this(true);
    }

    private YamlTrees(boolean remembers) {
        this.remembers = remembers;
    }

    /** The tree of {@code text}, parsed now or remembered; see {@link YamlReader#parse}. */
    YamlNode parse(String text, String fileName) {
        if (!remembers) {
            return YamlReader.parse(text, fileName);
        }
        String key = digest(text);
        YamlNode known = used.get(key);
        if (known == null) {
            known = unused.remove(key);
            if (known != null) {
                remember(key, known);
            }
        }
        if (known != null) {
            return known;
        }
        YamlNode tree = YamlReader.parse(text, fileName);
        remember(key, tree);
        parsed.incrementAndGet();
        return tree;
    }

    private void remember(String key, YamlNode tree) {
        if (used.size() >= REMEMBERED) {
            used.clear();
        }
        used.put(key, tree);
    }

    /** How many texts this memory parsed (rather than remembered) since it was made. */
    public long parsed() {
        return parsed.get();
    }

    /**
     * Whether {@link #write} would write something else than what was read or last written: a tree parsed since,
     * or one read and not asked for since (a file's earlier text, left out from now on) while others were: a
     * process that loaded no configuration keeps what it read.
     */
    public boolean changedSinceWritten() {
        return parsed.get() != writtenParsed || !unused.isEmpty() && !used.isEmpty();
    }

    /** The trees asked for since this memory was made, for {@link #read}; marks the memory as written. */
    public byte[] write(String build) {
        long seen = parsed.get();
        var bytes = new ByteArrayOutputStream(64 * 1024);
        try (var out = new DataOutputStream(bytes)) {
            writeString(out, build);
            var snapshot = Map.copyOf(used);
            out.writeInt(snapshot.size());
            for (var entry : snapshot.entrySet()) {
                out.write(HexFormat.of().parseHex(entry.getKey()));
                writeNode(out, entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: cannot happen
        }
        unused.clear();
        writtenParsed = seen;
        return bytes.toByteArray();
    }

    /**
     * The trees {@link #write} wrote, if the same {@code build} wrote them; otherwise a memory of nothing.
     *
     * @throws IOException what was written is not such trees (the caller checked that the bytes are whole)
     */
    public static YamlTrees read(DataInput in, String build) throws IOException {
        var trees = new YamlTrees();
        if (!readString(in).equals(build)) {
            return trees;
        }
        int count = in.readInt();
        byte[] key = new byte[32];
        for (int i = 0; i < count; i++) {
            in.readFully(key);
            trees.unused.put(HexFormat.of().formatHex(key), readNode(in, 0));
        }
        return trees;
    }

    private static void writeNode(DataOutputStream out, YamlNode node) throws IOException {
        switch (node) {
            case YamlNode.Null(int line) -> {
                out.writeByte(0);
                out.writeInt(line);
            }
            case YamlNode.Scalar(String text, int line) -> {
                out.writeByte(1);
                out.writeInt(line);
                writeString(out, text);
            }
            case YamlNode.Sequence(List<YamlNode> items, int line) -> {
                out.writeByte(2);
                out.writeInt(line);
                out.writeInt(items.size());
                for (YamlNode item : items) {
                    writeNode(out, item);
                }
            }
            case YamlNode.Mapping(SequencedMap<String, YamlNode.Entry> entries, int line) -> {
                out.writeByte(3);
                out.writeInt(line);
                out.writeInt(entries.size());
                for (YamlNode.Entry entry : entries.values()) {
                    writeString(out, entry.key());
                    out.writeInt(entry.line());
                    writeNode(out, entry.value());
                }
            }
        }
    }

    private static YamlNode readNode(DataInput in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("trees nested deeper than " + MAX_DEPTH);
        }
        int kind = in.readByte();
        int line = in.readInt();
        return switch (kind) {
            case 0 -> new YamlNode.Null(line);
            case 1 -> new YamlNode.Scalar(readString(in), line);
            case 2 -> {
                int size = in.readInt();
                List<YamlNode> items = new ArrayList<>(Math.min(size, 1024));
                for (int i = 0; i < size; i++) {
                    items.add(readNode(in, depth + 1));
                }
                yield new YamlNode.Sequence(items, line);
            }
            case 3 -> {
                int size = in.readInt();
                SequencedMap<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    String key = readString(in);
                    int keyLine = in.readInt();
                    entries.put(key, new YamlNode.Entry(key, keyLine, readNode(in, depth + 1)));
                }
                yield new YamlNode.Mapping(entries, line);
            }
            default -> throw new IOException("not a kind of tree: " + kind);
        };
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 64 << 20) {
            throw new IOException("a string of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
