package dev.same.intellij.core.model;

import dev.same.intellij.core.connection.ConnectionState;
import dev.same.protocol.TaskState;

/** The status bar widget's text and tooltip: dirty count, or the trouble (daemon, health, config). */
public record StatusLine(String text, String tooltip, boolean trouble) {

    public static StatusLine of(WorkspaceSnapshot snapshot, ConnectionState connection) {
        if (!(connection instanceof ConnectionState.Connected)) {
            return new StatusLine("same: " + shortTrouble(connection), connection.trouble(), true);
        }
        if (snapshot.health() != null) {
            String remedy = snapshot.health().remedy() == null ? "" : "\n" + snapshot.health().remedy();
            return new StatusLine("same: " + snapshot.health().status().name().toLowerCase().replace('_', ' '),
                    snapshot.health().reason() + remedy, true);
        }
        if (snapshot.configError() != null) {
            return new StatusLine("same: config error", ConfigErrors.describe(snapshot.configError()), true);
        }
        StateCounts counts = snapshot.counts();
        int dirty = counts.of(TaskState.DIRTY);
        String text = counts.of(TaskState.RUNNING) > 0 ? "same: " + counts.of(TaskState.RUNNING) + " running, "
                + dirty + " dirty" : "same: " + dirty + " dirty";
        return new StatusLine(text, counts.of(TaskState.CLEAN) + " clean, " + dirty + " dirty, "
                + counts.of(TaskState.FAILED) + " failed, " + counts.of(TaskState.UNKNOWN) + " unknown", false);
    }

    private static String shortTrouble(ConnectionState state) {
        return switch (state) {
            case ConnectionState.Failed failed -> "daemon failed";
            case ConnectionState.Reconnecting reconnecting -> "daemon unreachable";
            case ConnectionState.Starting starting -> "starting daemon";
            default -> "connecting";
        };
    }
}
