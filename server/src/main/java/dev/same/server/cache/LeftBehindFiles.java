package dev.same.server.cache;

import dev.same.protocol.client.ProcessLiveness;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temporary files that a process killed mid-way (a daemon after {@code kill -9}, a killed {@code --no-daemon}
 * run) leaves under {@code .same/}: a task's log being captured, a blob or record not yet renamed into place.
 * Their names carry their owner's pid (a log's also its start time, so a reused pid is told apart), and whoever
 * takes charge of the workspace next removes those whose owner is gone. Files of live owners are never touched.
 */
public final class LeftBehindFiles {
    private static final ProcessHandle SELF = ProcessHandle.current();
    /** {@code log-<pid>-<start millis>-<random>.txt} in {@code .same/tmp}. */
    private static final Pattern LOG = Pattern.compile("log-(\\d{1,10})-(\\d{1,19})-.*\\.txt");
    /**
     * {@code .<name>.<pid>-<hex>.same-tmp} (AtomicFiles), {@code .<name>.<pid>-<hex>.tmp}, {@code <name>.<pid>.tmp}.
     */
    private static final Pattern TEMP = Pattern.compile(
            "\\..*\\.(\\d{1,10})-[0-9a-f]+\\.(?:same-)?tmp|.*\\.(\\d{1,10})\\.tmp");

    private LeftBehindFiles() {
    }

    /** The start of this process's temporary log names. */
    public static String logPrefix() {
        return "log-" + SELF.pid() + "-" + startMillis(SELF).orElse(0L) + "-";
    }

    /** Removes what owners that are gone left in the workspace's {@code .same/}; returns how many files. */
    public static int sweep(Path root) {
        Path same = root.resolve(".same");
        Path cas = same.resolve("cache").resolve("cas");
        int removed = 0;
        for (Path dir : new Path[] {same.resolve("tmp"), same.resolve("cache"), same.resolve("daemon"),
                same.resolve("running")}) {
            removed += sweep(dir, cas);
        }
        return removed;
    }

    /** Below {@code dir}, except inside the content store's fan-out directories, where only blobs live. */
    private static int sweep(Path dir, Path cas) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int[] removed = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) {
                    return cas.equals(d.getParent()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile() && ownerGone(file.getFileName().toString())
                            && Files.deleteIfExists(file)) {
                        removed[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // removed meanwhile, or unreadable: not ours to judge
                }
            });
        } catch (IOException e) {
            // what is not removed now is removed by the next one to take charge
        }
        return removed[0];
    }

    /**
     * Removes, beside each of {@code written} (outputs just restored), the temporary copies of them that a restore
     * killed before its rename left, once their owner is gone: they sit in the user's output directories, where a
     * later step (a package, a deploy) would take them along. One listing per directory.
     */
    public static void sweepBeside(Collection<Path> written) {
        Map<Path, Set<String>> prefixes = new HashMap<>();
        for (Path file : written) {
            Path parent = file.toAbsolutePath().getParent();
            prefixes.computeIfAbsent(parent, p -> new HashSet<>()).add("." + file.getFileName() + ".");
        }
        prefixes.forEach((directory, names) -> {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                    entry -> entry.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX))) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (names.stream().anyMatch(name::startsWith) && ownerGone(name)) {
                        Files.deleteIfExists(entry);
                    }
                }
            } catch (IOException e) {
                // left for the task's next run, which clears its targets
            }
        });
    }

    static boolean ownerGone(String name) {
        Matcher log = LOG.matcher(name);
        if (log.matches()) {
            return !alive(Long.parseLong(log.group(1)), Long.parseLong(log.group(2)));
        }
        Matcher temp = TEMP.matcher(name);
        if (temp.matches()) {
            return !alive(Long.parseLong(temp.group(1) != null ? temp.group(1) : temp.group(2)), 0);
        }
        return false;
    }

    /** An owner whose start time is not known is alive while its pid is: nothing of a live owner is removed. */
    private static boolean alive(long pid, long startMillis) {
        return ProcessLiveness.running(pid)
                .filter(process -> startMillis == 0 || startMillis(process).map(s -> s == startMillis).orElse(true))
                .isPresent();
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }
}
