package dev.same.server.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunParams;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.TaskStatus;
import dev.same.server.cache.CacheDirectory;
import dev.same.server.cache.remote.RemoteCaches;
import dev.same.server.config.ConfigLoader;
import dev.same.server.config.Workspace;
import dev.same.server.env.EnvSettings;
import dev.same.server.env.ToolEnvironmentResolver;
import dev.same.server.graph.TaskGraph;
import dev.same.server.hash.FileDigests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on a clean machine asks the remote cache for the results of its tasks all at once, as it starts: the server
 * answers only once it holds every request, so a run asking task after task would time out and run them all.
 */
class ExecRemotePrefetchTest {
    private static final int INDEPENDENT = 6;

    @TempDir
    Path temp;
    private final FakeHttpCache server = new FakeHttpCache();
    private final RemoteCaches remoteCaches = new RemoteCaches(line -> { });
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    ExecRemotePrefetchTest() throws IOException {
    }

    @AfterEach
    void stop() {
        remoteCaches.close();
        server.close();
    }

    @Test
    void theRecordsOfEveryTaskWhoseHashIsKnownAheadAreAskedForTogetherAndEachOnce() throws Exception {
        Map<String, TaskStatus> built = run(machine("first"));
        remoteCaches.flush(Duration.ofSeconds(60));
        assertEquals(INDEPENDENT + 1, server.records(), server.requests.toString());
        assertEquals(TaskStatus.OK, built.get("app"));

        server.holdRecordsUntilTogether(INDEPENDENT);
        server.requests.clear();
        Path second = machine("second");
        Map<String, TaskStatus> restored = run(second);

        Map<String, TaskStatus> expected = new TreeMap<>();
        for (int i = 0; i < INDEPENDENT; i++) {
            expected.put("t" + i, TaskStatus.CACHED);
        }
        expected.put("app", TaskStatus.CACHED); // its input is t0's output: asked for once t0 is restored
        assertEquals(expected, new TreeMap<>(restored), warnings + "\n" + server.requests);
        assertEquals(List.of(), warnings);
        assertEquals(INDEPENDENT + 1, server.requests.stream().filter(r -> r.startsWith("GET /cache/ac/")).count(),
                server.requests.toString());
        assertEquals("t0\n", Files.readString(second.resolve("app.txt")));
    }

    /** A workspace of independent tasks and one reading the output of the first, with its own {@code .same/}. */
    private Path machine(String name) throws IOException {
        Path root = Files.createDirectories(temp.resolve(name));
        StringBuilder yaml = new StringBuilder("version: \"1\"\ntasks:\n");
        for (int i = 0; i < INDEPENDENT; i++) {
            yaml.append("""
                      t%1$d:
                        cmd: ["sh", "-c", "mkdir -p out/t%1$d && cp src/t%1$d.txt out/t%1$d/"]
                        input: ["src/t%1$d.txt"]
                        target: ["out/t%1$d"]
                    """.formatted(i));
            Files.createDirectories(root.resolve("src"));
            Files.writeString(root.resolve("src/t" + i + ".txt"), "t" + i + "\n");
        }
        yaml.append("""
                  app:
                    cmd: ["sh", "-c", "cat out/t0/t0.txt > app.txt"]
                    input: ["out/t0"]
                    target: ["app.txt"]
                    dependsOn: ["t0"]
                """);
        Files.writeString(root.resolve("same.yaml"), yaml);
        return root;
    }

    private Map<String, TaskStatus> run(Path root) throws Exception {
        Workspace workspace = ConfigLoader.load(root);
        TaskGraph graph = TaskGraph.of(workspace);
        CacheDirectory cache = CacheDirectory.of(root);
        ToolEnvironmentResolver environments = new ToolEnvironmentResolver(cache,
                EnvSettings.fromEnvironment(Map.of()));
        Map<String, String> caller = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "SAME_REMOTE_CACHE_URL", server.url());
        RunParams params = new RunParams(null, List.of("all"), root.toString(), caller, false, 1);
        SameClientApi client = new SameClientApi() {
            @Override
            public void runEvent(RunEvent event) {
            }

            @Override
            public void runOutput(RunOutput output) {
                if (output.text().contains("warning")) {
                    warnings.add(output.text());
                }
            }
        };
        WorkspaceWrites writes = new WorkspaceWrites();
        return new RunExecution(workspace, graph, graph.order(), params, client, cache, new FileDigests(),
                environments, new RunStatistics(), Map.of(), RunningTasks.NONE, writes, writes.mark(),
                remoteCaches.forRun(workspace.remoteCache(), caller).orElseThrow()).execute().statuses();
    }
}
