package dev.same.server.service;

import dev.same.protocol.StatusParams;
import dev.same.protocol.TaskStatusInfo;
import dev.same.server.config.YamlTrees;
import dev.same.server.hash.ChecksummedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parsed configuration an engine keeps in {@code .same/cache/config-trees}: written by the first command, read
 * by the next ones (which do not write it again when nothing changed), and never trusted when it is damaged or of
 * another build; the answers are those of a configuration parsed from its files every time.
 */
class ConfigTreesSavingTest {
    @TempDir
    Path root;

    @Test
    void writtenByTheFirstCommandReadByTheNextAndNeverTrustedWhenDamagedOrOfAnotherBuild() throws IOException {
        Files.writeString(root.resolve("same.work.yaml"), "version: \"1\"\nprojects: [\"packages/*\"]\n");
        for (String name : List.of("lib", "app")) {
            Files.createDirectories(root.resolve("packages/" + name + "/src"));
            Files.writeString(root.resolve("packages/" + name + "/src/a.txt"), name);
            Files.writeString(root.resolve("packages/" + name + "/same.yaml"), "project: " + name
                    + "\ntasks:\n  build:\n    cmd: [\"true\"]\n    input: [src]\n"
                    + (name.equals("app") ? "    dependsOn: [\"lib:build\"]\n" : ""));
        }
        Path saved = root.resolve(".same/cache/config-trees");
        List<TaskStatusInfo> first = status();
        assertTrue(Files.exists(saved), "written by the first command");
        byte[] written = Files.readAllBytes(saved);

        Files.setLastModifiedTime(saved, FileTime.fromMillis(0));
        assertEquals(first, status());
        assertEquals(0, Files.getLastModifiedTime(saved).toMillis(), "unchanged, so not written again");

        Files.writeString(root.resolve("packages/app/same.yaml"), "project: app\ntasks:\n  build:\n    cmd: [\"true\"]\n");
        List<TaskStatusInfo> edited = status();
        assertNotEquals(first, edited, "the edit is seen: the trees are by the files' text");
        assertEquals(List.of("app:build", "lib:build"), edited.stream().map(TaskStatusInfo::id).sorted().toList());
        assertFalse(java.util.Arrays.equals(written, Files.readAllBytes(saved)), "the new text's tree is saved");

        byte[] damaged = Files.readAllBytes(saved);
        damaged[damaged.length / 2] ^= 1;
        Files.write(saved, damaged);
        assertEquals(edited, status());
        assertTrue(readable(saved), "a damaged file is replaced by a whole one");

        var otherBuild = new YamlTrees();
        ChecksummedFile.write(saved, ConfigTreesFile.HEADER, otherBuild.write("another build"));
        assertEquals(edited, status());
        assertTrue(readable(saved), "another build's file is replaced by this build's");
        assertArrayEquals(ConfigTreesFile.HEADER,
                java.util.Arrays.copyOf(Files.readAllBytes(saved), ConfigTreesFile.HEADER.length));
    }

    private List<TaskStatusInfo> status() {
        try (WorkspaceEngine engine = new WorkspaceEngine(root)) {
            return engine.status(new StatusParams(List.of(), root.toString(), false)).tasks();
        }
    }

    /** Whether the file holds trees of this build: loading the workspace from them parses nothing. */
    private boolean readable(Path saved) throws IOException {
        YamlTrees trees = ConfigTreesFile.read(saved, reason -> { });
        dev.same.server.config.ConfigLoader.load(root.toRealPath(), trees);
        return trees.parsed() == 0;
    }
}
