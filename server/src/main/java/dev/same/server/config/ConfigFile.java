package dev.same.server.config;

import dev.same.server.SameException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One parsed config file, and typed access to its values that reports mistakes with the file and line.
 *
 * @param path    absolute
 * @param name    how the file is named in messages: relative to the directory the configuration was loaded from
 * @param content the top-level mapping
 */
record ConfigFile(Path path, String name, YamlNode.Mapping content) {
    static final String VERSION = "1";

    /** How the original words a file that is not YAML: a project's file in a workspace has its own words. */
    enum Kind {
        CONFIG("failed to parse config file"), PROJECT_CONFIG("failed to parse project config");

        private final String parseFailure;

        Kind(String parseFailure) {
            this.parseFailure = parseFailure;
        }
    }

    /** Reads and parses {@code path}; an empty file counts as an empty mapping. */
    static ConfigFile read(Path path, String name, Kind kind, YamlTrees trees) {
        String text;
        try {
            text = Files.readString(path);
        } catch (CharacterCodingException e) {
            throw new SameException("failed to read config file " + name + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw new SameException("failed to read config file " + name + ": " + IoMessages.describe(e));
        }
        return parse(path, name, text, kind, trees);
    }

    /**
     * Parses {@code text} as the content of {@code path}, or takes its tree from {@code trees}; an empty text counts
     * as an empty mapping.
     */
    static ConfigFile parse(Path path, String name, String text, Kind kind, YamlTrees trees) {
        YamlNode document;
        try {
            document = trees.parse(text, name);
        } catch (SameException e) {
            throw new SameException(kind.parseFailure + ": " + e.getMessage(), e.context());
        }
        return switch (document) {
            case YamlNode.Mapping mapping -> new ConfigFile(path, name, mapping);
            case YamlNode.Null empty -> new ConfigFile(path, name, YamlNode.Mapping.empty(empty.line()));
            case YamlNode other -> throw new SameException(name + ":" + other.line()
                    + ": the top level must be a mapping of keys to values");
        };
    }

    /** The {@code tools} key: alias to package@version; a spec without both parts is an error. */
    SortedMap<String, String> tools() {
        return content.present("tools").map(this::toolSpecs).orElseGet(TreeMap::new);
    }

    private SortedMap<String, String> toolSpecs(YamlNode node) {
        SortedMap<String, String> specs = stringMap(node, "'tools'");
        for (YamlNode.Entry entry : ((YamlNode.Mapping) node).entries().values()) {
            String spec = specs.get(entry.key());
            int at = spec.indexOf('@');
            if (at <= 0 || at == spec.length() - 1) {
                throw new SameException("invalid tool specification, expected format: package@version", List.of(
                        at(entry.line()), "tool '" + entry.key() + "' is '" + spec + "'; write it as package@version, "
                                + "e.g. " + entry.key() + ": " + (at > 0 ? spec.substring(0, at) : spec.isEmpty()
                                ? entry.key() : spec) + "@1.2.3"));
            }
        }
        return specs;
    }

    /** The {@code env} key, or null when absent. */
    EnvCommand env(String baseDir, Path root, String owner) {
        return content.present("env")
                .map(node -> EnvCommandReader.read(this, node, content.lineOf("env"), baseDir, root, owner))
                .orElse(null);
    }

    /** A context line pointing at {@code line} of this file. */
    String at(int line) {
        return "at " + name + (line > 0 ? ":" + line : "");
    }

    SourceLocation location(int line) {
        return new SourceLocation(path, line);
    }

    /** Rejects a {@code version} other than "1"; a missing version is fine. */
    void checkVersion() {
        switch (content.get("version")) {
            case null -> { }
            case YamlNode.Null _ -> { }
            case YamlNode.Scalar(String text, _) when text.equals(VERSION) -> { }
            case YamlNode other -> throw new SameException("unsupported config version '" + describe(other)
                    + "' in " + name + ", expected \"" + VERSION + "\"", List.of(at(content.lineOf("version"))));
        }
    }

    /** The top-level keys this file does not know, in source order. */
    List<YamlNode.Entry> unknownKeys(Collection<String> knownKeys) {
        return content.entries().values().stream().filter(entry -> !knownKeys.contains(entry.key())).toList();
    }

    /** Unknown top-level keys are harmless, so they are warned about rather than rejected. */
    String unknownKeyWarning(YamlNode.Entry entry, Collection<String> knownKeys) {
        return name + ":" + entry.line() + ": unknown key '" + entry.key() + "' ignored"
                + ClosestMatch.in(entry.key(), knownKeys).map(key -> " (did you mean '" + key + "'?)").orElse("")
                + "; known keys: " + String.join(", ", knownKeys);
    }

    /** A scalar as its source text; numbers and booleans are accepted. */
    String string(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar(String text, _)) {
            return text;
        }
        throw wrongType(node, what, "a string");
    }

    /** Refuses a key of {@code mapping} not in {@code keys}, with a suggestion; {@code owner} names the mapping. */
    void checkKeys(YamlNode.Mapping mapping, List<String> keys, String owner) {
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!keys.contains(entry.key())) {
                List<String> context = new ArrayList<>();
                context.add(at(entry.line()));
                ClosestMatch.in(entry.key(), keys).ifPresent(key -> context.add("did you mean '" + key + "'?"));
                context.add("known keys: " + String.join(", ", keys));
                throw new SameException("unknown key '" + entry.key() + "' in " + owner, context);
            }
        }
    }

    /** true or false; anything else is an error naming {@code what}. */
    boolean bool(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar(String text, _)) {
            switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> {
                    return true;
                }
                case "false" -> {
                    return false;
                }
                default -> throw new SameException(name + ":" + node.line() + ": " + what
                        + " must be true or false, not '" + text + "'");
            }
        }
        throw wrongType(node, what, "true or false");
    }

    /** A sequence of scalars, as source text. */
    List<String> stringList(YamlNode node, String what) {
        return scalarList(node, what).stream().map(YamlNode.Scalar::text).toList();
    }

    /** A sequence of scalars, each with its line. */
    List<YamlNode.Scalar> scalarList(YamlNode node, String what) {
        if (!(node instanceof YamlNode.Sequence(List<YamlNode> items, _))) {
            throw wrongType(node, what, "a list of strings");
        }
        List<YamlNode.Scalar> scalars = new ArrayList<>(items.size());
        for (YamlNode item : items) {
            if (!(item instanceof YamlNode.Scalar scalar)) {
                throw wrongType(item, what, "a list of strings");
            }
            scalars.add(scalar);
        }
        return scalars;
    }

    /** A mapping of scalars, as source text; an empty value ({@code KEY:}) becomes "". */
    SortedMap<String, String> stringMap(YamlNode node, String what) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw wrongType(node, what, "a map of strings");
        }
        SortedMap<String, String> strings = new TreeMap<>();
        for (Map.Entry<String, YamlNode.Entry> entry : mapping.entries().entrySet()) {
            strings.put(entry.getKey(), switch (entry.getValue().value()) {
                case YamlNode.Scalar(String text, _) -> text;
                case YamlNode.Null _ -> "";
                case YamlNode other -> throw wrongType(other, what, "a map of strings");
            });
        }
        return strings;
    }

    SameException wrongType(YamlNode node, String what, String expected) {
        return new SameException(name + ":" + node.line() + ": " + what + " must be " + expected
                + ", not " + kind(node));
    }

    private static String kind(YamlNode node) {
        return switch (node) {
            case YamlNode.Null _ -> "empty";
            case YamlNode.Scalar _ -> "a single value";
            case YamlNode.Sequence _ -> "a list";
            case YamlNode.Mapping _ -> "a map";
        };
    }

    private static String describe(YamlNode node) {
        return node instanceof YamlNode.Scalar(String text, _) ? text : kind(node);
    }
}
