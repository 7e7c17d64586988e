package dev.same.server.service;

import dev.same.protocol.client.BuildId;
import dev.same.server.config.YamlTrees;
import dev.same.server.hash.ChecksummedFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The parsed configuration an engine keeps between processes ({@code .same/cache/config-trees}, see {@link
 * YamlTrees}): a {@link ChecksummedFile} holding the trees of this build.
 */
final class ConfigTreesFile {
    static final byte[] HEADER = "same-config-trees\n1\n".getBytes(StandardCharsets.US_ASCII);

    private ConfigTreesFile() {
    }

    /**
     * The trees this build saved in {@code file}; a memory of nothing when it is missing, of another build, or
     * damaged (the last two said to {@code ignored}, as a reason).
     */
    static YamlTrees read(Path file, Consumer<String> ignored) {
        return ChecksummedFile.read(file, HEADER, ignored).map(in -> {
            try {
                return YamlTrees.read(in, BuildId.current());
            } catch (IOException | RuntimeException e) {
                ignored.accept(file + " is damaged (" + e.getMessage() + ")");
                return new YamlTrees();
            }
        }).orElseGet(YamlTrees::new);
    }

    /** Writes {@code trees} to {@code file} if they changed since they were read or last written. */
    static void writeIfChanged(Path file, YamlTrees trees) throws IOException {
        if (trees.changedSinceWritten()) {
            ChecksummedFile.write(file, HEADER, trees.write(BuildId.current()));
        }
    }
}
