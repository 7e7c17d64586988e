package dev.same.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.Subscription;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.client.SameClient;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Watch latency of a warm daemon on a large workspace (not a test): generates {@code projects × files} files
 * (one task per project, {@code input: ["src"]}), starts the daemon with the real {@code same} launcher, waits
 * for indexing, then {@code samples} times writes one file and measures the time until the
 * {@code workspace/hashesChanged} push naming it reaches a subscribed client (debounce included). Prints the
 * median and p99, the initial indexing time, the daemon's RSS and {@code same status} latency.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.same.bench.WatchLatency [--same PATH]
 * [--projects 200] [--files 100] [--samples 200] [--keep DIR]}; see bench/README.md.
 */
public final class WatchLatency {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INDEXED = Pattern.compile("indexed the workspace .* in (\\d+) ms");

    private final Path same;
    private final Path root;
    private final Path runtimeDir;
    private final int projects;
    private final int files;

    /** Arrival time (System.nanoTime) of the first hashesChanged push naming each file. */
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

    private WatchLatency(Path same, Path root, Path runtimeDir, int projects, int files) {
        this.same = same;
        this.root = root;
        this.runtimeDir = runtimeDir;
        this.projects = projects;
        this.files = files;
    }

    public static void main(String[] args) throws Exception {
        Path same = Path.of("cli/target/same/bin/same");
        int projects = 200;
        int files = 100;
        int samples = 200;
        Path keep = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--same" -> same = Path.of(args[++i]);
                case "--projects" -> projects = Integer.parseInt(args[++i]);
                case "--files" -> files = Integer.parseInt(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--keep" -> keep = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!Files.isExecutable(same)) {
            throw new IllegalArgumentException(same + " is not executable: build with 'mvn -B -q -o package "
                    + "-DskipTests' or pass --same");
        }
        Path root = keep != null ? Files.createDirectories(keep).toRealPath()
                : Files.createTempDirectory("same-watch-latency").toRealPath();
        Path runtimeDir = Files.createTempDirectory(Path.of("/tmp"), "swl",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        WatchLatency bench = new WatchLatency(same.toAbsolutePath(), root, runtimeDir, projects, files);
        try {
            bench.run(samples);
        } finally {
            bench.same("daemon", "stop");
            if (keep == null) {
                deleteTree(root);
            }
            deleteTree(runtimeDir);
        }
    }

    private void run(int samples) throws Exception {
        long generated = generate();
        System.out.printf(Locale.ROOT, "workspace: %s, %d projects, %d files%n", root, projects, generated);
        Path log = root.resolve(".same/daemon/daemon.log");
        long logOffset = Files.exists(log) ? Files.size(log) : 0;
        same("daemon", "start");
        long indexingMillis = awaitIndexed(log, logOffset);
        System.out.printf(Locale.ROOT, "initial indexing (daemon log): %d ms%n", indexingMillis);
        JsonNode status = daemonStatus();
        System.out.printf(Locale.ROOT, "daemon after indexing: RSS %.1f MiB, heap in use %.1f MiB, "
                        + "%d watched directories%n", mib(status.path("rssBytes").asLong()),
                mib(status.path("heapUsedBytes").asLong()), status.path("watchedDirectories").asLong());

        Path socket = Path.of(JSON.readTree(root.resolve(".same/daemon/daemon.json").toFile()).path("socket")
                .asText());
        List<Double> latencies = new ArrayList<>();
        try (SameClient client = SameClient.connect(socket, new Recorder())) {
            client.initialize("watch-latency", "bench", root, List.of(Subscription.HASHES), 10_000);
            for (int i = 0; i < samples + 10; i++) {
                String file = fileOf(i);
                long start = System.nanoTime();
                Files.writeString(root.resolve(file), "sample " + i + " at " + start + "\n");
                long arrived = awaitArrival(file);
                if (i >= 10) { // the first few warm the daemon's JIT up
                    latencies.add((arrived - start) / 1e6);
                }
            }
        }
        latencies.sort(Comparator.naturalOrder());
        System.out.printf(Locale.ROOT, "save → hashesChanged push (%d samples, debounce included): median %.1f ms, "
                        + "p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", latencies.size(), percentile(latencies, 50),
                percentile(latencies, 90), percentile(latencies, 99), latencies.getLast());
        status = daemonStatus();
        System.out.printf(Locale.ROOT, "daemon after the samples: RSS %.1f MiB, heap in use %.1f MiB, "
                        + "%d events, %d rescans%n", mib(status.path("rssBytes").asLong()),
                mib(status.path("heapUsedBytes").asLong()), status.path("watchEvents").asLong(),
                status.path("rescans").asLong());
        statusLatency();
    }

    /** 100 files per project in 10 subdirectories, one task per project with input: ["src"]. */
    private long generate() throws IOException {
        if (Files.exists(root.resolve("same.work.yaml"))) {
            try (Stream<Path> all = Files.walk(root.resolve("p"))) {
                return all.filter(Files::isRegularFile).count() - projects;
            }
        }
        Files.writeString(root.resolve("same.work.yaml"), "version: \"1\"\nprojects: [\"p/*\"]\n");
        byte[] content = new byte[1024];
        long count = 0;
        for (int p = 0; p < projects; p++) {
            Path project = Files.createDirectories(root.resolve(projectName(p)));
            Files.writeString(project.resolve("same.yaml"), """
                    version: "1"
                    project: %s
                    tasks:
                      build:
                        cmd: ["true"]
                        input: ["src"]
                    """.formatted(project.getFileName()));
            for (int f = 0; f < files; f++) {
                Path file = root.resolve(fileOf(p, f));
                Files.createDirectories(file.getParent());
                for (int b = 0; b < content.length; b++) {
                    content[b] = (byte) ('a' + (p * 31 + f * 7 + b) % 26);
                }
                Files.write(file, content);
                count++;
            }
        }
        return count;
    }

    private static String projectName(int p) {
        return String.format(Locale.ROOT, "p/p%03d", p);
    }

    private String fileOf(int project, int file) {
        return String.format(Locale.ROOT, "%s/src/d%d/f%03d.txt", projectName(project), file % 10, file);
    }

    /** Sample i: a different project and file each time. */
    private String fileOf(int sample) {
        return fileOf(sample * 7 % projects, sample * 13 % files);
    }

    /** Waits for the daemon's "indexed the workspace" line, written after {@code offset} in its log. */
    private static long awaitIndexed(Path log, long offset) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log)) {
                String text = Files.readString(log);
                Matcher matcher = INDEXED.matcher(text.substring((int) Math.min(offset, text.length())));
                if (matcher.find()) {
                    return Long.parseLong(matcher.group(1));
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the daemon did not log 'indexed the workspace' within 5 minutes");
    }

    private long awaitArrival(String file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Long arrived = arrivals.get(file);
            if (arrived != null) {
                return arrived;
            }
            Thread.onSpinWait();
            Thread.sleep(0, 100_000);
        }
        throw new IllegalStateException("no hashesChanged push named " + file + " within 30 s");
    }

    private final class Recorder implements SameClientApi {
        @Override
        public void runEvent(RunEvent event) {
        }

        @Override
        public void runOutput(RunOutput output) {
        }

        @Override
        public void hashesChanged(HashesChanged change) {
            long now = System.nanoTime();
            change.changedFiles().forEach(f -> arrivals.putIfAbsent(f, now));
        }
    }

    /** {@code same status} on the warm daemon: hyperfine when installed, else 20 timed runs. */
    private void statusLatency() throws Exception {
        List<String> hyperfine = List.of("hyperfine", "-N", "--warmup", "3", "--runs", "20", "--export-json",
                root.resolve(".same/hyperfine.json").toString(), same + " status");
        if (onPath("hyperfine")) {
            Process process = process(hyperfine).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() == 0) {
                JsonNode result = JSON.readTree(root.resolve(".same/hyperfine.json").toFile()).path("results").get(0);
                System.out.printf(Locale.ROOT, "same status on the warm daemon (hyperfine, 20 runs): median %.0f ms, "
                                + "mean %.0f ms ± %.0f ms%n", result.path("median").asDouble() * 1000,
                        result.path("mean").asDouble() * 1000, result.path("stddev").asDouble() * 1000);
                return;
            }
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            long start = System.nanoTime();
            same("status");
            if (i >= 3) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        times.sort(Comparator.naturalOrder());
        System.out.printf(Locale.ROOT, "same status on the warm daemon (20 runs): median %.0f ms%n",
                percentile(times, 50));
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private JsonNode daemonStatus() throws Exception {
        return JSON.readTree(same("daemon", "status", "--json"));
    }

    private ProcessBuilder process(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("XDG_RUNTIME_DIR", runtimeDir.toString());
        builder.environment().put("NO_COLOR", "1");
        return builder;
    }

    private String same(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(same.toString()));
        command.addAll(List.of(args));
        Process process = process(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("same " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
