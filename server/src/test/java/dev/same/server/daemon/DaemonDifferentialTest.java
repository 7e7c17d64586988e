package dev.same.server.daemon;

import dev.same.protocol.client.BuildId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.same.protocol.RunParams;
import dev.same.protocol.RunResult;
import dev.same.protocol.StatusParams;
import dev.same.protocol.TaskStatus;
import dev.same.protocol.TaskStatusInfo;
import dev.same.protocol.client.SameClient;
import dev.same.server.service.WorkspaceEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The daemon is never wrong: on a workspace shaped like a real monorepo (a library whose output the app and the
 * library's tests consume, an input under {@code node_modules}, a task that fails on some content), a seeded random
 * sequence of edits, reverts, new and deleted files, config edits, partial, full, concurrent and in-process runs and
 * edits made while a run is under way. After every step the daemon's {@code workspace/status} over its socket must
 * equal a fresh in-process computation, and a full run straight after a full run must be all cache hits.
 *
 * <p>{@code -Dsame.differential.seeds=N} and {@code -Dsame.differential.steps=M} make it longer (the soak run,
 * {@code ./test-soak}); {@code -Dsame.differential.seed=S} replays one seed, as a failure's message says.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class DaemonDifferentialTest {
    private static final String[] CONTENTS = {"alpha\n", "beta\n", "gamma\n", "bad\n"};
    private static final List<String> EDITABLE = List.of(
            "packages/lib/src/a.txt", "packages/lib/src/b.txt", "packages/app/src/main.txt",
            "packages/app/node_modules/dep/index.js", "packages/app/node_modules/other/index.js",
            "packages/docs/pages/index.md", "README.md");
    private static final List<String> TARGETS = List.of("all", "lib:build", "lib:test", "app:build", "docs:site");
    private static final Map<String, String> CALLER = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));

    @Test
    void theDaemonsStatusEqualsAFreshComputationAfterEveryStep() throws Exception {
        long firstSeed = Long.getLong("same.differential.seed", 20261202L);
        int seeds = Integer.getInteger("same.differential.seeds", 2);
        int steps = Integer.getInteger("same.differential.steps", 40);
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            new Sequence(seed).play(steps);
        }
    }

    private static final class Sequence {
        private final long seed;
        private final Random random;
        private final List<String> log = new ArrayList<>();
        private Path root;
        private int runs;
        private InProcessDaemon daemon;
        private SameClient client;

        Sequence(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
        }

        void play(int steps) throws Exception {
            root = Files.createTempDirectory("same-differential");
            writeWorkspace();
            serve();
            try {
                for (int step = 0; step < steps; step++) {
                    step(client);
                    compare(client);
                }
            } finally {
                stopServing();
            }
        }

        private void serve() throws Exception {
            daemon = InProcessDaemon.serve(root);
            client = SameClient.connect(daemon.socket, InProcessDaemon.NO_PUSHES);
            client.initialize("differential-test", BuildId.current(), daemon.root, 10_000);
            root = daemon.root;
        }

        private void stopServing() throws Exception {
            client.close();
            daemon.close();
        }

        private void step(SameClient client) throws Exception {
            switch (random.nextInt(11)) {
                case 0, 1, 2 -> edit(pick(EDITABLE));
                case 3 -> addOrDelete();
                case 4 -> editConfig();
                case 5 -> {
                    String target = pick(TARGETS);
                    record("run " + target);
                    run(client, target);
                }
                case 6 -> {
                    record("run all, then run all again");
                    RunResult first = run(client, "all");
                    RunResult again = run(client, "all");
                    // what succeeded is a cache hit; a failure is not recorded, so it fails again
                    first.statuses().forEach((task, status) -> {
                        TaskStatus expected = status == TaskStatus.OK ? TaskStatus.CACHED : status;
                        if (again.statuses().get(task) != expected) {
                            fail(failure("a run straight after a run was not all cache hits: " + first.statuses()
                                    + ", then " + again.statuses()));
                        }
                    });
                }
                case 7 -> {
                    record("two runs at once");
                    CompletableFuture<RunResult> first = start(client, pick(TARGETS));
                    CompletableFuture<RunResult> second = start(client, pick(TARGETS));
                    first.get(2, TimeUnit.MINUTES);
                    second.get(2, TimeUnit.MINUTES);
                }
                case 8 -> {
                    String file = pick(EDITABLE);
                    record("run all while " + file + " is edited");
                    CompletableFuture<RunResult> running = start(client, "all");
                    edit(file);
                    running.get(2, TimeUnit.MINUTES);
                }
                case 10 -> {
                    String target = pick(TARGETS);
                    record("stop the daemon, run " + target + " in process, start a daemon again");
                    client.close();
                    daemon.stopKeepingWorkspace();
                    try (WorkspaceEngine engine = new WorkspaceEngine(root)) {
                        engine.run(params(target), InProcessDaemon.NO_PUSHES);
                    }
                    serve();
                }
                default -> {
                    String target = pick(TARGETS);
                    record("run " + target + " in process, beside the daemon");
                    try (WorkspaceEngine engine = new WorkspaceEngine(root)) {
                        engine.run(params(target), InProcessDaemon.NO_PUSHES);
                    }
                }
            }
        }

        private void compare(SameClient client) throws Exception {
            List<TaskStatusInfo> daemon = client.server().status(new StatusParams(List.of(), root.toString(), true))
                    .get(1, TimeUnit.MINUTES).tasks();
            List<TaskStatusInfo> fresh;
            // the fresh computation parses every configuration file: not from the trees the daemon remembers
            java.nio.file.Files.deleteIfExists(root.resolve(".same/cache/config-trees"));
            try (WorkspaceEngine engine = new WorkspaceEngine(root)) {
                fresh = engine.status(new StatusParams(List.of(), root.toString(), false)).tasks();
            }
            if (!daemon.equals(fresh)) {
                fail(failure("the daemon's status differs from a fresh computation\n  daemon: " + daemon
                        + "\n  fresh:  " + fresh));
            }
        }

        private RunResult run(SameClient client, String target) throws Exception {
            return start(client, target).get(2, TimeUnit.MINUTES);
        }

        private CompletableFuture<RunResult> start(SameClient client, String target) {
            return client.server().runStart(params(target));
        }

        private RunParams params(String target) {
            return new RunParams("differential-" + seed + "-" + (++runs), List.of(target), root.toString(), CALLER,
                    false, 0);
        }

        private void edit(String file) throws IOException {
            String content = CONTENTS[random.nextInt(CONTENTS.length)];
            record("write " + content.strip() + " to " + file);
            write(file, content);
        }

        private void addOrDelete() throws IOException {
            Path extra = root.resolve("packages/lib/src/extra.txt");
            if (Files.exists(extra)) {
                record("delete packages/lib/src/extra.txt");
                Files.delete(extra);
            } else {
                edit("packages/lib/src/extra.txt");
            }
        }

        /** Toggles an environment variable of app:build, and whether it is portable: the graph is reloaded. */
        private void editConfig() throws IOException {
            boolean production = random.nextBoolean();
            boolean portable = random.nextBoolean();
            record("app's mode " + (production ? "production" : "development") + (portable ? ", portable" : ""));
            write("packages/app/same.yaml", appConfig(production ? "production" : "development", portable));
        }

        private void writeWorkspace() throws IOException {
            write("same.work.yaml", """
                    version: "1"
                    projects: ["packages/*"]
                    """);
            write("README.md", "not an input\n");
            write("packages/lib/same.yaml", """
                    version: "1"
                    project: lib
                    tasks:
                      build:
                        cmd: ["sh", "-c", "mkdir -p dist && cat src/*.txt > dist/lib.txt"]
                        input: ["src"]
                        target: ["dist"]
                      test:
                        cmd: ["sh", "-c", "! grep -q bad dist/lib.txt"]
                        input: ["src", "dist"]
                        dependsOn: ["build"]
                    """);
            write("packages/lib/src/a.txt", "alpha\n");
            write("packages/lib/src/b.txt", "beta\n");
            write("packages/app/same.yaml", appConfig("production", false));
            write("packages/app/src/main.txt", "main\n");
            write("packages/app/node_modules/dep/index.js", "dep\n");
            write("packages/app/node_modules/other/index.js", "other\n");
            write("packages/docs/same.yaml", """
                    version: "1"
                    project: docs
                    tasks:
                      site:
                        cmd: ["sh", "-c", "mkdir -p out && cat pages/*.md > out/site.html"]
                        input: ["pages"]
                        target: ["out"]
                        portable: true
                    """);
            write("packages/docs/pages/index.md", "index\n");
        }

        private static String appConfig(String mode, boolean portable) {
            return """
                    version: "1"
                    project: app
                    tasks:
                      build:
                        cmd: ["sh", "-c", "mkdir -p dist && cat ../lib/dist/lib.txt src/main.txt node_modules/dep/index.js > dist/app.txt"]
                        input: ["src", "../lib/dist", "node_modules/dep/index.js"]
                        target: ["dist"]
                        dependsOn: ["lib:build"]
                        environment: { MODE: %s }
                        portable: %s
                    """.formatted(mode, portable);
        }

        private void write(String file, String content) throws IOException {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
        }

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        private void record(String step) {
            log.add(step);
        }

        private String failure(String what) {
            int from = Math.max(0, log.size() - 12);
            return "seed " + seed + " (replay with -Dsame.differential.seed=" + seed + " -Dsame.differential.seeds=1), "
                    + "after step " + log.size() + ": " + what + "\n  last steps:\n    "
                    + String.join("\n    ", log.subList(from, log.size()));
        }
    }
}
