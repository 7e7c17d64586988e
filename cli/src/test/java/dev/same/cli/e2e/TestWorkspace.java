package dev.same.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A workspace in a temporary directory: writes config and source files, runs {@code same} in it. */
final class TestWorkspace {
    private final Path root;
    private final Path logs;

    /** @param temp a fresh temporary directory (a JUnit {@code @TempDir}) */
    TestWorkspace(Path temp) {
        this(temp, "ws");
    }

    /** @param name the workspace directory's name inside {@code temp} */
    TestWorkspace(Path temp, String name) {
        try {
            this.root = Files.createDirectories(temp.resolve(name)).toRealPath();
            this.logs = Files.createDirectories(temp.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    TestWorkspace write(String relative, String content) {
        try {
            Path file = path(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TestWorkspace mkdirs(String relative) {
        try {
            Files.createDirectories(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String relative) {
        return Files.exists(path(relative));
    }

    void delete(String relative) {
        try (var files = Files.walk(path(relative))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(exists(relative));
    }

    FileTime modified(String relative) {
        try {
            return Files.getLastModifiedTime(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void setModified(String relative, FileTime time) {
        try {
            Files.setLastModifiedTime(path(relative), time);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code same args...} in the workspace root and waits for it. */
    SameProcess.Result same(String... args) {
        return sameIn("", args);
    }

    /** Runs {@code same args...} in a directory of the workspace and waits for it. */
    SameProcess.Result sameIn(String dir, String... args) {
        return start(dir, Map.of(), args).await();
    }

    SameProcess.Result sameWithEnv(Map<String, String> env, String... args) {
        return start("", env, args).await();
    }

    SameProcess start(String dir, Map<String, String> env, String... args) {
        return SameProcess.start(path(dir), logs, env, Arrays.asList(args));
    }

    // --- assertions on results ---

    static SameProcess.Result assertSuccess(SameProcess.Result result) {
        assertEquals(0, result.exitCode(), () -> "expected success:\n" + result);
        assertNoStackTrace(result);
        return result;
    }

    /** Exit 1, stderr's first line is {@code ✗ Error: <message>}, and no stack trace anywhere. */
    static SameProcess.Result assertError(SameProcess.Result result, String message) {
        assertEquals(1, result.exitCode(), () -> "expected exit 1:\n" + result);
        assertFalse(result.stderr().isEmpty(), () -> "expected an error on stderr:\n" + result);
        assertEquals("✗ Error: " + message, result.errLines().getFirst(), () -> result.toString());
        assertNoStackTrace(result);
        return result;
    }

    /** Like {@link #assertError}, for a message whose end (a parser's wording) is not ours to fix. */
    static SameProcess.Result assertErrorStartingWith(SameProcess.Result result, String start) {
        assertEquals(1, result.exitCode(), () -> "expected exit 1:\n" + result);
        assertFalse(result.stderr().isEmpty(), () -> "expected an error on stderr:\n" + result);
        assertTrue(result.errLines().getFirst().startsWith("✗ Error: " + start), () -> result.toString());
        assertNoStackTrace(result);
        return result;
    }

    static void assertNoStackTrace(SameProcess.Result result) {
        for (String stream : List.of(result.stdout(), result.stderr())) {
            assertFalse(stream.contains("at dev.same"), () -> "stack trace:\n" + result);
            assertFalse(stream.contains("Exception"), () -> "exception:\n" + result);
            assertFalse(stream.contains("at java."), () -> "stack trace:\n" + result);
        }
    }

    static void assertContainsLine(List<String> lines, String line, SameProcess.Result result) {
        assertTrue(lines.contains(line), () -> "expected the line '" + line + "' in:\n" + result);
    }

    static void assertHasLineStartingWith(List<String> lines, String prefix, SameProcess.Result result) {
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix)),
                () -> "expected a line starting with '" + prefix + "' in:\n" + result);
    }
}
