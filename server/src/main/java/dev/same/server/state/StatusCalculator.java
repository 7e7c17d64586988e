package dev.same.server.state;

import dev.same.server.exec.Fingerprinter;
import dev.same.server.exec.TaskFingerprint;
import dev.same.protocol.Change;
import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatusInfo;
import dev.same.server.cache.ActionCache;
import dev.same.server.cache.ActionRecord;
import dev.same.server.config.Rebuild;
import dev.same.server.config.Workspace;
import dev.same.server.graph.TaskGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.Map;

/** Turns fingerprints into live task states: clean, dirty, running, failed or unknown, with reasons. */
public final class StatusCalculator {
    private static final int REASONS_SHOWN = 5;

    private final Fingerprinter fingerprinter;
    private final ActionCache actions;
    private final RunTracker runs;
    private final Predicate<String> remoteHas;

    public StatusCalculator(Fingerprinter fingerprinter, ActionCache actions, RunTracker runs) {
        this(fingerprinter, actions, runs, hash -> false);
    }

    /** @param remoteHas whether the remote cache is known to hold the result of a task hash */
    public StatusCalculator(Fingerprinter fingerprinter, ActionCache actions, RunTracker runs,
                            Predicate<String> remoteHas) {
        this.fingerprinter = fingerprinter;
        this.actions = actions;
        this.runs = runs;
        this.remoteHas = remoteHas;
    }

    /** The states of the given tasks (dependency-closed, graph order), in that order. */
    public Map<String, TaskStatusInfo> statuses(Workspace workspace, TaskGraph graph, List<String> tasks) {
        Map<String, TaskStatusInfo> result = new LinkedHashMap<>();
        fingerprinter.fingerprint(workspace, graph, tasks).forEach((id, fingerprint) ->
                result.put(id, status(graph, fingerprint)));
        return result;
    }

    /** Results were recorded or removed by someone else: read what is kept on disk again. */
    public void resultsChanged() {
        runs.reload();
    }

    public Fingerprinter fingerprinter() {
        return fingerprinter;
    }

    public TaskStatusInfo status(TaskGraph graph, TaskFingerprint fingerprint) {
        String id = fingerprint.id();
        if (runs.isRunning(id)) {
            return new TaskStatusInfo(id, TaskState.RUNNING, fingerprint.hash(), List.of("running"));
        }
        if (!fingerprint.known()) {
            return new TaskStatusInfo(id, TaskState.UNKNOWN, null, List.of(fingerprint.problem()));
        }
        String definitionProblem = graph.task(id).problem();
        if (definitionProblem != null) { // it fails whenever it runs
            return new TaskStatusInfo(id, TaskState.UNKNOWN, null, List.of(definitionProblem));
        }
        if (runs.failedAt(id, fingerprint.hash())) {
            return new TaskStatusInfo(id, TaskState.FAILED, fingerprint.hash(),
                    List.of("its last run failed, and nothing it depends on changed since"));
        }
        if (graph.task(id).rebuild() == Rebuild.ALWAYS) {
            return new TaskStatusInfo(id, TaskState.DIRTY, fingerprint.hash(), List.of("rebuild: always"));
        }
        if (!graph.task(id).caching().local()) {
            return new TaskStatusInfo(id, TaskState.DIRTY, fingerprint.hash(), List.of("cache: false"));
        }
        if (actions.lookup(fingerprint.hash()).isPresent()) {
            return new TaskStatusInfo(id, TaskState.CLEAN, fingerprint.hash(), List.of());
        }
        List<String> reasons = ChangeExplainer.summarize(changes(fingerprint), REASONS_SHOWN);
        if (graph.task(id).caching().remote() && remoteHas.test(fingerprint.hash())) {
            reasons = Stream.concat(Stream.of(TaskStatusInfo.REMOTE_HIT_AVAILABLE), reasons.stream()).toList();
        }
        return new TaskStatusInfo(id, TaskState.DIRTY, fingerprint.hash(), reasons);
    }

    /** Every difference between the task's last successful run and now. */
    public List<Change> changes(TaskFingerprint fingerprint) {
        ActionRecord previous = actions.lastSuccessful(fingerprint.id()).orElse(null);
        return ChangeExplainer.explain(fingerprint, previous);
    }
}
