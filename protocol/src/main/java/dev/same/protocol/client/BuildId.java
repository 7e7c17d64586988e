package dev.same.protocol.client;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Identifies the exact build that is running: the version plus a fingerprint of the class path's jars (name,
 * size, modification time). A CLI and a daemon from different builds see different ids, so a rebuilt CLI
 * replaces a daemon still running the old code, even when the version string did not change.
 */
public final class BuildId {
    private static final String CURRENT = compute(System.getProperty("java.class.path", ""));

    private BuildId() {
    }

    public static String current() {
        return CURRENT;
    }

    static String compute(String classPath) {
        String version = BuildId.class.getPackage().getImplementationVersion();
        try {
            Fnv1a64 digest = new Fnv1a64();
            for (String entry : classPath.split(File.pathSeparator)) {
                Path path = Path.of(entry);
                digest.update(entry.getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(path)) {
                    digest.update(Long.toString(Files.size(path)).getBytes(StandardCharsets.UTF_8));
                    digest.update(Long.toString(Files.getLastModifiedTime(path).toMillis())
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return (version == null ? "dev" : version) + "+" + digest.hex().substring(0, 12);
        } catch (Exception e) {
            return version == null ? "dev" : version;
        }
    }
}
