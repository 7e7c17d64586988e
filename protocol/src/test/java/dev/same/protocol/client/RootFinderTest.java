package dev.same.protocol.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RootFinderTest {
    @TempDir
    Path temp;

    @Test
    void findsSamefileInTheWorkingDirectory() throws IOException {
        Files.writeString(temp.resolve("same.yaml"), "");

        assertEquals(temp.toRealPath(), RootFinder.find(temp));
    }

    @Test
    void walksUpFromANestedDirectory() throws IOException {
        Files.writeString(temp.resolve("same.yaml"), "");
        Path nested = Files.createDirectories(temp.resolve("src/main/deep"));

        assertEquals(temp.toRealPath(), RootFinder.find(nested));
    }

    @Test
    void nearestSamefileIsTheStandaloneRoot() throws IOException {
        Files.writeString(temp.resolve("same.yaml"), "");
        Path inner = Files.createDirectories(temp.resolve("inner"));
        Files.writeString(inner.resolve("same.yaml"), "");

        assertEquals(inner.toRealPath(), RootFinder.find(Files.createDirectories(inner.resolve("src"))));
    }

    @Test
    void workfileWinsOverANearerSamefile() throws IOException {
        Files.writeString(temp.resolve("same.work.yaml"), "");
        Path project = Files.createDirectories(temp.resolve("packages/web"));
        Files.writeString(project.resolve("same.yaml"), "");

        assertEquals(temp.toRealPath(), RootFinder.find(Files.createDirectories(project.resolve("src"))));
    }

    @Test
    void returnsTheRealPathThroughSymlinks() throws IOException {
        Path real = Files.createDirectories(temp.resolve("real"));
        Files.writeString(real.resolve("same.yaml"), "");
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);

        assertEquals(real.toRealPath(), RootFinder.find(link));
    }

    @Test
    void handlesUnicodeAndSpacesInPaths() throws IOException {
        Path root = Files.createDirectories(temp.resolve("mön répo"));
        Files.writeString(root.resolve("same.work.yaml"), "");

        assertEquals(root.toRealPath(), RootFinder.find(Files.createDirectories(root.resolve("a b/ç"))));
    }

    @Test
    void ignoresADirectoryNamedLikeAConfigFile() throws IOException {
        Files.writeString(temp.resolve("same.yaml"), "");
        Path nested = Files.createDirectories(temp.resolve("nested"));
        Files.createDirectories(nested.resolve("same.work.yaml"));

        assertEquals(temp.toRealPath(), RootFinder.find(nested));
    }

    @Test
    void reportsWhereItSearchedWhenNothingIsFound() throws IOException {
        Path nested = Files.createDirectories(temp.resolve("a/b"));

        UserError e = assertThrows(UserError.class, () -> RootFinder.find(nested));

        assertEquals("could not find samefile or workfile", e.getMessage());
        assertEquals(List.of(
                "searched from " + nested.toRealPath() + " up to /",
                "create a same.yaml (one project) or a same.work.yaml (a workspace)"), e.context());
    }

    @Test
    void searchesFromADirectoryThatNoLongerExists() throws IOException {
        Files.writeString(temp.resolve("same.yaml"), "");

        assertEquals(temp.toRealPath(), RootFinder.find(temp.resolve("gone/away")));
    }
}
