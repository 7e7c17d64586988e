package dev.same.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two workspaces as two machines (each its own {@code .same/}) sharing one real nginx as their remote cache, driven
 * through the packaged launcher, with the daemon and without it.
 */
class RemoteCacheIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "s3cret-t0ken-value";

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSecondMachineRestoresEveryTaskFromTheRemoteWithoutRunningAny(boolean daemon) throws Exception {
        NginxCache nginx = nginx(new NginxCache.Open());
        DaemonWorkspace first = machine(daemon, nginx.url());
        DaemonWorkspace second = machine(daemon, nginx.url());

        DaemonWorkspace.Result built = ok(first.same("run", "all"));
        settle(first, daemon);
        assertEquals(2, files(nginx.storage().resolve("ac")).size(),
                "lib:build and app:build uploaded, never secret:build (remote: false) nor scratch:run (cache: false)"
                        + "\n" + nginx.accessLog());

        DaemonWorkspace.Result restored = ok(second.same("run", "all"));
        assertTrue(restored.stderr().contains("[lib:build] ~ Cached (remote, "), restored.toString());
        assertTrue(restored.stderr().contains("[app:build] ~ Cached (remote, "), restored.toString());
        assertFalse(restored.stderr().contains("[lib:build] ✓ Completed"), restored.toString());
        assertFalse(restored.stderr().contains("[app:build] ✓ Completed"), restored.toString());
        assertTrue(restored.stderr().contains("[secret:build] ✓ Completed"), restored.toString());
        assertTrue(restored.stderr().contains("[scratch:run] ✓ Completed"), restored.toString());
        assertEquals(taskLines(built.stdout(), "lib:build", "app:build"),
                taskLines(restored.stdout(), "lib:build", "app:build"));
        for (String output : List.of("packages/lib/out/name.txt", "packages/lib/out/tool", "packages/app/dist/app.txt")) {
            assertEquals(Files.readString(first.root.resolve(output)), Files.readString(second.root.resolve(output)));
        }
        assertTrue(Files.isExecutable(second.root.resolve("packages/lib/out/tool")));

        if (daemon) {
            JsonNode remote = JSON.readTree(ok(second.same("daemon", "status", "--json")).stdout()).path("remoteCache");
            assertEquals(2, remote.path("hits").asInt(), remote.toString());
            assertEquals(nginx.url(), remote.path("url").asText());
            assertTrue(remote.path("bytesDown").asLong() > 0, remote.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aBlobTamperedWithOnTheServerIsNotUsedAndItsTaskRuns(boolean daemon) throws Exception {
        NginxCache nginx = nginx(new NginxCache.Open());
        DaemonWorkspace first = machine(daemon, nginx.url());
        ok(first.same("run", "lib:build"));
        settle(first, daemon);
        Path nameBlob = nginx.storage().resolve("cas").resolve(sha256("lib\n"));
        Files.writeString(nameBlob, "bad\n"); // the same size, another content
        withoutInlineCopies(files(nginx.storage().resolve("ac")).getFirst()); // so the blob is fetched from cas/

        DaemonWorkspace second = machine(daemon, nginx.url());
        DaemonWorkspace.Result result = ok(second.same("run", "lib:build"));
        assertTrue(result.stdout().contains("[lib:build] warning: the remote cache's result for lib:build is not "
                + "used: blob " + sha256("lib\n")), result.toString());
        assertTrue(result.stderr().contains("[lib:build] ✓ Completed"), result.toString());
        assertEquals("lib\n", Files.readString(second.root.resolve("packages/lib/out/name.txt")));
    }

    @Test
    void aHitOfSmallBlobsIsOneRequestAndATamperedInlineCopyIsNotUsed() throws Exception {
        NginxCache nginx = nginx(new NginxCache.Open());
        ok(machine(false, nginx.url()).same("run", "lib:build"));
        Path record = files(nginx.storage().resolve("ac")).getFirst();
        String good = base64("lib\n");
        assertTrue(Files.readString(record).contains("\"" + sha256("lib\n") + "\":\"" + good + "\""),
                "a small blob travels inside the record: " + Files.readString(record));
        Files.delete(nginx.storage().resolve("cas").resolve(sha256("lib\n")));

        DaemonWorkspace inline = machine(false, nginx.url());
        assertTrue(ok(inline.same("run", "lib:build")).stderr().contains("[lib:build] ~ Cached (remote, "),
                "restored from the record alone, its blob gone from cas/");
        assertEquals("lib\n", Files.readString(inline.root.resolve("packages/lib/out/name.txt")));

        Files.writeString(record, Files.readString(record).replace(good, base64("bad\n")));
        DaemonWorkspace tampered = machine(false, nginx.url());
        DaemonWorkspace.Result result = ok(tampered.same("run", "lib:build"));
        assertTrue(result.stdout().contains("[lib:build] warning: the remote cache's result for lib:build is not "
                + "used: blob " + sha256("lib\n") + " inline in the record does not match its digest and size; "
                + "running the task"), result.toString());
        assertEquals("lib\n", Files.readString(tampered.root.resolve("packages/lib/out/name.txt")));
    }

    @Test
    void statusMarksTheDirtyTasksWhoseResultsTheRemoteHoldsOnceTheDaemonHasAsked() throws Exception {
        NginxCache nginx = nginx(new NginxCache.Open());
        ok(machine(false, nginx.url()).same("run", "all"));
        DaemonWorkspace second = machine(true, nginx.url());
        String[] status = new String[1];
        DaemonWorkspace.poll(() -> {
            try {
                status[0] = ok(second.same("status")).stdout();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return status[0].contains("lib:build     ● dirty (remote hit available)  never run");
        }, "same status to mark lib:build");
        assertTrue(status[0].contains("secret:build  ● dirty      never run"), status[0]); // remote: false
        DaemonWorkspace.Result restored = ok(second.same("run", "all"));
        assertTrue(restored.stderr().contains("[app:build] ~ Cached (remote, "), restored.toString());
        assertTrue(ok(second.same("status", "lib:build")).stdout().contains("lib:build  ✓ clean"));
    }

    @Test
    void badContentOnTheServerIsAMissOrRefusedAndNeverWritten() throws Exception {
        NginxCache nginx = nginx(new NginxCache.Open());
        ok(machine(false, nginx.url()).same("run", "lib:build"));
        Path blob = nginx.storage().resolve("cas").resolve(sha256("lib\n"));
        Path record = files(nginx.storage().resolve("ac")).getFirst();
        withoutInlineCopies(record); // as a writer that does not inline leaves it: blobs come from cas/

        Files.writeString(blob, "lib\n".repeat(1000)); // a body larger than the record announces
        DaemonWorkspace oversized = machine(false, nginx.url());
        DaemonWorkspace.Result cut = ok(oversized.same("run", "lib:build"));
        assertTrue(cut.stdout().contains("is not used: GET " + nginx.url() + "/cas/" + sha256("lib\n")
                + ": the answer is larger than the 4 bytes announced; running the task"), cut.toString());
        assertEquals("lib\n", Files.readString(oversized.root.resolve("packages/lib/out/name.txt")));

        Files.delete(blob); // the record outlived its blob: a plain miss
        DaemonWorkspace missing = machine(false, nginx.url());
        DaemonWorkspace.Result miss = ok(missing.same("run", "lib:build"));
        assertFalse(miss.stdout().contains("warning"), miss.toString());
        assertTrue(miss.stderr().contains("[lib:build] ✓ Completed"), miss.toString());

        Files.writeString(record, Files.readString(record).replace("packages/lib/out/name.txt", "packages/lib/evil.txt"));
        DaemonWorkspace outside = machine(false, nginx.url());
        DaemonWorkspace.Result refused = ok(outside.same("run", "lib:build"));
        assertTrue(refused.stdout().contains("[lib:build] warning: the remote cache's result for lib:build is not "
                + "used: the record names 'packages/lib/evil.txt', outside the task's targets; running the task"),
                refused.toString());
        assertFalse(Files.exists(outside.root.resolve("packages/lib/evil.txt")));
        assertEquals("lib\n", Files.readString(outside.root.resolve("packages/lib/out/name.txt")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aServerAnswering500CostsOneWarningAndEveryTaskRuns(boolean daemon) throws Exception {
        NginxCache nginx = nginx(new NginxCache.Failing());
        DaemonWorkspace machine = machine(daemon, nginx.url());
        DaemonWorkspace.Result result = ok(machine.same("run", "all"));
        assertEquals(1, count(result.stdout() + result.stderr(), "warning: remote cache unusable: GET "
                + nginx.url() + "/ac/"), result.toString());
        assertTrue(result.stdout().contains(": HTTP 500; this run goes on without it"), result.toString());
        assertTrue(result.stderr().contains("[app:build] ✓ Completed"), result.toString());
        assertEquals("lib\napp\n", Files.readString(machine.root.resolve("packages/app/dist/app.txt")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aServerStoppedMidRunLeavesTheRunToFinishLocally(boolean daemon) throws Exception {
        NginxCache nginx = nginx(new NginxCache.Open());
        DaemonWorkspace machine = machine(daemon, nginx.url());
        machine.file("packages/stop/same.yaml", """
                version: "1"
                project: stop
                tasks:
                  server:
                    cmd: ["sh", "-c", "kill %1$d; tail --pid=%1$d -f /dev/null"]
                    rebuild: always
                """.formatted(nginx.pid()));
        machine.file("packages/app/same.yaml", appProject("[\"lib:build\", \"stop:server\"]"));

        DaemonWorkspace.Result result = ok(machine.same("run", "app:build"));
        assertTrue(count(result.stdout() + result.stderr(), "warning: ") <= 1, result.toString());
        assertTrue(result.stderr().contains("[app:build] ✓ Completed"), result.toString());
        assertEquals("lib\napp\n", Files.readString(machine.root.resolve("packages/app/dist/app.txt")));
        DaemonWorkspace.Result again = ok(machine.same("run", "app:build"));
        assertTrue(again.stderr().contains("[app:build] ~ Cached (skipped in"), again.toString());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aServerRequiringATokenServesTheRightOneAndRefusesAWrongOneWithoutShowingIt(boolean daemon) throws Exception {
        NginxCache nginx = nginx(new NginxCache.TokenRequired(TOKEN));
        DaemonWorkspace first = machine(daemon, nginx.url());
        first.environment.put("SAME_REMOTE_CACHE_TOKEN", TOKEN);
        ok(first.same("run", "all"));
        settle(first, daemon);
        assertEquals(2, files(nginx.storage().resolve("ac")).size(), nginx.accessLog());

        DaemonWorkspace wrong = machine(daemon, nginx.url());
        wrong.environment.put("SAME_REMOTE_CACHE_TOKEN", "wrong-" + TOKEN);
        DaemonWorkspace.Result refused = ok(wrong.same("run", "all"));
        assertEquals(1, count(refused.stdout() + refused.stderr(), "warning: "), refused.toString());
        assertTrue(refused.stdout().contains("HTTP 401"), refused.toString());
        assertTrue(refused.stderr().contains("[lib:build] ✓ Completed"), refused.toString());
        assertFalse((refused.stdout() + refused.stderr()).contains(TOKEN), refused.toString());
        if (daemon) {
            String json = ok(wrong.same("daemon", "status", "--json")).stdout();
            String text = ok(wrong.same("daemon", "status", "-v")).stdout();
            assertFalse((json + text).contains(TOKEN), json + text);
            assertEquals(1, JSON.readTree(json).path("remoteCache").path("errors").asInt(), json);
            ok(wrong.same("daemon", "stop"));
            assertFalse(DaemonWorkspace.read(wrong.stateDirectory().resolve("daemon.log")).contains(TOKEN));
        }

        DaemonWorkspace right = machine(daemon, nginx.url());
        right.environment.put("SAME_REMOTE_CACHE_TOKEN", TOKEN);
        DaemonWorkspace.Result restored = ok(right.same("run", "all"));
        assertTrue(restored.stderr().contains("[app:build] ~ Cached (remote, "), restored.toString());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anUploadTheServerRefusesIsToldOnceWithoutTheToken(boolean daemon) throws Exception {
        NginxCache nginx = nginx(new NginxCache.RefusingUploads());
        DaemonWorkspace machine = machine(daemon, nginx.url());
        machine.environment.put("SAME_REMOTE_CACHE_TOKEN", TOKEN);
        DaemonWorkspace.Result built = ok(machine.same("run", "lib:build"));
        String told = built.stdout() + built.stderr(); // in process: during the run, else before the command ends
        if (daemon) {
            JsonNode[] remote = new JsonNode[1];
            DaemonWorkspace.poll(() -> {
                remote[0] = remoteStatus(machine);
                return remote[0].path("pendingUploads").asInt() == 0;
            }, "the upload to end");
            assertEquals(1, remote[0].path("failedUploads").asInt(), remote[0].toString());
            assertTrue(remote[0].path("lastError").asText().startsWith("PUT " + nginx.url() + "/cas/"),
                    remote[0].toString());
            assertTrue(remote[0].path("lastError").asText().endsWith("HTTP 403: the server refused access with "
                    + "these credentials"), remote[0].toString());
            String text = ok(machine.same("daemon", "status")).stdout();
            assertTrue(text.contains("1 errors (1 upload failed)") && text.contains("last error"), text);
            told += text + remote[0];
            DaemonWorkspace.Result next = ok(machine.same("run", "lib:build")); // after the run: told by the next
            told += next.stdout() + next.stderr();
        }
        assertEquals(1, count(told, "uploading the result of lib:build to the remote cache failed: PUT "
                + nginx.url() + "/cas/"), told);
        assertTrue(told.contains(": HTTP 403: the server refused access with these credentials"), told);
        assertFalse(told.contains(TOKEN), told);
    }

    private static JsonNode remoteStatus(DaemonWorkspace machine) {
        try {
            return JSON.readTree(ok(machine.same("daemon", "status", "--json")).stdout()).path("remoteCache");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aMachineOfAnotherPlatformTakesOnlyPortableResults(boolean daemon) throws Exception {
        NginxCache nginx = nginx(new NginxCache.Open());
        DaemonWorkspace first = machine(daemon, nginx.url());
        DaemonWorkspace other = machine(daemon, nginx.url());
        for (DaemonWorkspace machine : List.of(first, other)) {
            machine.file("packages/docs/same.yaml", """
                    version: "1"
                    project: docs
                    tasks:
                      site:
                        cmd: ["sh", "-c", "echo rendering; mkdir -p site; cp src/index.md site/index.html"]
                        input: ["src"]
                        target: ["site"]
                        portable: true
                    """);
            machine.file("packages/docs/src/index.md", "# docs\n");
        }
        ok(first.same("run", "lib:build", "docs:site"));
        settle(first, daemon);

        onPlatform(other, "aarch64-darwin", daemon);
        DaemonWorkspace.Result result = ok(other.same("run", "lib:build", "docs:site"));
        assertTrue(result.stderr().contains("[lib:build] ✓ Completed"),
                "a task run with the machine's own tools is not taken from another platform: " + result);
        assertTrue(result.stderr().contains("[docs:site] ~ Cached (remote, "), result.toString());
        assertEquals("# docs\n", Files.readString(other.root.resolve("packages/docs/site/index.html")));

        onPlatform(first, "aarch64-darwin", daemon); // the same checkout, used from another OS (a container, say)
        String why = ok(first.same("why", "lib:build")).stdout();
        assertTrue(why.contains("platform changed: ") && why.contains(" → aarch64-darwin"), why);
        String portable = ok(first.same("why", "docs:site")).stdout();
        assertTrue(portable.contains("nothing changed since its last successful run"), portable);
    }

    /** The machine's platform from now on ({@code SAME_PLATFORM}), its daemon restarted to take it. */
    private static void onPlatform(DaemonWorkspace machine, String platform, boolean daemon) throws Exception {
        machine.environment.put("SAME_PLATFORM", platform);
        if (daemon) {
            ok(machine.same("daemon", "stop"));
            ok(machine.same("daemon", "start"));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readOnlyFromTheEnvironmentUploadsNothing(boolean daemon) throws Exception {
        NginxCache nginx = nginx(new NginxCache.Open());
        DaemonWorkspace machine = machine(daemon, nginx.url());
        machine.environment.put("SAME_REMOTE_CACHE_READ_ONLY", "1");
        ok(machine.same("run", "all"));
        settle(machine, daemon);
        assertFalse(nginx.accessLog().contains("\"PUT "), nginx.accessLog());
        assertTrue(nginx.accessLog().contains("\"GET /cache/ac/"), nginx.accessLog());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theUrlFromTheEnvironmentOverridesTheWorkspacesOne(boolean daemon) throws Exception {
        NginxCache nginx = nginx(new NginxCache.Open());
        DaemonWorkspace machine = machine(daemon, "http://127.0.0.1:1/nothing-listens-here");
        machine.environment.put("SAME_REMOTE_CACHE_URL", nginx.url());
        DaemonWorkspace.Result result = ok(machine.same("run", "lib:build"));
        assertFalse(result.stdout().contains("warning"), result.toString());
        settle(machine, daemon);
        assertEquals(1, files(nginx.storage().resolve("ac")).size(), nginx.accessLog());
    }

    private NginxCache nginx(NginxCache.Mode mode) throws IOException, InterruptedException {
        NginxCache nginx = NginxCache.start(mode);
        resources.addFirst(nginx::deleteFiles); // closed last, once every nginx on its storage has stopped
        resources.add(nginx);
        return nginx;
    }

    /** A machine: its own workspace and .same/, with the remote cache at {@code url} in its same.work.yaml. */
    private DaemonWorkspace machine(boolean daemon, String url) throws IOException, InterruptedException {
        DaemonWorkspace ws = new DaemonWorkspace();
        resources.add(ws);
        if (!daemon) {
            ws.environment.put("SAME_DAEMON", "0");
        }
        ws.file("same.work.yaml", """
                version: "1"
                projects: ["packages/*"]
                cache:
                  remote:
                    url: %s
                """.formatted(url));
        ws.file("packages/lib/same.yaml", """
                version: "1"
                project: lib
                tasks:
                  build:
                    cmd: ["sh", "-c", "echo building lib; mkdir -p out; cp src/name.txt out/name.txt; printf '#!/bin/sh\\\\n' > out/tool; chmod +x out/tool"]
                    input: ["src"]
                    target: ["out"]
                """);
        ws.file("packages/lib/src/name.txt", "lib\n");
        ws.file("packages/app/same.yaml", appProject("[\"lib:build\"]"));
        ws.file("packages/app/src/main.txt", "app\n");
        ws.file("packages/secret/same.yaml", """
                version: "1"
                project: secret
                tasks:
                  build:
                    cmd: ["sh", "-c", "echo keep me here > key.txt"]
                    target: ["key.txt"]
                    remote: false
                """);
        ws.file("packages/scratch/same.yaml", """
                version: "1"
                project: scratch
                tasks:
                  run:
                    cmd: ["sh", "-c", "echo scratch"]
                    cache: false
                """);
        if (daemon) {
            ok(ws.same("daemon", "start")); // a run that finds no daemon goes in process
        }
        return ws;
    }

    private static String appProject(String dependsOn) {
        return """
                version: "1"
                project: app
                tasks:
                  build:
                    cmd: ["sh", "-c", "echo building app; mkdir -p dist; cat ../lib/out/name.txt src/main.txt > dist/app.txt"]
                    input: ["src", "../lib/out"]
                    target: ["dist"]
                    dependsOn: %s
                """.formatted(dependsOn);
    }

    /** Every upload finished: a run in process waits for its own; a daemon finishes them before it stops. */
    private static void settle(DaemonWorkspace machine, boolean daemon) throws Exception {
        if (daemon) {
            ok(machine.same("daemon", "stop"));
        }
    }

    private static DaemonWorkspace.Result ok(DaemonWorkspace.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    private static List<String> taskLines(String stdout, String... tasks) {
        return stdout.lines().filter(line -> Stream.of(tasks).anyMatch(task -> line.startsWith("[" + task + "]")))
                .sorted().toList();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** Removes the record's inline copies of small blobs, which a reader then fetches from {@code cas/}. */
    private static void withoutInlineCopies(Path record) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(record.toFile());
        json.remove("inline");
        Files.write(record, JSON.writeValueAsBytes(json));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
