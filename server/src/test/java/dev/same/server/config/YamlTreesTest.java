package dev.same.server.config;

import dev.same.server.SameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlTreesTest {
    private static final String BUILD = "build-1";

    @Test
    void aRememberedTreeIsTheTreeTheParserGivesOnSeededRandomDocuments() throws IOException {
        Random random = new Random(42);
        var trees = new YamlTrees();
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            texts.add(randomDocument(random));
        }
        for (String text : texts) {
            assertEquals(YamlReader.parse(text, "same.yaml"), trees.parse(text, "same.yaml"), text);
        }
        long parsed = trees.parsed();
        YamlTrees read = roundTrip(trees);
        for (String text : texts) {
            assertEquals(YamlReader.parse(text, "same.yaml"), read.parse(text, "same.yaml"), text);
            assertEquals(YamlReader.parse(text, "same.yaml"), trees.parse(text, "same.yaml"), text);
        }
        assertEquals(0, read.parsed(), "every tree came from what was written");
        assertEquals(parsed, trees.parsed(), "and from memory the second time");
        assertFalse(read.changedSinceWritten(), "nothing to write again");
    }

    @Test
    void aFileThatDoesNotParseIsNotRememberedAndFailsAgainWithItsMessage() {
        var trees = new YamlTrees();
        String broken = "tasks: [unclosed\n";
        SameException first = assertThrows(SameException.class, () -> trees.parse(broken, "a/same.yaml"));
        SameException second = assertThrows(SameException.class, () -> trees.parse(broken, "b/same.yaml"));
        assertTrue(first.getMessage().contains("a/same.yaml") && second.getMessage().contains("b/same.yaml"));
        assertEquals(0, trees.parsed());
    }

    @Test
    void treesOfAnotherBuildAreNotReadAndThoseNoLongerAskedForAreLeftOut() throws IOException {
        var trees = new YamlTrees();
        trees.parse("version: \"1\"\n", "same.yaml");
        trees.parse("project: old\n", "same.yaml");
        byte[] written = trees.write(BUILD);
        YamlTrees other = YamlTrees.read(in(written), "build-2");
        other.parse("project: old\n", "same.yaml");
        assertEquals(1, other.parsed(), "another build's trees are parsed again");

        YamlTrees read = YamlTrees.read(in(written), BUILD);
        assertFalse(read.changedSinceWritten(), "nothing asked for yet: what was read is kept");
        read.parse("project: new\n", "same.yaml");
        read.parse("version: \"1\"\n", "same.yaml");
        assertTrue(read.changedSinceWritten());
        YamlTrees next = YamlTrees.read(in(read.write(BUILD)), BUILD);
        next.parse("project: old\n", "same.yaml");
        assertEquals(1, next.parsed(), "a text no longer asked for was left out");
        next.parse("project: new\n", "same.yaml");
        next.parse("version: \"1\"\n", "same.yaml");
        assertEquals(1, next.parsed());
    }

    @Test
    void aWorkspaceLoadedFromRememberedTreesIsTheWorkspaceLoadedFromTheFiles(@TempDir Path temp) throws IOException {
        var ws = new TempWorkspace(temp);
        ws.file("same.work.yaml", "version: \"1\"\nprojects: [\"packages/*\"]\ntools: { node: nodejs@22 }\n");
        for (int i = 0; i < 12; i++) {
            ws.file("packages/p" + i + "/same.yaml", """
                    project: p%d
                    tasks:
                      build:
                        environment: { NAME: "p%d", QUOTED: "1.10", OCTAL: 022 }
                        cmd: ["sh", "-c", "echo 'built %d' > out/x"]
                        input: ["src", "package.json"]
                        target: [out]
                        dependsOn: [%s]
                      test:
                        cmd: [npm, test]
                        dependsOn: [build]
                        rebuild: always
                    """.formatted(i, i, i, i == 0 ? "" : "\"p" + (i - 1) + ":build\""));
        }
        Path root = temp.toRealPath();
        var trees = new YamlTrees();
        Workspace parsed = ConfigLoader.load(root, trees);
        assertEquals(13, trees.parsed());
        YamlTrees read = roundTrip(trees);
        Workspace remembered = ConfigLoader.load(root, read);
        assertEquals(0, read.parsed());
        assertEquals(ConfigLoader.load(root), remembered);
        assertEquals(parsed, remembered);

        Files.writeString(root.resolve("packages/p3/same.yaml"), "project: p3\ntasks:\n  build:\n    cmd: [make]\n");
        Workspace edited = ConfigLoader.load(root, read);
        assertEquals(1, read.parsed(), "only the edited file is parsed");
        assertEquals(ConfigLoader.load(root), edited);
    }

    @Test
    void anEditorsUnsavedTextIsParsedEachTimeAndNotKept(@TempDir Path temp) throws IOException {
        var ws = new TempWorkspace(temp);
        ws.file("same.work.yaml", "version: \"1\"\nprojects: [\"packages/*\"]\n");
        ws.project("packages/a", "a").project("packages/b", "b");
        Path root = temp.toRealPath();
        Path edited = root.resolve("packages/b/same.yaml");
        var trees = new YamlTrees();
        for (int keystroke = 0; keystroke < 5; keystroke++) {
            String unsaved = "project: b\ntasks:\n  build:\n    cmd: [make, \"" + keystroke + "\"]\n";
            Workspace workspace = ConfigLoader.load(root, java.util.Map.of(edited, unsaved), trees);
            assertEquals(List.of("make", String.valueOf(keystroke)), workspace.tasks().get("b:build").cmd());
        }
        assertEquals(2, trees.parsed(), "the files on disk, once each; the unsaved text is not in the memory");
        YamlTrees read = roundTrip(trees);
        ConfigLoader.load(root, read);
        assertEquals(1, read.parsed(), "only b's file on disk, whose text was never remembered");
    }

    @Test
    void aTruncatedMemoryIsRefused() {
        var trees = new YamlTrees();
        trees.parse("a: [1, {b: c}]\n", "same.yaml");
        byte[] written = trees.write(BUILD);
        for (int length = BUILD.length() + 4; length < written.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(written, length);
            assertThrows(IOException.class, () -> YamlTrees.read(in(cut), BUILD));
        }
    }

    private static YamlTrees roundTrip(YamlTrees trees) throws IOException {
        return YamlTrees.read(in(trees.write(BUILD)), BUILD);
    }

    private static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    /** A YAML document of nested mappings, sequences, scalars (quoted, multi-line, unicode) and empty values. */
    private static String randomDocument(Random random) {
        var text = new StringBuilder();
        for (int i = 1 + random.nextInt(5); i > 0; i--) {
            text.append("key").append(random.nextInt(1000)).append(random.nextInt(1000)).append(':');
            value(random, text, 1);
        }
        return text.toString();
    }

    private static void value(Random random, StringBuilder text, int depth) {
        String indent = "  ".repeat(depth);
        switch (depth > 3 ? random.nextInt(3) : random.nextInt(6)) {
            case 0 -> text.append(" ").append(List.of("1.10", "022", "true", "plain words", "é😀").get(random.nextInt(5)))
                    .append('\n');
            case 1 -> text.append(" \"quoted: \\\"x\\\" \\u00e9\"\n");
            case 2 -> text.append('\n');
            case 3 -> {
                text.append('\n');
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    text.append(indent).append("k").append(i).append(':');
                    value(random, text, depth + 1);
                }
            }
            case 4 -> {
                text.append('\n');
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    text.append(indent).append("- item ").append(random.nextInt(99)).append('\n');
                }
            }
            default -> text.append(" |\n").append(indent).append("line one\n").append(indent).append("line two\n");
        }
    }
}
