package dev.same.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The benchmark input: {@code d00..d19/s0..s9/f000..f099.bin}, 20,000 files of 10 KiB of random
 * bytes (200 MiB), the same shape {@code hash-vs-sha256sum.sh} writes.
 */
final class SyntheticTree {
    static final int TOP = 20;
    static final int SUB = 10;
    static final int FILES = 100;
    static final int FILE_SIZE = 10 * 1024;

    private SyntheticTree() {
    }

    static Path create() throws IOException {
        Path root = Files.createTempDirectory("same-bench-tree-");
        var random = new SplittableRandom(42);
        byte[] content = new byte[FILE_SIZE];
        for (int top = 0; top < TOP; top++) {
            for (int sub = 0; sub < SUB; sub++) {
                Path dir = Files.createDirectories(root.resolve("d%02d/s%d".formatted(top, sub)));
                for (int file = 0; file < FILES; file++) {
                    random.nextBytes(content);
                    Files.write(dir.resolve("f%03d.bin".formatted(file)), content);
                }
            }
        }
        return root;
    }

    static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
