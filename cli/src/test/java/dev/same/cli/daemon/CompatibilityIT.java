package dev.same.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.same.cli.daemon.DaemonWorkspace.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What teams moving from the original {@code same} (traiproject/same) rely on: its task semantics, its messages and
 * its output, each checked with the distribution's {@code bin/same}, in the daemon and in process alike.
 */
@Timeout(240)
class CompatibilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private DaemonWorkspace ws;

    @TempDir
    Path outside;

    @BeforeEach
    void workspace() throws Exception {
        ws = new DaemonWorkspace();
    }

    @AfterEach
    void stopEverything() throws Exception {
        ws.close();
    }

    private Result same(String mode, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        if (mode.equals("in process")) {
            all.add("--no-daemon");
        } else if (ws.discovery().isEmpty()) { // a command that finds no daemon runs in process
            Result started = ws.same("daemon", "start");
            assertEquals(0, started.exitCode(), started.toString());
        }
        return ws.same(all.toArray(String[]::new));
    }

    private Result ok(String mode, String... args) throws Exception {
        Result result = same(mode, args);
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    private Result fails(String mode, String... args) throws Exception {
        Result result = same(mode, args);
        assertEquals(1, result.exitCode(), result.toString());
        assertFalse(result.stderr().contains("Exception"), result.toString());
        return result;
    }

    private static long count(String text, String line) {
        return text.lines().filter(line::equals).count();
    }

    // --- task semantics ---

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void aTaskWithoutCmdIsAGroupThatSucceedsWithItsDependenciesAndIsCached(String mode) throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  a:
                    cmd: ["sh", "-c", "echo a > a.txt"]
                    target: ["a.txt"]
                  b:
                    cmd: ["sh", "-c", "echo b > b.txt"]
                    target: ["b.txt"]
                  everything:
                    dependsOn: ["a", "b"]
                """);

        Result first = ok(mode, "run", "everything", "--ci");
        Result second = ok(mode, "run", "everything", "--ci");

        assertTrue(first.stderr().contains("[everything] ✓ Completed in"), first.toString());
        assertTrue(Files.exists(ws.root.resolve("a.txt")) && Files.exists(ws.root.resolve("b.txt")));
        assertTrue(second.stderr().contains("[everything] ~ Cached"), second.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void aStandaloneSamefileHonoursRoot(String mode) throws Exception {
        ws.file("same.yaml", """
                version: "1"
                root: "app"
                tasks:
                  build:
                    cmd: ["sh", "-c", "pwd > where.txt; cat in.txt > out.txt"]
                    input: ["in.txt"]
                    target: ["out.txt", "where.txt"]
                """).file("app/in.txt", "hello\n");

        ok(mode, "run", "build", "--ci");

        assertEquals("hello\n", Files.readString(ws.root.resolve("app/out.txt")));
        assertEquals(ws.root.resolve("app").toString(), Files.readString(ws.root.resolve("app/where.txt")).strip());
        assertFalse(Files.exists(ws.root.resolve("app/.same")), "same's own files stay beside same.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void statusAndWhyOfAStandaloneSamefileResolveInputsUnderItsRoot(String mode) throws Exception {
        ws.file("same.yaml", """
                version: "1"
                root: "app"
                tasks:
                  build:
                    cmd: ["sh", "-c", "cat in.txt > out.txt"]
                    input: ["in.txt"]
                    target: ["out.txt"]
                """).file("app/in.txt", "hello\n").file("in.txt", "beside same.yaml, outside the root\n");
        ok(mode, "run", "build", "--ci");

        ws.file("in.txt", "edited outside the root\n");
        Result statusOutside = ok(mode, "status", "build");
        Result whyOutside = ok(mode, "why", "build");
        assertTrue(statusOutside.stdout().contains("build  ✓ clean"), statusOutside.toString());
        assertTrue(whyOutside.stdout().contains("build is ✓ clean")
                && whyOutside.stdout().contains("nothing changed since its last successful run"), whyOutside.toString());

        ws.file("app/in.txt", "edited under the root\n");
        Result status = ok(mode, "status", "build");
        Result why = ok(mode, "why", "build");
        assertTrue(status.stdout().contains("build  ● dirty") && status.stdout().contains("input changed: in.txt"),
                status.toString());
        assertTrue(why.stdout().contains("build is ● dirty") && why.stdout().contains("in.txt"), why.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void anAbsoluteWorkingDirIsUsedAsGiven(String mode) throws Exception {
        Path elsewhere = outside.toRealPath();
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  where:
                    cmd: ["sh", "-c", "pwd"]
                    workingDir: "%s"
                """.formatted(elsewhere));

        Result result = ok(mode, "run", "where", "--ci");

        assertTrue(result.stdout().contains("[where] " + elsewhere + "\n"), result.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void declaredTargetsAreRemovedBeforeTheTaskRunsSoAStaleFileIsNeverCached(String mode) throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  build:
                    cmd: ["sh", "-c", "ls out 2>/dev/null; mkdir -p out && echo new > out/new.txt"]
                    input: ["src"]
                    target: ["out"]
                """).file("src/in.txt", "1\n").file("out/stale.txt", "left over\n");

        Result run = ok(mode, "run", "build", "--ci");
        assertFalse(run.stdout().contains("stale.txt"), "the task never saw the stale file: " + run);
        assertFalse(Files.exists(ws.root.resolve("out/stale.txt")));

        Files.delete(ws.root.resolve("out/new.txt"));
        Result hit = ok(mode, "run", "build", "--ci");
        assertTrue(hit.stderr().contains("[build] ~ Cached"), hit.toString());
        assertEquals("new\n", Files.readString(ws.root.resolve("out/new.txt")));
        assertFalse(Files.exists(ws.root.resolve("out/stale.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void aDeclaredTargetNotProducedRecordsNothingAndSaysWhichOne(String mode) throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  build:
                    cmd: ["sh", "-c", "echo made > made.txt"]
                    target: ["made.txt", "forgotten.txt"]
                """);

        Result first = ok(mode, "run", "build", "--ci");
        Result second = ok(mode, "run", "build", "--ci");

        assertEquals(1, count(first.stdout(), "[build] target not produced: forgotten.txt: its result is not cached"),
                first.toString());
        assertTrue(second.stderr().contains("[build] ✓ Completed in"), "it runs again: " + second);
        assertTrue(ws.actionRecords().isEmpty(), "nothing recorded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void aTargetOutsideTheRootFailsOnlyItsTask(String mode) throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  good:
                    cmd: ["echo", "fine"]
                  bad:
                    cmd: ["echo", "escaping"]
                    target: ["../elsewhere"]
                """);

        Result result = fails(mode, "run", "all", "--ci");

        assertTrue(result.stderr().contains("[good] ✓ Completed in"), result.toString());
        assertTrue(result.stderr().contains("[bad] ✗ Failed after"), result.toString());
        assertTrue(result.stderr().contains("output path is outside project root: '../elsewhere'"), result.toString());
        assertTrue(result.stderr().contains("same.yaml:7"), result.toString());
        Result status = same(mode, "status", "bad");
        assertTrue(status.stdout().contains("unknown") && status.stdout().contains("output path is outside project root"),
                status.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void anInvalidGlobIsASyntaxErrorWithThePatternFileAndLine(String mode) throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  build:
                    cmd: ["echo"]
                    input: ["src/[a-"]
                """);

        Result result = fails(mode, "run", "build", "--ci");

        assertTrue(result.stderr().contains("syntax error in pattern 'src/[a-'"), result.toString());
        assertTrue(result.stderr().contains("at same.yaml:5"), result.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void aCharacterClassInAnInputMatchesAsInTheOriginal(String mode) throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  list:
                    cmd: ["echo"]
                    input: ["src/file[12].txt"]
                """).file("src/file1.txt", "1").file("src/file3.txt", "3");

        ok(mode, "run", "list", "--ci");
        ws.file("src/file3.txt", "changed");
        Result unchanged = ok(mode, "run", "list", "--ci");
        ws.file("src/file1.txt", "changed");
        Result changed = ok(mode, "run", "list", "--ci");

        assertTrue(unchanged.stderr().contains("[list] ~ Cached"), unchanged.toString());
        assertTrue(changed.stderr().contains("[list] ✓ Completed"), changed.toString());
    }

    // --- messages ---

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void configErrorsUseTheOriginalsWords(String mode) throws Exception {
        ws.file("same.yaml", "version: \"1\"\ntasks:\n  invalid syntax here\n");
        assertTrue(fails(mode, "run", "x", "--ci").stderr().contains("failed to load configuration"));

        ws.file("same.yaml", "version: \"1\"\ntasks:\n  build:\n    cmd: [\"echo\"\n");
        assertTrue(fails(mode, "run", "build", "--ci").stderr().contains("failed to parse config file"));

        Files.write(ws.root.resolve("same.yaml"), new byte[] {'t', 'a', (byte) 0xff, ':', '\n'});
        assertTrue(fails(mode, "run", "build", "--ci").stderr().contains("failed to read config file"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void workspaceErrorsUseTheOriginalsWords(String mode) throws Exception {
        ws.file("same.work.yaml", "version: \"1\"\nprojects: [\"packages/*\"]\n")
                .file("packages/web/same.yaml", "project: web\ntasks:\n  build:\n    cmd: [echo\n");
        assertTrue(fails(mode, "run", "all", "--ci").stderr().contains("failed to parse project config"));

        ws.file("packages/web/same.yaml", "project: \"my web\"\ntasks:\n  build:\n    cmd: [echo]\n");
        assertTrue(fails(mode, "run", "all", "--ci").stderr().contains("project name can only contain"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void anUnknownTaskIsTaskNotFound(String mode) throws Exception {
        ws.file("same.yaml", "version: \"1\"\ntasks:\n  real:\n    cmd: [\"echo\", \"exists\"]\n");

        Result result = fails(mode, "run", "nonexistent", "--ci");

        assertTrue(result.stderr().startsWith("✗ Error: task not found: nonexistent\n"), result.toString());
        for (String command : List.of("status", "why", "env", "intellij-run-configs")) {
            Result other = fails(mode, command, "rael");
            assertTrue(other.stderr().startsWith("✗ Error: task not found: rael\n  did you mean real?\n"),
                    command + " says it as run does: " + other);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void workspaceWarningsUseTheOriginalsWordsAndReachTheUser(String mode) throws Exception {
        ws.file("same.work.yaml", "version: \"1\"\nprojects: [\"packages/*\"]\n")
                .file("packages/web/same.yaml", "project: web\nroot: \"..\"\ntasks:\n  build:\n    cmd: [echo]\n")
                .file("packages/docs/README", "no samefile here\n");

        Result result = ok(mode, "run", "all", "--ci");

        List<String> warnings = result.stderr().lines().filter(l -> l.startsWith("⚠ Warning: ")).toList();
        assertTrue(warnings.contains("⚠ Warning: 'root' defined in packages/web/same.yaml is ignored in workspace mode"),
                result.toString());
        assertTrue(warnings.contains("⚠ Warning: same.yaml missing in project packages/docs, skipping"),
                result.toString());
        assertEquals(2, warnings.size(), result.toString());
        if (mode.equals("in the daemon")) {
            Files.createDirectories(ws.root.resolve("packages/api"));
            Result again = ok(mode, "run", "all", "--ci");
            assertTrue(again.stderr().contains("⚠ Warning: same.yaml missing in project packages/api, skipping"),
                    again.toString());
            Path log = ws.stateDirectory().resolve("daemon.log");
            // the daemon logs them when its live state loads the configuration, which may be after it answered
            DaemonWorkspace.poll(() -> DaemonWorkspace.read(log)
                            .contains("warning: same.yaml missing in project packages/docs, skipping"),
                    "the daemon logs the warnings: " + log);
            DaemonWorkspace.poll(() -> DaemonWorkspace.read(log)
                            .contains("warning: same.yaml missing in project packages/api, skipping"),
                    "the daemon logs the warnings of a reload too: " + log);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void aProjectNameInAStandaloneSamefileIsWarnedAboutOnce(String mode) throws Exception {
        ws.file("same.yaml", "version: \"1\"\nproject: test\ntasks:\n  build:\n    cmd: [echo]\n");

        Result result = ok(mode, "run", "build", "--ci");

        assertEquals(1, count(result.stderr(),
                "⚠ Warning: 'project' defined in same.yaml has no effect in standalone mode"), result.toString());
    }

    // --- output and CLI ---

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void theLinearOutputIsTheOriginals(String mode) throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  lib:
                    cmd: ["printf", "one\\n\\ntwo\\n"]
                  app:
                    cmd: ["echo", "app"]
                    dependsOn: ["lib"]
                """);

        Result first = ok(mode, "run", "app", "--ci");
        Result second = ok(mode, "run", "app", "--ci");

        assertEquals("Planning to build 2 task(s) for target(s): [app]", first.stderr().lines().findFirst().orElseThrow(),
                first.toString());
        assertEquals(List.of("[lib] one", "[lib] two"), first.stdout().lines().filter(l -> l.startsWith("[lib]")).toList(),
                "empty lines are skipped: " + first);
        Pattern duration = Pattern.compile("\\[(?:lib|app)\\] ✓ Completed in (\\S+)");
        Matcher completed = duration.matcher(first.stderr());
        while (completed.find()) {
            assertTrue(completed.group(1).matches("\\d+(?:µs|ms)|[1-9]\\d*\\.\\ds|\\d+m\\d+\\.\\ds"),
                    "under a second is Nms or Nµs: " + first);
        }
        List<String> cached = second.stderr().lines().filter(l -> l.startsWith("[lib]")).toList();
        assertEquals("[lib] Starting...", cached.getFirst(), second.toString());
        assertTrue(cached.get(1).matches("\\[lib\\] ~ Cached \\(skipped in \\d+(?:µs|ms)\\)"), second.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void aDurationUnderAMillisecondPrintsInMicrosecondsNeverAsZeroMilliseconds(String mode) throws Exception {
        ws.file("same.yaml", """
                version: "1"
                tasks:
                  a:
                    cmd: ["true"]
                  group:
                    dependsOn: ["a"]
                """);

        Result ran = ok(mode, "run", "group", "--ci");
        Result cached = ok(mode, "run", "group", "--ci");
        Result json = ok(mode, "run", "group", "--json", "--no-cache");

        // the client gets each task's time to the microsecond...
        List<JsonNode> finished = new ArrayList<>();
        for (String line : json.stdout().lines().toList()) {
            JsonNode event = JSON.readTree(line);
            if (event.path("kind").asText().equals("TASK_FINISHED")) {
                finished.add(event);
            }
        }
        assertEquals(2, finished.size(), json.toString());
        for (JsonNode event : finished) {
            assertEquals(event.path("durationMillis").asLong(), event.path("durationMicros").asLong(-1_000_000) / 1000,
                    "the same time in microseconds: " + event);
        }
        // ...and the linear output prints one under a millisecond in µs, as the original does, never "0ms"
        Pattern took = Pattern.compile("\\[(?:a|group)\\] (?:✓ Completed in |~ Cached \\(skipped in )([^\\s)]+)");
        int lines = 0;
        for (Result result : List.of(ran, cached)) {
            Matcher matcher = took.matcher(result.stderr());
            while (matcher.find()) {
                lines++;
                assertTrue(matcher.group(1).matches("\\d{1,3}µs|[1-9]\\d{0,3}ms|[1-9]\\d*\\.\\ds"),
                        matcher.group(1) + " in " + result);
            }
        }
        assertEquals(4, lines, ran + "\n" + cached);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void eachTaskHasTheColourOfItsNamesHash(String mode) throws Exception {
        ws.environment.remove("NO_COLOR");
        ws.file("same.yaml", "version: \"1\"\ntasks:\n  lib:\n    cmd: [echo, hi]\n  app:\n    cmd: [echo, hi]\n"
                + "    dependsOn: [lib]\n");

        Result alone = ok(mode, "run", "app", "--ci");
        Result both = ok(mode, "run", "all", "--ci", "--no-cache");

        for (Result result : List.of(alone, both)) {
            for (String task : List.of("lib", "app")) {
                String expected = "[\u001b[" + colour(task) + "m" + task + "\u001b[0m] ";
                assertTrue(result.stdout().contains(expected + "hi"), task + " in " + result);
            }
        }
    }

    /** The original's palette, indexed by the 32-bit FNV-1a hash of the task name. */
    private static String colour(String task) {
        List<String> palette = List.of("36", "35", "33", "34", "96", "95", "93", "94");
        int hash = 0x811c9dc5;
        for (byte b : task.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return palette.get(Integer.remainderUnsigned(hash, palette.size()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void outputModeCiIsLinearAndAnUnknownModeFallsBackWithAWarning(String mode) throws Exception {
        ws.file("same.yaml", "version: \"1\"\ntasks:\n  build:\n    cmd: [echo, hi]\n");

        Result ci = ok(mode, "run", "build", "-o", "ci");
        Result unknown = ok(mode, "run", "build", "-o", "fancy");

        assertTrue(ci.stdout().contains("[build] hi"), ci.toString());
        assertTrue(unknown.stderr().contains("⚠ Warning: unknown output mode 'fancy', using auto"), unknown.toString());
        assertTrue(unknown.stderr().contains("[build] ~ Cached"), "auto is linear without a terminal: " + unknown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void theGlobalJsonFlagWorksAsRunJson(String mode) throws Exception {
        ws.file("same.yaml", "version: \"1\"\ntasks:\n  build:\n    cmd: [echo, hi]\n");

        Result result = ok(mode, "--json", "run", "build");

        assertTrue(result.stdout().lines().allMatch(l -> l.startsWith("{")), result.toString());
        assertTrue(result.stdout().contains("\"kind\":\"RUN_FINISHED\""), result.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"in the daemon", "in process"})
    void cleanTakesTheOriginalsShortFlags(String mode) throws Exception {
        ws.file("same.yaml", "version: \"1\"\ntasks:\n  build:\n    cmd: [echo, hi]\n");
        ok(mode, "run", "build", "--ci");
        Files.createDirectories(ws.root.resolve(".same/tools/env"));

        Result tools = ok(mode, "clean", "-t");
        assertFalse(Files.exists(ws.root.resolve(".same/tools")), tools.toString());
        assertTrue(Files.exists(ws.root.resolve(".same/cache")), tools.toString());

        Files.createDirectories(ws.root.resolve(".same/tools/env"));
        Result all = ok(mode, "clean", "-a");
        assertFalse(Files.exists(ws.root.resolve(".same/tools")), all.toString());
        assertFalse(Files.exists(ws.root.resolve(".same/cache/actions")), all.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "--version"})
    void theVersionHasTheOriginalsFields(String command) throws Exception {
        Result result = ws.same(command);

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().matches("(?s)same version \\S+ \\(commit: \\S+, date: \\S+\\).*"), result.toString());
        assertTrue(result.stdout().contains("protocol "), "ours stays: " + result);
    }
}
