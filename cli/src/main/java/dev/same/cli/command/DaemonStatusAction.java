package dev.same.cli.command;

import dev.same.cli.Cli;
import dev.same.cli.connect.DaemonConnector;
import dev.same.cli.render.Decimal;
import dev.same.cli.render.Durations;
import dev.same.cli.render.Style;
import dev.same.protocol.DaemonStatus;
import dev.same.protocol.RemoteCacheStatus;
import dev.same.cli.render.Bytes;
import dev.same.protocol.client.SameClient;
import dev.same.protocol.client.RootFinder;
import dev.same.protocol.client.DurationParser;
import dev.same.protocol.client.Json;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code same daemon status}: what the running daemon says about itself; never starts one. */
public final class DaemonStatusAction {
    private DaemonStatusAction() {
    }

    public static int show(Cli cli, boolean json, boolean verbose) throws Exception {
        DaemonConnector connector = new DaemonConnector(RootFinder.find(cli.cwd()), cli.environment());
        PrintStream out = cli.terminal().out();
        Optional<SameClient> client = DaemonCommand.connectAnyBuild(connector);
        if (client.isEmpty()) {
            if (json) {
                out.println("{\"running\":false}");
            } else {
                out.println("no daemon is running for this workspace (socket " + connector.socket() + ")");
            }
            return 0;
        }
        DaemonStatus status;
        try (SameClient c = client.get()) {
            status = c.server().daemonStatus().get(10, TimeUnit.SECONDS);
        }
        if (json) {
            out.println(Json.text(status, true));
        } else {
            print(status, out, new Style(cli.terminal().colour()));
            if (verbose) {
                row(out, "epoch", Long.toString(status.epoch()));
                row(out, "watcher", status.health() + "; " + status.watchedDirectories() + " directories, "
                        + status.watchEvents() + " events, " + status.rescans() + " rescans");
            }
        }
        return 0;
    }

    private static void print(DaemonStatus s, PrintStream out, Style style) {
        out.println(style.bold("same daemon") + " running");
        row(out, "pid", Long.toString(s.pid()));
        row(out, "version", s.version());
        row(out, "workspace", s.root());
        row(out, "socket", s.socket());
        row(out, "uptime", Durations.seconds(s.uptimeMillis()));
        row(out, "idle timeout", DurationParser.format(Duration.ofMillis(s.idleTimeoutMillis()))
                + (s.idleRemainingMillis() < 0 ? " (other clients connected)"
                : ", stops in " + DurationParser.format(Duration.ofMillis(s.idleRemainingMillis()))));
        row(out, "memory", mib(s.rssBytes()) + " resident, " + mib(s.heapUsedBytes()) + " heap in use");
        row(out, "clients", s.clients().isEmpty() ? "none" : String.join("; ", s.clients()));
        if (!s.health().equals("OK")) {
            row(out, "health", style.yellow(s.health()));
        }
        row(out, "active runs", s.activeRuns().isEmpty() ? "none" : String.join(", ", s.activeRuns()));
        row(out, "cache", s.cacheHits() + " hits, " + s.cacheMisses() + " misses since start");
        row(out, "environments", s.envCacheHits() + " hits, " + s.envCacheMisses() + " misses since start");
        RemoteCacheStatus remote = s.remoteCache();
        if (remote != null) {
            row(out, "remote cache", remote.url() + (remote.readOnly() ? " (read-only)" : "") + ": " + remote.hits()
                    + " hits, " + remote.misses() + " misses, " + Bytes.human(remote.bytesDown()) + " down, "
                    + Bytes.human(remote.bytesUp()) + " up, " + remote.errors() + " errors"
                    + (remote.failedUploads() > 0 ? " (" + remote.failedUploads()
                    + (remote.failedUploads() == 1 ? " upload" : " uploads") + " failed)" : "")
                    + (remote.pendingUploads() > 0 ? ", " + remote.pendingUploads() + " uploads pending" : ""));
            if (remote.lastError() != null) {
                row(out, "last error", style.yellow(remote.lastError()));
            }
        }
    }

    private static void row(PrintStream out, String name, String value) {
        out.println("  " + StatusAction.padded(name, 13) + " " + value);
    }

    private static String mib(long bytes) {
        return Decimal.oneDecimal(bytes, 1 << 20) + " MiB";
    }
}
