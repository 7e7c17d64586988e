package dev.same.server.service;

import dev.same.server.config.ConfigLoader;
import dev.same.server.config.YamlTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parsed configuration ({@code .same/cache/config-trees}) survives a {@code kill -9} of an engine in the middle of
 * writing it: the next process either reads whole trees, with which the workspace loads exactly as from its files,
 * or ignores the file; it never loads a wrong configuration.
 */
class ConfigTreesKillTest {
    private static final int PROJECTS = 300;

    static String projectFile(int project, long edit) {
        return "project: p" + project + "\n# edit " + edit + "\ntasks:\n  build:\n    cmd: [\"sh\", \"-c\", \"make p"
                + project + "\"]\n    input: [src]\n    target: [out]\n    environment: { EDIT: \"" + edit + "\" }\n";
    }

    @Test
    void anEngineKilledWhileWritingLeavesTreesThatLoadTheWorkspaceRightOrAreIgnored(@TempDir Path temp)
            throws Exception {
        Path root = temp.toRealPath();
        Files.writeString(root.resolve("same.work.yaml"), "version: \"1\"\nprojects: [\"packages/*\"]\n");
        for (int i = 0; i < PROJECTS; i++) {
            Files.createDirectories(root.resolve("packages/p" + i));
            Files.writeString(root.resolve("packages/p" + i + "/same.yaml"), projectFile(i, 0));
        }
        Path saved = root.resolve(".same/cache/config-trees");
        Random random = new Random(20261203); // seeded: the same kill moments on every run
        int whole = 0;
        for (int round = 0; round < 6; round++) {
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ConfigTreesWriter.class.getName(), root.toString())
                    .redirectErrorStream(true).start();
            try (var lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("writing", lines.readLine());
                Thread.sleep(200 + random.nextInt(800)); // lets it reach some moment of some write, not a synchronisation
                writer.destroyForcibly();
                assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            }

            YamlTrees trees = ConfigTreesFile.read(saved, reason -> { }); // a memory of nothing when ignored
            assertEquals(ConfigLoader.load(root), ConfigLoader.load(root, trees));
            assertTrue(trees.parsed() <= 1 || trees.parsed() == PROJECTS + 1,
                    "whole (at most the file edited last is parsed) or ignored: " + trees.parsed());
            if (trees.parsed() <= 1) {
                whole++;
            }
        }
        assertTrue(whole > 0, "at least one write completed before a kill, so the read path was checked");
    }
}
