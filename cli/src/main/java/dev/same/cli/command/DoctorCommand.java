package dev.same.cli.command;

import dev.same.cli.Cli;
import dev.same.cli.connect.Connector;
import dev.same.cli.connect.DaemonConnector;
import dev.same.cli.SameCommand;
import dev.same.protocol.client.UserError;
import dev.same.cli.render.Style;
import dev.same.protocol.DaemonStatus;
import dev.same.protocol.StatusParams;
import dev.same.protocol.StatusResult;
import dev.same.protocol.TaskState;
import dev.same.protocol.client.SameClient;
import dev.same.protocol.client.RootFinder;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check how same performs on this workspace: the Java runtime and its AOT cache, the daemon "
                + "and its file watcher, and whether the daemon makes commands faster here.",
                "Measures whole 'same' processes with and without the daemon; runs 'same run all' only when "
                        + "every task is already cached."})
public final class DoctorCommand implements Callable<Integer> {
    private static final Path MAX_USER_WATCHES = Path.of("/proc/sys/fs/inotify/max_user_watches");

    @ParentCommand
    SameCommand parent;

    @Option(names = "--samples", paramLabel = "N", description = "Timed repetitions of each measurement (default: 5).")
    int samples = 5;

    private PrintStream out;
    private Style style;

    @Override
    public Integer call() throws Exception {
        Cli cli = parent.cli();
        out = cli.terminal().out();
        style = new Style(cli.terminal().colour());
        samples = Math.max(1, samples);
        Path root = RootFinder.find(cli.cwd());
        out.println(style.bold("same doctor") + "  " + root);

        section("Java runtime");
        line("java", System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")");
        line("AOT cache", aotCache(cli));

        section("Daemon");
        DaemonConnector connector = new DaemonConnector(root, cli.environment());
        try (SameClient client = connector.connectOrSpawn(Connector.NO_PUSHES, Connector.idleTimeout(cli))) {
            DaemonStatus status = afterIndexing(client);
            line("daemon", "pid " + status.pid() + ", up " + seconds(status.uptimeMillis()) + ", "
                    + status.rssBytes() / (1024 * 1024) + " MiB resident");
            boolean healthy = "ok".equalsIgnoreCase(status.health());
            line("file watcher", (healthy ? style.green("✓ ") : style.yellow("⚠ ")) + status.health() + ", "
                    + status.watchedDirectories() + " directories watched, " + status.watchEvents() + " events, "
                    + status.rescans() + " rescans");
            line("inotify budget", inotifyBudget(status.watchedDirectories()));

            section("Latency (medians of " + samples + ")");
            Measurements measured = measure(cli, client);
            measured.print(this);

            section("Verdict");
            out.println("  " + DoctorVerdict.of(measured.daemonRun(), measured.inProcessRun(),
                    measured.daemonStatus(), measured.inProcessStatus(), healthy).text(style));
        }
        return 0;
    }

    /**
     * The daemon's status once its watcher has indexed the workspace (a daemon the doctor has just started is
     * still "starting"; measuring then would time the indexing), or as it is after a minute.
     */
    private static DaemonStatus afterIndexing(SameClient client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        DaemonStatus status = client.server().daemonStatus().get(30, TimeUnit.SECONDS);
        while ("starting".equals(status.health()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = client.server().daemonStatus().get(30, TimeUnit.SECONDS);
        }
        return status;
    }

    /** Medians in milliseconds; null where not measured. */
    record Measurements(Double daemonStatus, Double inProcessStatus, Double daemonRun, Double inProcessRun,
                        Double watcherRoundTrip, String runSkipped) {
        void print(DoctorCommand doctor) {
            doctor.line("same status", ms(daemonStatus) + " with the daemon, " + ms(inProcessStatus)
                    + " with --no-daemon (whole processes)");
            doctor.line("same run all", runSkipped != null ? "not measured: " + runSkipped
                    : ms(daemonRun) + " with the daemon, " + ms(inProcessRun) + " with --no-daemon (all cached)");
            doctor.line("watcher round trip", ms(watcherRoundTrip)
                    + " (a file written to the workspace until the daemon has seen it)");
        }

        private static String ms(Double millis) {
            return millis == null ? "–" : String.format(Locale.ROOT, millis < 10 ? "%.1f ms" : "%.0f ms", millis);
        }
    }

    private Measurements measure(Cli cli, SameClient client) throws Exception {
        Optional<Path> launcher = launcher(cli);
        Double daemonStatus = null;
        Double inProcessStatus = null;
        Double daemonRun = null;
        Double inProcessRun = null;
        String runSkipped = null;
        if (launcher.isPresent()) {
            Path same = launcher.get();
            daemonStatus = DoctorVerdict.median(time(cli, same, "status"));
            inProcessStatus = DoctorVerdict.median(time(cli, same, "status", "--no-daemon"));
        }
        StatusResult status = client.server().status(new StatusParams(List.of(), cli.cwd().toString(), true))
                .get(60, TimeUnit.SECONDS);
        long dirty = status.tasks().stream().filter(t -> t.state() != TaskState.CLEAN).count();
        if (launcher.isEmpty()) {
            runSkipped = "the 'same' launcher was not found (SAME_HOME is not set)";
        } else if (dirty > 0) {
            runSkipped = dirty + " of " + status.tasks().size() + " tasks are not cached; run 'same run all' first";
        } else {
            daemonRun = DoctorVerdict.median(time(cli, launcher.get(), "run", "--ci", "all"));
            inProcessRun = DoctorVerdict.median(time(cli, launcher.get(), "run", "--ci", "--no-daemon", "all"));
        }
        List<Double> roundTrips = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            client.server().status(new StatusParams(List.of(), cli.cwd().toString(), false)).get(60, TimeUnit.SECONDS);
            long plain = System.nanoTime() - start;
            start = System.nanoTime();
            client.server().status(new StatusParams(List.of(), cli.cwd().toString(), true)).get(60, TimeUnit.SECONDS);
            long withWrites = System.nanoTime() - start;
            roundTrips.add(Math.max(0, withWrites - plain) / 1e6);
        }
        return new Measurements(daemonStatus, inProcessStatus, daemonRun, inProcessRun,
                DoctorVerdict.median(roundTrips), runSkipped);
    }

    /** Wall times of whole {@code same} processes, after one untimed warm-up. */
    private List<Double> time(Cli cli, Path same, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(same.toString()));
        command.addAll(List.of(args));
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i <= samples; i++) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(cli.cwd().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            int exit = builder.start().waitFor();
            long elapsed = System.nanoTime() - start;
            if (exit != 0) {
                throw new UserError("'same " + String.join(" ", args) + "' failed (exit "
                        + exit + ") while measuring", List.of("run it yourself to see why"));
            }
            if (i > 0) {
                millis.add(elapsed / 1e6);
            }
        }
        return millis;
    }

    private static Optional<Path> launcher(Cli cli) {
        String home = cli.settings().home();
        return Optional.ofNullable(home).map(h -> Path.of(h, "bin", "same")).filter(Files::isExecutable);
    }

    /** The cache this JVM runs with, as the launcher chose it. */
    private static String aotCache(Cli cli) {
        Optional<String> inUse = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:AOTCache=")).map(a -> a.substring("-XX:AOTCache=".length()))
                .findFirst();
        if (inUse.isPresent()) {
            return "in use: " + inUse.get();
        }
        if (!cli.settings().aot()) {
            return "off (SAME_AOT=0)";
        }
        return "none yet: the launcher trains one in the background after a first command (a few seconds)";
    }

    private static String inotifyBudget(long watched) {
        try {
            // one buffered read: a sysctl file answers only a read at offset 0, and readString reads the first
            // byte alone when the file's size is 0 (as /proc says), which made 192536 read as 1
            long max = Long.parseLong(Files.readAllLines(MAX_USER_WATCHES).getFirst().strip());
            String share = String.format(Locale.ROOT, "%.1f%%", 100.0 * watched / max);
            String text = watched + " of " + max + " watches (" + share + ", fs.inotify.max_user_watches)";
            return watched * 2 > max ? text + "; raise it: sudo sysctl fs.inotify.max_user_watches=" + max * 4
                    : text;
        } catch (IOException | NumberFormatException | java.util.NoSuchElementException e) {
            return "unknown (" + MAX_USER_WATCHES + " is not readable)";
        }
    }

    private static String seconds(long millis) {
        return millis < 120_000 ? millis / 1000 + "s" : millis / 60_000 + "m";
    }

    private void section(String title) {
        out.println();
        out.println(style.bold(title));
    }

    private void line(String label, String value) {
        out.println(String.format(Locale.ROOT, "  %-20s %s", label, value));
    }
}
