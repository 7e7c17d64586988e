package dev.same.server.launch;

import dev.same.protocol.ExplainParams;
import dev.same.protocol.GraphParams;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunParams;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.StatusParams;
import dev.same.protocol.client.BuildId;
import dev.same.protocol.client.DaemonAddress;
import dev.same.protocol.client.PrivateFiles;
import dev.same.protocol.client.SameClient;
import dev.same.server.daemon.Daemon;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run for the daemon's AOT cache (JDK 25, {@code -XX:AOTCacheOutput}), which {@code bin/same} runs in
 * the background once per exact set of jars and JDK, beside the CLI's. A real daemon serves a small generated
 * workspace to a real client over its socket through what a daemon does after it starts: loading the graph,
 * indexing and watching, status, a first run and a cached one, an edit seen by the watcher, why and the graph;
 * then it stops, and the JVM writes the classes it loaded, linked and profiled. A daemon started with the cache
 * indexes its workspace and answers its first requests without loading those classes again.
 */
public final class DaemonAotTraining {
    /** Generous: the training runs niced, in the background, possibly beside a build that takes every core. */
    private static final long ANSWER_SECONDS = 600;
    private static final int PROJECTS = 6;
    private static final int FILES = 5;

    private DaemonAotTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path temp = Files.createTempDirectory("same-daemon-aot-training").toRealPath();
        try {
            train(temp);
        } finally {
            deleteTree(temp);
        }
    }

    static void train(Path temp) throws Exception {
        Path root = Files.createDirectories(temp.resolve("workspace"));
        Path runtime = PrivateFiles.createDirectories(temp.resolve("runtime"));
        writeWorkspace(root);
        // not the caller's environment: the first command of a new build starts the training, and its SAME_*
        // variables (a bad value, say) are no business of a training run
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("XDG_RUNTIME_DIR", runtime.toString());
        Daemon daemon = new Daemon(root, Duration.ofMinutes(10), environment, InstantSource.system(),
                new PrintStream(OutputStream.nullOutputStream()));
        CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
            try {
                return daemon.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, runnable -> Thread.ofPlatform().name("training-daemon").start(runnable));
        Path socket = DaemonAddress.socketPath(root, environment);
        try (SameClient client = connect(socket, served)) {
            client.initialize("aot-training", BuildId.current(), root, ANSWER_SECONDS * 1000);
            String cwd = root.toString();
            answer(client.server().graph(new GraphParams(cwd)));
            answer(client.server().status(new StatusParams(List.of("all"), cwd, true)));
            answer(client.server().runStart(run("first", cwd, environment)));
            answer(client.server().runStart(run("cached", cwd, environment)));
            Files.writeString(root.resolve("packages/p0/src/f0.txt"), "edited\n");
            answer(client.server().status(new StatusParams(List.of("all"), cwd, true)));
            answer(client.server().explain(new ExplainParams("p" + (PROJECTS - 1) + ":build", cwd, true)));
            answer(client.server().runStart(run("after-edit", cwd, environment)));
            answer(client.server().daemonStatus());
        } finally {
            daemon.stop();
        }
        served.get(ANSWER_SECONDS, TimeUnit.SECONDS);
    }

    private static RunParams run(String id, String cwd, Map<String, String> environment) {
        return new RunParams(id, List.of("all"), cwd, environment, false, 2);
    }

    /** Each project's build reads its sources and the build of the one before it, as real workspaces chain. */
    private static void writeWorkspace(Path root) throws IOException {
        Files.writeString(root.resolve("same.work.yaml"), "version: \"1\"\nprojects: [\"packages/*\"]\n");
        for (int p = 0; p < PROJECTS; p++) {
            Path project = Files.createDirectories(root.resolve("packages/p" + p));
            for (int f = 0; f < FILES; f++) {
                Files.writeString(Files.createDirectories(project.resolve("src")).resolve("f" + f + ".txt"),
                        "file " + f + " of project " + p + "\n");
            }
            String inputs = p == 0 ? "[\"src\"]" : "[\"src\", \"../p%d/dist\"]".formatted(p - 1);
            String dependsOn = p == 0 ? "[]" : "[\"p%d:build\"]".formatted(p - 1);
            Files.writeString(project.resolve("same.yaml"), """
                    version: "1"
                    project: p%d
                    tasks:
                      build:
                        cmd: ["sh", "-c", "mkdir -p dist && cat src/*.txt > dist/out.txt && echo built"]
                        input: %s
                        target: ["dist"]
                        dependsOn: %s
                    """.formatted(p, inputs, dependsOn));
        }
    }

    private static SameClient connect(Path socket, CompletableFuture<Integer> served) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_SECONDS);
        while (true) {
            if (served.isDone()) {
                throw new IllegalStateException("the training daemon ended before serving: " + served.get());
            }
            if (Files.exists(socket)) {
                try {
                    return SameClient.connect(socket, new SameClientApi() {
                        @Override
                        public void runEvent(RunEvent event) {
                        }

                        @Override
                        public void runOutput(RunOutput output) {
                        }
                    });
                } catch (IOException notYet) {
                    // bound but not accepting yet
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the training daemon did not serve within " + ANSWER_SECONDS + "s");
            }
            Thread.sleep(10);
        }
    }

    private static <T> T answer(CompletableFuture<T> request) throws Exception {
        return request.get(ANSWER_SECONDS, TimeUnit.SECONDS);
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
