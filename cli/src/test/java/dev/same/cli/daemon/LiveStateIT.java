package dev.same.cli.daemon;

import static dev.same.cli.daemon.DaemonWorkspace.poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.same.cli.daemon.DaemonWorkspace.Result;
import dev.same.cli.daemon.DaemonWorkspace.Running;
import dev.same.protocol.GraphInvalidated;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.Health;
import dev.same.protocol.HealthStatus;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.Subscription;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatusInfo;
import dev.same.protocol.client.SameClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The daemon's live state end to end: the real launcher and a real protocol client against a watched workspace.
 * Saves, reverts, new directories, config edits (valid and broken), bursts, subscriptions, the inotify watch
 * limit (inside a user namespace), {@code same watch}, and in-process answers equal to the daemon's.
 */
@Timeout(120)
class LiveStateIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIB_FILE = "packages/lib/src/name.txt";
    private static final String LIB_YAML = """
            version: "1"
            project: lib
            tasks:
              build:
                cmd: ["sh", "-c", "mkdir -p out; : %s"]
                input: ["src"]
                target: ["out"]
            """;

    private DaemonWorkspace ws;
    private final List<SameClient> clients = new ArrayList<>();
    /** A daemon started with 'daemon start --foreground' (its log goes to its stderr), or null. */
    private Running foreground;

    @BeforeEach
    void workspace() throws Exception {
        ws = new DaemonWorkspace();
        ws.file("same.work.yaml", """
                        version: "1"
                        projects: ["packages/*"]
                        """)
                .file("packages/lib/same.yaml", LIB_YAML.formatted(ws.marker))
                .file("packages/app/same.yaml", """
                        version: "1"
                        project: app
                        tasks:
                          build:
                            cmd: ["sh", "-c", ": %s"]
                            input: ["src"]
                            dependsOn: ["lib:build"]
                        """.formatted(ws.marker))
                .file("packages/docs/same.yaml", """
                        version: "1"
                        project: docs
                        tasks:
                          site:
                            cmd: ["sh", "-c", ": %s"]
                            input: ["pages"]
                        """.formatted(ws.marker))
                .file(LIB_FILE, "lib\n")
                .file("packages/app/src/main.txt", "app\n")
                .file("packages/docs/pages/index.md", "# docs\n");
    }

    @AfterEach
    void stopEverything() throws Exception {
        clients.forEach(SameClient::close);
        ws.close();
        assertTrue(ws.daemonProcesses().isEmpty(), "no daemon outlives its test");
    }

    // ---- saves, reverts, new directories

    @Test
    void aSaveMakesTheTaskAndItsDependentsDirtyAndARevertMakesThemCleanAgain() throws Exception {
        ok("run", "app:build", "docs:site", "--ci");
        Pushes pushes = connect(null);
        assertEquals(Map.of("lib:build", "CLEAN", "app:build", "CLEAN", "docs:site", "CLEAN"), states());

        write(LIB_FILE, "changed\n");
        JsonNode dirty = status(); // right after the write: read your writes
        assertEquals(Map.of("lib:build", "DIRTY", "app:build", "DIRTY", "docs:site", "CLEAN"), states(dirty));
        assertEquals(List.of("input changed: " + LIB_FILE), reasons(dirty, "lib:build"));
        assertEquals(List.of("upstream changed: lib:build"), reasons(dirty, "app:build"));
        HashesChanged pushed = pushes.awaitHashes(c -> c.changedFiles().contains(LIB_FILE)
                && state(c, "lib:build") == TaskState.DIRTY);
        assertEquals(List.of("input changed: " + LIB_FILE), task(pushed, "lib:build").reasons());
        assertEquals(TaskState.DIRTY, state(pushed, "app:build"));
        assertNull(task(pushed, "docs:site"), "an unaffected task is not in the push: " + pushed);
        assertTrue(pushed.epoch() <= dirty.path("epoch").asLong(), "the status includes the pushed change");

        Result why = ok("why", "app:build");
        assertTrue(why.stdout().contains("app:build is ● dirty") && why.stdout().contains("upstream changed: lib:build"),
                why.toString());
        Result whyLib = ok("why", "lib:build");
        assertTrue(whyLib.stdout().contains("input changed: " + LIB_FILE), whyLib.toString());

        write(LIB_FILE, "lib\n");
        JsonNode clean = status();
        assertEquals(Map.of("lib:build", "CLEAN", "app:build", "CLEAN", "docs:site", "CLEAN"), states(clean));
        HashesChanged reverted = pushes.awaitHashes(c -> c.changedFiles().contains(LIB_FILE)
                && state(c, "lib:build") == TaskState.CLEAN);
        assertEquals(TaskState.CLEAN, state(reverted, "app:build"));
        assertEquals(List.of(), task(reverted, "lib:build").reasons());
        assertTrue(reverted.epoch() > pushed.epoch());
    }

    @Test
    void aNewFileInANewSubdirectoryOfAnInputDirectoryIsSeen() throws Exception {
        ok("run", "lib:build", "--ci");
        Pushes pushes = connect(null);
        String added = "packages/lib/src/new/deeper/added.txt";
        write(added, "new\n");
        JsonNode after = status();
        assertEquals("DIRTY", states(after).get("lib:build"));
        assertEquals(List.of("input added: " + added), reasons(after, "lib:build"));
        pushes.awaitHashes(c -> c.changedFiles().contains(added) && state(c, "lib:build") == TaskState.DIRTY);

        // and a file written into that new directory later (its watch was registered when it appeared)
        ok("run", "lib:build", "--ci");
        String later = "packages/lib/src/new/deeper/later.txt";
        write(later, "later\n");
        assertEquals(List.of("input added: " + later), reasons(status(), "lib:build"));
        pushes.awaitHashes(c -> c.changedFiles().contains(later));
    }

    // ---- configuration

    @Test
    void editingSameYamlAddsATaskAndPushesGraphInvalidated() throws Exception {
        Pushes pushes = connect(null);
        write("packages/lib/same.yaml", LIB_YAML.formatted(ws.marker) + """
                  test:
                    cmd: ["true"]
                    input: ["src"]
                """);
        assertTrue(states(status()).containsKey("lib:test"));
        GraphInvalidated invalidated = pushes.await(GraphInvalidated.class, g -> true);
        assertNull(invalidated.error());
        pushes.awaitHashes(c -> task(c, "lib:test") != null);
    }

    @Test
    void aBrokenSameYamlKeepsTheLastGoodGraphAndReportsTheErrorUntilFixed() throws Exception {
        Pushes pushes = connect(null);
        String broken = LIB_YAML.formatted(ws.marker) + "  test: [\n    cmd\n";
        write("packages/lib/same.yaml", broken);

        JsonNode status = status();
        assertEquals(Set.of("lib:build", "app:build", "docs:site"), states(status).keySet(),
                "the last valid graph is still served: " + status);
        JsonNode error = status.path("configError");
        assertEquals("packages/lib/same.yaml", error.path("file").asText(), status.toString());
        int line = error.path("line").asInt();
        assertTrue(line >= 8 && line <= 10, "the line of the broken YAML (8): " + error);
        assertTrue(error.path("message").asText().contains("packages/lib/same.yaml"), error.toString());

        // the watcher may see the file half-written first (another error); the push of the final one is awaited
        String message = error.path("message").asText();
        GraphInvalidated invalidated = pushes.await(GraphInvalidated.class,
                g -> g.error() != null && g.error().message().equals(message));
        assertEquals("packages/lib/same.yaml", invalidated.error().file());
        assertEquals(line, invalidated.error().line());

        Result text = ok("status");
        assertTrue(text.stderr().contains("showing the last valid configuration"), text.toString());
        assertTrue(text.stdout().contains("lib:build"), text.toString());

        write("packages/lib/same.yaml", LIB_YAML.formatted(ws.marker));
        JsonNode fixed = status();
        assertFalse(fixed.has("configError"), "nulls are left out: " + fixed);
        pushes.await(GraphInvalidated.class, g -> g.error() == null && g.epoch() > invalidated.epoch());
    }

    // ---- bursts and subscriptions

    @Test
    void aBurstOfAThousandWritesIsCoalescedAndNamesEveryFile() throws Exception {
        ok("run", "lib:build", "--ci");
        Pushes pushes = connect(List.of(Subscription.HASHES));
        Set<String> burst = new TreeSet<>();
        for (int i = 0; i < 1000; i++) {
            burst.add("packages/lib/src/burst/f" + i + ".txt");
        }
        Files.createDirectories(ws.root.resolve("packages/lib/src/burst"));
        for (String file : burst) {
            Files.writeString(ws.root.resolve(file), file);
        }
        poll(() -> pushes.hashes().stream().flatMap(c -> c.changedFiles().stream())
                .filter(burst::contains).distinct().count() == burst.size(), "pushes naming all 1,000 files");
        List<HashesChanged> naming = pushes.hashes().stream()
                .filter(c -> c.changedFiles().stream().anyMatch(burst::contains)).toList();
        JsonNode daemon = JSON.readTree(ok("daemon", "status", "--json").stdout());
        System.out.println("[LiveStateIT] a burst of 1,000 writes gave " + naming.size()
                + " hashesChanged push(es) naming them, with " + naming.stream()
                .map(c -> c.changedFiles().stream().filter(burst::contains).count()).toList() + " files; "
                + daemon.path("watchEvents").asLong() + " events, " + daemon.path("rescans").asLong() + " rescans");
        assertTrue(naming.size() < burst.size() / 10, "coalesced: " + naming.size() + " pushes");
        assertEquals("DIRTY", states(status()).get("lib:build"));
    }

    @Test
    void aClientGetsThePushesItSubscribedToAndNoOthers() throws Exception {
        Pushes graphOnly = connect(List.of(Subscription.GRAPH));
        Pushes everything = connect(null);
        write(LIB_FILE, "changed\n");
        everything.awaitHashes(c -> c.changedFiles().contains(LIB_FILE));
        write("packages/docs/same.yaml", Files.readString(ws.root.resolve("packages/docs/same.yaml"))
                + "  extra:\n    cmd: [\"true\"]\n");
        // pushes reach one client in order: had it subscribed to hashes, the file's push would be here by now
        graphOnly.await(GraphInvalidated.class, g -> true);
        everything.await(GraphInvalidated.class, g -> true);
        write("packages/docs/same.yaml", Files.readString(ws.root.resolve("packages/docs/same.yaml"))
                + "  more:\n    cmd: [\"true\"]\n");
        poll(() -> graphOnly.all(GraphInvalidated.class).size() == 2, "the second graphInvalidated");
        assertEquals(List.of(), graphOnly.all(HashesChanged.class), "no hashesChanged for a graph-only client");
        assertEquals(List.of(), graphOnly.all(Health.class));
        assertFalse(everything.all(HashesChanged.class).isEmpty());
    }

    @Test
    void aClientThatStopsReadingDoesNotHoldUpTheOthers() throws Exception {
        CountDownLatch resume = new CountDownLatch(1);
        Pushes stuck = new Pushes() {
            @Override
            public void hashesChanged(HashesChanged change) {
                super.hashesChanged(change);
                try {
                    resume.await(); // like a suspended editor: its connection is no longer read
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        connect(stuck, List.of(Subscription.HASHES));
        Pushes reading = connect(List.of(Subscription.HASHES));
        try {
            // far more than a socket buffer holds: every push names a thousand long file names
            String dir = "packages/lib/src/" + "a-rather-long-directory-name-to-fill-buffers-".repeat(2);
            Files.createDirectories(ws.root.resolve(dir));
            for (int burst = 0; burst < 6; burst++) {
                String last = null;
                for (int i = 0; i < 1000; i++) {
                    last = dir + "/file-" + i + ".txt";
                    Files.writeString(ws.root.resolve(last), "burst " + burst);
                }
                String named = last;
                reading.awaitHashes(c -> c.changedFiles().contains(named));
                reading.received.clear();
            }
            assertEquals(1, stuck.hashes().size(), "the stuck client took one push and stopped reading");
            write(LIB_FILE, "still served\n");
            reading.awaitHashes(c -> c.changedFiles().contains(LIB_FILE));
        } finally {
            resume.countDown();
        }
    }

    @Test
    void moreIdleSubscribersThanCoresDoNotStopTheDaemonServingOthers() throws Exception {
        ok("run", "lib:build", "--ci");
        // editors and 'same watch' stay connected, idle, waiting for pushes
        int idle = Runtime.getRuntime().availableProcessors() + 2;
        List<Pushes> editors = new ArrayList<>();
        for (int i = 0; i < idle; i++) {
            editors.add(connect(List.of(Subscription.HASHES)));
        }
        write(LIB_FILE, "changed\n");
        Result status = ok("status");
        assertFalse(status.stderr().contains("unavailable"), "served by the daemon: " + status);
        assertTrue(status.stdout().contains("input changed: " + LIB_FILE), status.toString());
        editors.forEach(e -> e.awaitHashes(c -> c.changedFiles().contains(LIB_FILE)));
    }

    // ---- the inotify watch limit, lowered inside a user namespace

    @Test
    void hittingTheWatchLimitAtRunTimeDegradesToScanningAndPushesHealth() throws Exception {
        assumeTrue(userNamespaces(), "unshare -U -r with a writable /proc/sys/user/max_inotify_watches");
        Path control = Files.createTempDirectory("same-it-limit");
        ws.deleteOnClose(control);
        Path go = control.resolve("go");
        Path lowered = control.resolve("lowered");
        assertEquals(0, new ProcessBuilder("mkfifo", go.toString()).start().waitFor());
        // the daemon runs in the namespace; the shell lowers the limit below its current use when told to
        startForeground(List.of("unshare", "-U", "-r", "sh", "-c", "\"$0\" \"$@\" & read line < " + go
                + " && echo 1 > /proc/sys/user/max_inotify_watches && touch " + lowered + "; wait"));
        ok("run", "lib:build", "--ci");
        Pushes pushes = connect(null);
        Files.writeString(go, "go\n");
        poll(() -> Files.exists(lowered), "the lowered watch limit");

        String unwatched = "packages/lib/src/beyond/the/limit.txt";
        write(unwatched, "x\n");
        Health health = pushes.await(Health.class, h -> h.status() == HealthStatus.DEGRADED);
        assertTrue(health.reason().contains("watch limit"), health.toString());
        assertTrue(health.remedy().contains("max_user_watches"), health.toString());
        assertDaemonStatusShowsDegraded();

        // polling: a file in the unwatched directory is seen, by status and by a push
        JsonNode status = status();
        assertEquals(List.of("input added: " + unwatched), reasons(status, "lib:build"));
        String again = "packages/lib/src/beyond/the/again.txt";
        write(again, "y\n");
        assertTrue(reasons(status(), "lib:build").contains("input added: " + again));
        pushes.awaitHashes(c -> task(c, "lib:build") != null && c.epoch() > status.path("epoch").asLong());
    }

    @Test
    void aWatchLimitTooLowToStartScansFromTheStartAndTellsLateSubscribers() throws Exception {
        assumeTrue(userNamespaces(), "unshare -U -r with a writable /proc/sys/user/max_inotify_watches");
        startForeground(List.of("unshare", "-U", "-r", "sh", "-c",
                "echo 5 > /proc/sys/user/max_inotify_watches && exec \"$0\" \"$@\""));
        assertDaemonStatusShowsDegraded();
        Pushes pushes = connect(List.of(Subscription.HEALTH, Subscription.HASHES));
        Health health = pushes.await(Health.class, h -> h.status() == HealthStatus.DEGRADED);
        assertTrue(health.reason().contains("could not start") || health.reason().contains("watch limit"),
                health.toString());

        write(LIB_FILE, "changed while polling\n");
        JsonNode status = status();
        assertEquals(List.of("never run"), reasons(status, "lib:build"));
        ok("run", "lib:build", "--ci");
        write(LIB_FILE, "changed again\n");
        assertEquals(List.of("input changed: " + LIB_FILE), reasons(status(), "lib:build"));
        pushes.awaitHashes(c -> state(c, "lib:build") == TaskState.DIRTY);
    }

    // ---- same watch

    @Test
    void sameWatchRunsAgainAfterAChangeAndStopsOnCtrlC() throws Exception {
        Running watch = ws.start(List.of("env", "--default-signal=INT"), "watch", "lib:build");
        poll(() -> runsFinished(watch) >= 1 || !watch.process.isAlive(), "the first run");
        poll(() -> watch.stderr().contains("watching for changes") || !watch.process.isAlive(), "watching");
        write(LIB_FILE, "changed under watch\n");
        poll(() -> runsFinished(watch) >= 2 || !watch.process.isAlive(), "a second run after the change");
        assertTrue(watch.process.isAlive(), watch.stdout() + watch.stderr());
        DaemonWorkspace.signal(watch.process.pid(), "INT");
        Result result = watch.await();
        assertNotEquals(0, result.exitCode(), result.toString());
        assertTrue(runsFinished(watch) >= 2, result.toString());
        assertFalse(result.stderr().contains("\tat "), result.toString());
    }

    // ---- in process

    @Test
    void noDaemonStatusAndWhyGiveTheDaemonsAnswers() throws Exception {
        ws.file("packages/docs/same.yaml", """
                version: "1"
                project: docs
                tasks:
                  site:
                    cmd: ["sh", "-c", "exit 3; : %s"]
                    input: ["pages"]
                """.formatted(ws.marker));
        ok("run", "app:build", "--ci");
        assertEquals(1, ws.same("run", "docs:site", "--ci").exitCode());
        write(LIB_FILE, "changed\n");
        write("packages/app/src/extra.txt", "extra\n");

        JsonNode daemon = status();
        JsonNode inProcess = JSON.readTree(ok("status", "--json", "--no-daemon").stdout());
        assertEquals(daemon.path("tasks"), inProcess.path("tasks"));
        assertEquals("FAILED", states(daemon).get("docs:site"), daemon.toString());
        for (String task : List.of("lib:build", "app:build", "docs:site")) {
            JsonNode why = withoutEpoch(ok("why", task, "--json").stdout());
            assertEquals(why, withoutEpoch(ok("why", task, "--json", "--no-daemon").stdout()), task);
        }
    }

    // ---- helpers

    /** Records the workspace pushes a client receives, in order. */
    static class Pushes implements SameClientApi {
        final List<Object> received = new CopyOnWriteArrayList<>();

        @Override
        public void runEvent(RunEvent event) {
        }

        @Override
        public void runOutput(RunOutput output) {
        }

        @Override
        public void hashesChanged(HashesChanged change) {
            received.add(change);
        }

        @Override
        public void graphInvalidated(GraphInvalidated change) {
            received.add(change);
        }

        @Override
        public void health(Health health) {
            received.add(health);
        }

        <T> List<T> all(Class<T> type) {
            return received.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<HashesChanged> hashes() {
            return all(HashesChanged.class);
        }

        <T> T await(Class<T> type, Predicate<T> condition) {
            poll(() -> all(type).stream().anyMatch(condition), "a " + type.getSimpleName() + " push; got "
                    + summary());
            return all(type).stream().filter(condition).findFirst().orElseThrow();
        }

        /** The pushes so far, each in one short line. */
        String summary() {
            return received.stream().map(p -> switch (p) {
                case HashesChanged c -> "hashesChanged epoch " + c.epoch() + " " + c.tasks().stream()
                        .map(t -> t.id() + "=" + t.state()).toList() + " " + c.changedFiles().size() + " files "
                        + c.changedFiles().stream().limit(3).toList();
                default -> p.toString();
            }).toList().toString();
        }

        HashesChanged awaitHashes(Predicate<HashesChanged> condition) {
            return await(HashesChanged.class, condition);
        }
    }

    /** Starts the daemon if needed, waits until it watches, and connects a client subscribed to those pushes. */
    private Pushes connect(List<Subscription> subscriptions) throws Exception {
        return connect(new Pushes(), subscriptions);
    }

    private Pushes connect(Pushes pushes, List<Subscription> subscriptions) throws Exception {
        if (ws.discovery().isEmpty()) {
            ok("daemon", "start");
        }
        awaitIndexed();
        SameClient client = SameClient.connect(Path.of(ws.discovery().orElseThrow().path("socket").asText()),
                pushes);
        clients.add(client);
        client.initialize("test", "0", ws.root, subscriptions, 10_000);
        return pushes;
    }

    /** Starts the daemon in the foreground, behind {@code wrapper}, and waits until it watches. */
    private Running startForeground(List<String> wrapper) throws Exception {
        foreground = ws.start(wrapper, "daemon", "start", "--foreground");
        awaitIndexed();
        return foreground;
    }

    /** Waits for the daemon's log line that says the workspace is indexed and watched. */
    private void awaitIndexed() {
        Path log = ws.stateDirectory().resolve("daemon.log");
        Running daemon = foreground;
        poll(() -> daemon == null ? DaemonWorkspace.read(log).contains("indexed the workspace")
                        : daemon.stderr().contains("indexed the workspace") || !daemon.process.isAlive(),
                "the daemon to index the workspace");
        if (daemon != null) {
            assertTrue(daemon.process.isAlive(), daemon.stdout() + daemon.stderr());
            poll(() -> ws.discovery().isPresent(), "the discovery file");
        }
    }

    private void assertDaemonStatusShowsDegraded() throws Exception {
        Result status = ok("daemon", "status");
        assertTrue(status.stdout().contains("DEGRADED") && status.stdout().contains("max_user_watches"),
                status.toString());
        JsonNode json = JSON.readTree(ok("daemon", "status", "--json").stdout());
        assertTrue(json.path("health").asText().startsWith("DEGRADED"), json.toString());
    }

    /** Whether this machine lets us lower the inotify watch limit inside a user namespace. */
    private static boolean userNamespaces() {
        try {
            Process probe = new ProcessBuilder("unshare", "-U", "-r", "sh", "-c",
                    "echo 5 > /proc/sys/user/max_inotify_watches").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int runsFinished(Running watch) {
        // progress goes to stderr, task output to stdout
        Matcher matcher = Pattern.compile("\\[lib:build] . (Completed|Cached)").matcher(watch.stderr());
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private void write(String relative, String content) throws IOException {
        ws.file(relative, content);
    }

    private Result ok(String... args) throws Exception {
        Result result = ws.same(args);
        assertEquals(0, result.exitCode(), String.join(" ", args) + ": " + result);
        return result;
    }

    private JsonNode status() throws Exception {
        return JSON.readTree(ok("status", "--json").stdout());
    }

    private Map<String, String> states() throws Exception {
        return states(status());
    }

    private static Map<String, String> states(JsonNode status) {
        Map<String, String> states = new LinkedHashMap<>();
        status.path("tasks").forEach(t -> states.put(t.path("id").asText(), t.path("state").asText()));
        return states;
    }

    private static List<String> reasons(JsonNode status, String task) {
        for (JsonNode t : status.path("tasks")) {
            if (t.path("id").asText().equals(task)) {
                List<String> reasons = new ArrayList<>();
                t.path("reasons").forEach(r -> reasons.add(r.asText()));
                return reasons;
            }
        }
        throw new AssertionError(task + " is not in " + status);
    }

    private static TaskStatusInfo task(HashesChanged change, String id) {
        return change.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    private static TaskState state(HashesChanged change, String id) {
        return Optional.ofNullable(task(change, id)).map(TaskStatusInfo::state).orElse(null);
    }

    private static JsonNode withoutEpoch(String json) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        node.remove("epoch");
        return node;
    }
}
