package dev.same.server.hash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A process that keeps saving a digest memory of every file under a directory, for {@link HashDigestMemoryKillTest}
 * to kill with {@code -9} at any moment of a save: {@code DigestMemoryWriter ROOT FILE}.
 */
public final class DigestMemoryWriter {
    private DigestMemoryWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path file = Path.of(args[1]);
        FileDigests digests = new FileDigests();
        try (Stream<Path> files = Files.list(root)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                digests.digest(root, path.getFileName().toString());
            }
        }
        System.out.println("saving");
        System.out.flush();
        while (true) {
            digests.save(file);
        }
    }
}
