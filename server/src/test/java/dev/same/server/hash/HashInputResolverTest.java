package dev.same.server.hash;

import dev.same.server.SameException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashInputResolverTest {
    @TempDir
    Path root;

    private final InputResolver resolver = new InputResolver();

    @BeforeAll
    static void walkAsTheDaemonDoes() {
        // direct system calls on Linux; the NIO walk is what every in-process run and its tests use
        FileStat.useSystemCallsDirectly();
    }

    @BeforeEach
    void tree() throws IOException {
        write("package.json");
        write("README.md");
        write("src/index.js");
        write("src/util.js");
        write("src/a.ts");
        write("src/lib/deep.js");
        write("src/lib/deeper/x.js");
        write("src/gen/out.js");
        write("src/.git/HEAD");
        write("src/.same/state");
        write("src/.jj/repo");
        write(".git/config");
        write(".same/cache/blob");
        write("docs/a b/ünïcödé file.md");
        Files.createDirectories(root.resolve("empty"));
    }

    private List<String> resolve(String... patterns) {
        return resolver.resolve(root, List.of(patterns)).paths();
    }

    @Test
    void literalFile() {
        assertEquals(List.of("package.json"), resolve("package.json"));
    }

    @Test
    void directoryIsRecursiveAndSkipsVcsAndSameDirectories() {
        assertEquals(List.of("src/a.ts", "src/gen/out.js", "src/index.js", "src/lib/deep.js",
                "src/lib/deeper/x.js", "src/util.js"), resolve("src"));
    }

    @Test
    void wholeRootSkipsGitAndSame() {
        List<String> all = resolve(".");
        assertTrue(all.stream().noneMatch(p -> p.startsWith(".git/") || p.startsWith(".same/") || p.contains("/.git/")), all::toString);
        assertEquals(9, all.size(), all::toString);
    }

    @Test
    void starStaysInOneSegment() {
        assertEquals(List.of("src/index.js", "src/util.js"), resolve("src/*.js"));
    }

    @Test
    void doubleStarCrossesSegmentsIncludingNone() {
        assertEquals(List.of("src/gen/out.js", "src/index.js", "src/lib/deep.js", "src/lib/deeper/x.js", "src/util.js"),
                resolve("src/**/*.js"));
        assertEquals(List.of("src/lib/deeper/x.js"), resolve("**/x.js"));
    }

    @Test
    void questionMarkIsOneCharacter() {
        assertEquals(List.of("src/a.ts"), resolve("src/?.ts"));
        assertEquals(List.of(), resolve("src/?.ts", "!src/a.ts"));
    }

    @Test
    void globMatchingADirectoryTakesEverythingBelowIt() {
        assertEquals(List.of("src/lib/deep.js", "src/lib/deeper/x.js"), resolve("src/l*"));
    }

    @Test
    void exclusionsRemoveFilesAndWholeDirectories() {
        assertEquals(List.of("src/a.ts", "src/index.js", "src/util.js"), resolve("src", "!src/gen", "!src/lib"));
        assertEquals(List.of("src/gen/out.js", "src/index.js", "src/util.js"), resolve("src/**/*.js", "!src/lib/**"));
        assertEquals(List.of("src/a.ts"), resolve("!**/*.js", "src"));
    }

    @Test
    void resultIsSortedAndDeduplicated() {
        assertEquals(List.of("package.json", "src/index.js", "src/util.js"),
                resolve("src/util.js", "src/*.js", "package.json", "./src/index.js", "src//index.js"));
    }

    @Test
    void walkResultIsInPathOrderNotDirectoryOrder() throws IOException {
        // a walk meets lib/ before lib-extra/ and lib.js, but '-' and '.' sort before '/'
        write("w/lib/x.js");
        write("w/lib-extra/y.js");
        write("w/lib.js");
        write("w/lib/a/z.js");
        write("w/lib/b.js");
        var expected = List.of("w/lib-extra/y.js", "w/lib.js", "w/lib/a/z.js", "w/lib/b.js", "w/lib/x.js");
        assertEquals(expected, resolve("w"));
        assertEquals(expected, resolve("w", "w/lib/**", "w/lib.js"));
    }

    @Test
    void resolvedInputsMustBeSortedAndUnique() {
        var stat = new FileStat(FileStat.Type.FILE, 1, 2, 3, 4);
        var a = new ResolvedInputs.ResolvedFile("a", stat);
        var b = new ResolvedInputs.ResolvedFile("b", stat);
        assertThrows(IllegalArgumentException.class, () -> new ResolvedInputs(List.of(b, a), false));
        assertThrows(IllegalArgumentException.class, () -> new ResolvedInputs(List.of(a, a), false));
        var sorted = ResolvedInputs.sorting(new ArrayList<>(List.of(b, a, b)), true);
        assertEquals(List.of("a", "b"), sorted.paths());
        assertEquals(stat, sorted.stat("b"));
        assertEquals(null, sorted.stat("c"));
    }

    @Test
    void missingInputIsAUserError() {
        var e = assertThrows(SameException.class, () -> resolve("src", "nope/file.txt"));
        assertEquals("input not found: nope/file.txt", e.getMessage());
        e = assertThrows(SameException.class, () -> resolve("src/*.rs"));
        assertEquals("input not found: src/*.rs", e.getMessage());
        e = assertThrows(SameException.class, () -> resolve("nope/**"));
        assertEquals("input not found: nope/**", e.getMessage());
        e = assertThrows(SameException.class, () -> resolve("package.json/x"));
        assertEquals("input not found: package.json/x", e.getMessage());
    }

    @Test
    void exclusionThatMatchesNothingIsFine() {
        assertEquals(List.of("package.json"), resolve("package.json", "!nothing/here"));
    }

    @Test
    void fullyExcludedOrEmptyDirectoryIsNotAnError() {
        assertEquals(List.of(), resolve("src/gen", "!src/gen"));
        assertEquals(List.of(), resolve("empty"));
    }

    @Test
    void pathsLeavingTheRootAreRejected() {
        assertThrows(SameException.class, () -> resolve("../outside"));
        assertThrows(SameException.class, () -> resolve("/etc/passwd"));
        assertThrows(SameException.class, () -> resolve("src/../../x"));
    }

    @Test
    void spacesAndNonAsciiNames() {
        assertEquals(List.of("docs/a b/ünïcödé file.md"), resolve("docs"));
        assertEquals(List.of("docs/a b/ünïcödé file.md"), resolve("docs/a b/ünïcödé file.md"));
        assertEquals(List.of("docs/a b/ünïcödé file.md"), resolve("docs/*/ü*.md"));
    }

    @Test
    void symlinkedFilesAreInputsButDirectorySymlinksAreNotFollowed(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("src/link.js"), Path.of("index.js"));
        Files.createSymbolicLink(root.resolve("src/outside"), outside);
        Files.createSymbolicLink(root.resolve("src/dangling.js"), Path.of("nope.js"));
        List<String> files = resolve("src");
        assertTrue(files.contains("src/link.js"));
        assertTrue(files.stream().noneMatch(p -> p.startsWith("src/outside") || p.contains("dangling")), files::toString);
        var stat = resolver.resolve(root, List.of("src/link.js")).stat("src/link.js");
        assertEquals(FileStat.Type.FILE, stat.type());

        var e = assertThrows(SameException.class, () -> resolve("src/outside"));
        assertEquals("input is outside the workspace: src/outside", e.getMessage());
    }

    @Test
    void inputsReachedThroughASymlinkAreFlagged() throws IOException {
        assertEquals(false, resolver.resolve(root, List.of("src", "package.json", "src/**/*.js")).followsLinks());
        Files.createSymbolicLink(root.resolve("linked-src"), root.resolve("src"));
        Files.createSymbolicLink(root.resolve("docs/readme.md"), root.resolve("README.md"));
        assertEquals(true, resolver.resolve(root, List.of("linked-src")).followsLinks(), "a named directory link");
        assertEquals(true, resolver.resolve(root, List.of("linked-src/index.js")).followsLinks(), "below a link");
        assertEquals(true, resolver.resolve(root, List.of("docs")).followsLinks(), "a linked file in a walk");
        assertEquals(true, resolver.resolve(root, List.of("docs/*.md")).followsLinks(), "a linked file in a glob");
        assertEquals(false, resolver.resolve(root, List.of("src")).followsLinks());
    }

    @Test
    void statIsTakenForEveryFile() throws IOException {
        var inputs = resolver.resolve(root, List.of("src/index.js"));
        FileStat stat = inputs.stat("src/index.js");
        assertEquals(Files.size(root.resolve("src/index.js")), stat.size());
        assertEquals(Files.getAttribute(root.resolve("src/index.js"), "unix:ino"), stat.inode());
    }

    private void write(String rel) throws IOException {
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "content of " + rel);
    }
}
