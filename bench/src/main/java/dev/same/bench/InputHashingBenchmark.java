package dev.same.bench;

import dev.same.server.hash.FileDigests;
import dev.same.server.hash.FileStat;
import dev.same.server.hash.InputDigester;
import dev.same.server.hash.InputFile;
import dev.same.server.hash.InputResolver;
import dev.same.server.hash.ResolvedInputs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hashing the inputs of one task whose input is a tree of 20,000 files (200 MiB), page cache warm:
 * <ul>
 *   <li>{@code cold}: a fresh {@link FileDigests}, so every file is read and hashed;</li>
 *   <li>{@code warm}: the same tree unchanged, with a {@link FileDigests} that has seen it: one stat per file;</li>
 *   <li>{@code resolveOnly}: the directory walk alone (readdir + one stat per file), the floor of {@code warm};</li>
 *   <li>{@code warmKnownStats}: digests of an already resolved tree whose stats are known to be current
 *       (what a daemon whose file watcher saw no change can do): no file system calls at all.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// as the daemon runs: with native access, so that walks can call statx and getdents64 directly
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class InputHashingBenchmark {
    private static final List<String> PATTERNS = List.of(".");

    @Param({"2"})
    int threads;

    /** "direct": statx and getdents64 as the daemon calls them; "nio": through NIO, as a single command walks. */
    @Param({"direct"})
    String calls;

    /** An existing tree to hash instead of a generated one (hash-vs-sha256sum.sh passes its own). */
    @Param({""})
    String tree;

    private Path root;
    private InputDigester digester;
    private FileDigests warmDigests;
    private ResolvedInputs resolved;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        if (calls.equals("direct") && !FileStat.useSystemCallsDirectly()) {
            System.out.println("walking through NIO: no direct system calls here");
        }
        root = tree.isEmpty() ? SyntheticTree.create() : Path.of(tree);
        digester = new InputDigester(new InputResolver(), threads);
        // files changed within the racy window are re-hashed on every lookup; a real tree is older
        Thread.sleep(FileDigests.RACY_WINDOW.toMillis() + 200);
        warmDigests = new FileDigests();
        digester.digestInputs(root, PATTERNS, warmDigests);
        resolved = new InputResolver().resolve(root, PATTERNS);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        System.out.printf("%nwarm FileDigests: %d entries, %d hits, %d misses%n",
                warmDigests.size(), warmDigests.hits(), warmDigests.misses());
        if (tree.isEmpty()) {
            SyntheticTree.delete(root);
        }
    }

    @Benchmark
    public List<InputFile> cold() {
        return digester.digestInputs(root, PATTERNS, new FileDigests());
    }

    @Benchmark
    public List<InputFile> warm() {
        return digester.digestInputs(root, PATTERNS, warmDigests);
    }

    @Benchmark
    public List<InputFile> warmKnownStats() {
        return digester.digest(root, resolved, warmDigests);
    }

    @Benchmark
    public ResolvedInputs resolveOnly() {
        return new InputResolver().resolve(root, PATTERNS);
    }
}
