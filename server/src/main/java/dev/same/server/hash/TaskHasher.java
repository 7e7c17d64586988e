package dev.same.server.hash;

import dev.same.server.config.TaskDef;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A task's hash: SHA-256 over a canonical encoding of its definition, its input files' paths and
 * digests, its tool environment's hash, the platform it runs on (unless it is portable) and its dependencies'
 * hashes. Never timestamps.
 *
 * <p>Encoding: every field is a name followed by its value; a string is its UTF-8 byte count
 * (4 bytes, big-endian; -1 for null) and bytes, a list its element count and elements, a map its
 * entry count and key/value pairs in key order. Nothing can be shifted from one field into the next.
 */
public final class TaskHasher {
    /** Bump when the encoding or the set of fields changes: every hash changes with it. */
    public static final int FORMAT_VERSION = 2;

    /** @param platform the platform the result is for ({@code x86_64-linux}, …); null for a portable task */
    public String hash(TaskDef def, List<InputFile> inputs, String environmentHash, String platform,
                       SortedMap<String, String> dependencyHashes) {
        var out = new Encoder();
        out.field("format").integer(FORMAT_VERSION);
        out.field("id").string(def.id());
        out.field("cmd").strings(def.cmd());
        out.field("inputs").strings(def.inputs());
        out.field("targets").strings(def.targets());
        out.field("environment").map(def.environment());
        out.field("tools").strings(def.tools());
        out.field("workingDir").string(def.workingDir());
        out.field("rebuild").string(def.rebuild() == null ? null : def.rebuild().yamlName());
        var files = inputs.stream().sorted(Comparator.comparing(InputFile::path)).toList();
        out.field("files").integer(files.size());
        for (InputFile file : files) {
            out.string(file.path()).string(file.digest());
        }
        out.field("toolEnvironment").string(environmentHash);
        out.field("platform").string(platform);
        out.field("dependencies").map(dependencyHashes);
        return out.finish();
    }

    private static final class Encoder {
        private final MessageDigest md = Digest.sha256();
        private final ByteBuffer number = ByteBuffer.allocate(Integer.BYTES);

        Encoder field(String name) {
            return string(name);
        }

        Encoder integer(int value) {
            md.update(number.clear().putInt(value).flip());
            return this;
        }

        Encoder string(String value) {
            if (value == null) {
                return integer(-1);
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            integer(bytes.length);
            md.update(bytes);
            return this;
        }

        Encoder strings(List<String> values) {
            if (values == null) {
                return integer(-1);
            }
            integer(values.size());
            values.forEach(this::string);
            return this;
        }

        Encoder map(Map<String, String> values) {
            if (values == null) {
                return integer(-1);
            }
            // re-sorted: a SortedMap with another comparator must hash like any map with these entries
            var sorted = new TreeMap<>(values);
            integer(sorted.size());
            sorted.forEach((key, value) -> string(key).string(value));
            return this;
        }

        String finish() {
            return Digest.hex(md.digest());
        }
    }
}
