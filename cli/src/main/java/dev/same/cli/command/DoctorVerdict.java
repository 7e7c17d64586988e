package dev.same.cli.command;

import dev.same.cli.render.Style;
import java.util.List;
import java.util.Locale;

/**
 * Whether the daemon pays for itself on a workspace, from medians of whole-process times with and without it:
 * warm runs when they could be measured, else {@code status}. A degraded watcher is said first: it makes
 * the daemon rescan instead of knowing.
 */
public record DoctorVerdict(boolean pays, String reason) {
    /** Anything under this ratio (daemon / in-process) counts as a clear gain. */
    static final double PAYS_BELOW = 0.8;

    static DoctorVerdict of(Double daemonRun, Double inProcessRun, Double daemonStatus, Double inProcessStatus,
                            boolean watcherHealthy) {
        boolean runs = daemonRun != null && inProcessRun != null;
        Double withDaemon = runs ? daemonRun : daemonStatus;
        Double without = runs ? inProcessRun : inProcessStatus;
        String what = runs ? "a warm 'same run all'" : "'same status'";
        if (withDaemon == null || without == null) {
            return new DoctorVerdict(false, "not measured: the 'same' launcher was not found");
        }
        double ratio = withDaemon / without;
        String figures = String.format(Locale.ROOT, "%s takes %.0f ms with the daemon and %.0f ms without (%.2fx)",
                what, withDaemon, without, ratio);
        if (!watcherHealthy) {
            return new DoctorVerdict(false, "the file watcher is degraded, so the daemon rescans instead of "
                    + "knowing what changed; " + figures);
        }
        if (ratio < PAYS_BELOW) {
            return new DoctorVerdict(true, "the daemon pays for itself here: " + figures);
        }
        return new DoctorVerdict(false, "the daemon does not pay for itself here: " + figures
                + "; SAME_DAEMON=0 runs without it");
    }

    String text(Style style) {
        return (pays ? style.green("✓ ") : style.yellow("⚠ ")) + reason;
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
