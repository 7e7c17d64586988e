package dev.same.server.state;

import dev.same.server.exec.TaskFingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.same.protocol.Change;
import dev.same.server.cache.ActionRecord;
import dev.same.server.hash.InputFile;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The reasons a task is dirty, compared with its last successful run, in the words the README documents. */
class LiveChangeExplainerTest {
    private static final SortedMap<String, String> TOOLS = env(TaskFingerprint.TOOLS_KEY, "t1");

    @Test
    void aTaskThatNeverRanSaysSo() {
        assertEquals(List.of(new Change("NEVER_RUN", null, "never run")),
                ChangeExplainer.explain(now("h1", List.of(file("a", "1")), new TreeMap<>(), TOOLS), null));
    }

    @Test
    void anUnknownTaskGivesItsProblem() {
        assertEquals(List.of(new Change("UNKNOWN", null, "input not found: src")),
                ChangeExplainer.explain(TaskFingerprint.unknown("t", "input not found: src"), null));
    }

    @Test
    void theSameHashIsNoChange() {
        TaskFingerprint now = now("h1", List.of(file("a", "1")), new TreeMap<>(), TOOLS);
        assertEquals(List.of(), ChangeExplainer.explain(now, previous(now)));
    }

    @Test
    void filesAddedRemovedAndChangedAreNamedInPathOrder() {
        TaskFingerprint before = now("h1", List.of(file("src/a", "1"), file("src/b", "1"), file("src/c", "1")),
                new TreeMap<>(), TOOLS);
        TaskFingerprint after = now("h2", List.of(file("src/a", "2"), file("src/c", "1"), file("src/d", "1")),
                new TreeMap<>(), TOOLS);
        assertEquals(List.of("input changed: src/a", "input removed: src/b", "input added: src/d"),
                details(ChangeExplainer.explain(after, previous(before))));
    }

    @Test
    void upstreamEnvironmentAndToolChangesAreNamed() {
        TaskFingerprint before = now("h1", List.of(), env("lib:build", "x"), merged(TOOLS, env("NODE_ENV", "dev")));
        TaskFingerprint after = now("h2", List.of(), env("lib:build", "y"),
                merged(env(TaskFingerprint.TOOLS_KEY, "t2"), env("NODE_ENV", "production")));
        assertEquals(List.of("upstream changed: lib:build", "tool environment changed",
                "environment variable changed: NODE_ENV"), details(ChangeExplainer.explain(after, previous(before))));
    }

    @Test
    void aPlatformChangeNamesBothPlatformsAndAPortableTaskHasNone() {
        TaskFingerprint linux = now("h1", List.of(), new TreeMap<>(),
                merged(TOOLS, env(TaskFingerprint.PLATFORM_KEY, "x86_64-linux")));
        TaskFingerprint mac = now("h2", List.of(), new TreeMap<>(),
                merged(TOOLS, env(TaskFingerprint.PLATFORM_KEY, "aarch64-darwin")));
        TaskFingerprint portable = now("h3", List.of(), new TreeMap<>(), TOOLS);
        assertEquals(List.of("platform changed: x86_64-linux → aarch64-darwin"),
                details(ChangeExplainer.explain(mac, previous(linux))));
        assertEquals(List.of("platform changed: x86_64-linux → any (portable)"),
                details(ChangeExplainer.explain(portable, previous(linux))));
    }

    @Test
    void aDifferentHashWithNothingElseDifferentIsTheTasksDefinition() {
        TaskFingerprint before = now("h1", List.of(file("a", "1")), new TreeMap<>(), TOOLS);
        TaskFingerprint after = now("h2", List.of(file("a", "1")), new TreeMap<>(), TOOLS);
        assertEquals(List.of(new Change("DEFINITION_CHANGED", null, "task definition changed")),
                ChangeExplainer.explain(after, previous(before)));
    }

    @Test
    void aSummaryShowsAFewReasonsAndCountsTheRest() {
        List<Change> changes = List.of(1, 2, 3, 4, 5, 6, 7).stream()
                .map(i -> new Change("FILE_ADDED", "f" + i, "input added: f" + i)).toList();
        assertEquals(List.of("input added: f1", "input added: f2", "input added: f3", "input added: f4",
                "input added: f5", "and 2 more"), ChangeExplainer.summarize(changes, 5));
        assertEquals(List.of("input added: f1"), ChangeExplainer.summarize(changes.subList(0, 1), 5));
    }

    static InputFile file(String path, String digest) {
        return new InputFile(path, digest);
    }

    static SortedMap<String, String> env(String key, String value) {
        return new TreeMap<>(java.util.Map.of(key, value));
    }

    private static SortedMap<String, String> merged(SortedMap<String, String> a, SortedMap<String, String> b) {
        SortedMap<String, String> merged = new TreeMap<>(a);
        merged.putAll(b);
        return merged;
    }

    static TaskFingerprint now(String hash, List<InputFile> inputs, SortedMap<String, String> dependencies,
                               SortedMap<String, String> environment) {
        return new TaskFingerprint("t", hash, inputs, dependencies, environment, null, null, false);
    }

    static ActionRecord previous(TaskFingerprint at) {
        return new ActionRecord(ActionRecord.FORMAT, at.id(), at.hash(), List.of(), null, 1, Instant.EPOCH,
                at.inputs(), at.dependencyHashes(), at.environment());
    }

    private static List<String> details(List<Change> changes) {
        return changes.stream().map(Change::detail).toList();
    }
}
