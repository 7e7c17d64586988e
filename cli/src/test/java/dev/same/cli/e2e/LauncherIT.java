package dev.same.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/same finding Java without SAME_JAVA_HOME, the runtime it remembers so later commands need no search, and
 * the AOT cache it trains per build (JDK 25.0.3 would use a stale one silently: JDK-8377932).
 */
class LauncherIT {
    @TempDir
    Path dir;

    @Test
    void remembersTheJavaItFoundAndSearchesAgainWhenThatJavaIsGone() throws Exception {
        String javaHome = System.getProperty("java.home");
        // a PATH of its own makes a memo key no other test uses
        String path = SameProcess.baseEnvironment().get("PATH") + ":" + dir.resolve("not-a-bin-dir");
        Map<String, String> env = Map.of("SAME_JAVA_HOME", "", "JAVA_HOME", javaHome, "PATH", path);
        Path memo = SameProcess.launcher().getParent().getParent().resolve("aot/java-home");

        SameProcess.Result first = SameProcess.start(dir, dir.resolve("logs"), env, List.of("version")).await();
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.stdout().contains("Java " + Runtime.version().feature()), first.toString());
        assertEquals(List.of(javaHome + "|" + path, javaHome), Files.readAllLines(memo));

        Files.write(memo, List.of(javaHome + "|" + path, dir.resolve("removed-jdk").toString()));
        SameProcess.Result again = SameProcess.start(dir, dir.resolve("logs"), env, List.of("version")).await();
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(List.of(javaHome + "|" + path, javaHome), Files.readAllLines(memo));
    }

    @Test
    void aRebuiltDistributionTrainsItsOwnAotCacheAndDropsTheOldOne() throws Exception {
        Path dist = dir.resolve("same");
        Path original = SameProcess.launcher().getParent().getParent();
        for (String part : List.of("bin", "lib")) { // not aot/: the copy trains caches of its own
            TestFiles.copyTree(original.resolve(part), dist.resolve(part));
        }
        Files.writeString(dist.resolve("lib/build-id"), "first-build\n");
        runVersion(dist);
        SameProcess.waitUntil("the first build's cache", () -> caches(dist).size() == 1
                && caches(dist).getFirst().startsWith("cli-first-build-"));

        Files.writeString(dist.resolve("lib/build-id"), "second-build\n"); // what any rebuild does
        runVersion(dist);
        SameProcess.waitUntil("the second build's cache, and the first one gone", () -> caches(dist).size() == 1
                && caches(dist).getFirst().startsWith("cli-second-build-"));
        runVersion(dist); // and the cache is then used (a stale or broken one would fail or warn)
    }

    /**
     * A training killed with its terminal or its CI step leaves its marker behind; the next command sees from the pid
     * in it that the training is gone and starts another, rather than run without the cache for ten minutes.
     */
    @Test
    void aTrainingThatWasKilledIsStartedAgainByTheNextCommand() throws Exception {
        Path dist = dir.resolve("same");
        Path original = SameProcess.launcher().getParent().getParent();
        for (String part : List.of("bin", "lib")) {
            TestFiles.copyTree(original.resolve(part), dist.resolve(part));
        }
        Files.writeString(dist.resolve("lib/build-id"), "killed-training\n");
        runVersion(dist);
        SameProcess.waitUntil("the training's marker and its pid", () -> trainingPid(dist).isPresent());
        ProcessHandle trainer = ProcessHandle.of(trainingPid(dist).orElseThrow()).orElseThrow();
        List<ProcessHandle> training = Stream.concat(Stream.of(trainer), trainer.descendants()).toList();
        training.forEach(ProcessHandle::destroyForcibly);
        SameProcess.waitUntil("the training to be gone", () -> training.stream().noneMatch(ProcessHandle::isAlive));
        assertTrue(markerOf(dist).isPresent(), "its marker is left behind");
        for (String cache : caches(dist)) { // what it may have finished before it was killed
            Files.delete(dist.resolve("aot").resolve(cache));
        }

        runVersion(dist);
        SameProcess.waitUntil("the CLI's cache, trained again", () -> caches(dist).size() == 1);
    }

    /** The marker of the CLI cache's training under way, if there is one. */
    private static Optional<Path> markerOf(Path dist) {
        try (Stream<Path> files = Files.list(dist.resolve("aot"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".aot.training")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The pid the launcher wrote into the training's marker. */
    private static Optional<Long> trainingPid(Path dist) {
        try {
            Path marker = markerOf(dist).orElse(null);
            return marker == null ? Optional.empty()
                    : Optional.of(Long.parseLong(Files.readString(marker.resolve("pid")).strip()));
        } catch (IOException | NumberFormatException notYet) {
            return Optional.empty();
        }
    }

    @Test
    void aRelativeInvocationIsNotMisledByCdpath() throws Exception {
        Path dist = SameProcess.launcher().getParent().getParent();
        Files.createDirectories(dir.resolve("bin")); // where CDPATH would take a plain 'cd bin/..'
        printsTheVersion(dist, Map.of("CDPATH", dir.toString()), "sh", "-c", "bin/same version");
    }

    /**
     * bin/same tells the CLI whether standard input and output are a terminal (the JDK's own answer costs a JVM about
     * 9 ms): in one, a run is drawn interactively; piped, it is printed line by line.
     */
    @Test
    void aRunInATerminalIsDrawnInteractivelyAndAPipedOneLineByLine() throws Exception {
        Files.writeString(dir.resolve("same.yaml"), """
                version: "1"
                tasks:
                  hello:
                    cmd: ["sh", "-c", "echo hi"]
                """);
        String run = "'" + SameProcess.launcher() + "' run hello --no-daemon --no-cache";
        // script(1) gives the command a pseudo-terminal for its standard input, output and error
        String inTerminal = output(dir, "script", "-qec", run, "/dev/null");
        assertTrue(inTerminal.contains(" Tasks: ") && !inTerminal.contains("Starting..."), inTerminal);
        String piped = output(dir, "sh", "-c", run);
        assertTrue(piped.contains("[hello] Starting...") && !piped.contains(" Tasks: "), piped);
    }

    /**
     * What the command prints, its standard error included, run in {@code cwd} with the base environment outside
     * CI (where a run is always printed line by line) and without the launcher's AOT caches: under script(1) a
     * training started from here would be in the terminal's process group, ended by its hang-up.
     */
    private static String output(Path cwd, String... command) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(SameProcess.baseEnvironment());
        env.remove("CI");
        env.put("SAME_AOT", "0");
        return succeeds(cwd, env, command);
    }

    private void runVersion(Path dist) throws Exception {
        String output = printsTheVersion(dir, Map.of(), dist.resolve("bin/same").toString(), "version");
        assertTrue(!output.contains("AOT") && !output.contains("warning"), "nothing but the version: " + output);
    }

    /** Runs the command in {@code cwd} with the base environment plus {@code extra}; it must print the version. */
    private static String printsTheVersion(Path cwd, Map<String, String> extra, String... command) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(SameProcess.baseEnvironment());
        env.putAll(extra);
        String output = succeeds(cwd, env, command);
        assertTrue(output.startsWith("same "), output);
        return output;
    }

    /** What the command prints, its standard error included, run in {@code cwd} with {@code env} alone; it must exit 0. */
    private static String succeeds(Path cwd, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    /** The CLI's caches (the in-process and daemon caches are trained after it, each replacing its own kind). */
    private static List<String> caches(Path dist) {
        try (Stream<Path> files = Files.list(dist.resolve("aot"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("cli-") && name.endsWith(".aot")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
