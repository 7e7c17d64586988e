package dev.same.server.cache;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;

/**
 * The workspace's on-disk caches: {@code .same/cache} (content store and action records) and
 * {@code .same/tools} (tool downloads and their caches).
 */
public final class CacheDirectory {
    private final Path root;
    private final Path cacheDir;
    private final Path toolsDir;
    private final ContentStore contentStore;
    private final ActionCache actionCache;

    /** What a clean removed. */
    public record Removed(long files, long bytes) {
        public static final Removed NOTHING = new Removed(0, 0);

        public Removed plus(Removed other) {
            return new Removed(files + other.files, bytes + other.bytes);
        }
    }

    private CacheDirectory(Path root) {
        this.root = root;
        this.cacheDir = root.resolve(".same").resolve("cache");
        this.toolsDir = root.resolve(".same").resolve("tools");
        this.contentStore = new ContentStore(cacheDir.resolve("cas"));
        this.actionCache = new ActionCache(cacheDir, contentStore);
    }

    /** The caches of the workspace at {@code root}; nothing is created until something is written. */
    public static CacheDirectory of(Path root) {
        return new CacheDirectory(root);
    }

    public Path root() {
        return root;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    public Path toolsDir() {
        return toolsDir;
    }

    public ContentStore contentStore() {
        return contentStore;
    }

    public ActionCache actionCache() {
        return actionCache;
    }

    /** Removes the action cache and content store and/or the tool caches; cleaning what is not there removes nothing. */
    public Removed clean(boolean cache, boolean tools) throws IOException {
        Removed removed = Removed.NOTHING;
        if (cache) {
            removed = removed.plus(deleteTree(cacheDir));
        }
        if (tools) {
            removed = removed.plus(deleteTree(toolsDir));
        }
        return removed;
    }

    /** Deletes a tree without following links; files another process removes meanwhile are skipped. */
    static Removed deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Removed.NOTHING;
        }
        long[] counts = new long[2];
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) throws IOException {
                makeWritable(d); // tool caches (Go modules, for one) hold read-only directories
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (deleteIfExists(file)) {
                    counts[0]++;
                    counts[1] += attributes.isRegularFile() ? attributes.size() : 0;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
        return new Removed(counts[0], counts[1]);
    }

    private static boolean deleteIfExists(Path path) throws IOException {
        try {
            return Files.deleteIfExists(path);
        } catch (AccessDeniedException e) {
            makeWritable(path.getParent());
            return Files.deleteIfExists(path);
        }
    }

    private static void makeWritable(Path dir) throws IOException {
        try {
            var permissions = EnumSet.copyOf(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS));
            if (permissions.add(PosixFilePermission.OWNER_WRITE) | permissions.add(PosixFilePermission.OWNER_EXECUTE)) {
                Files.setPosixFilePermissions(dir, permissions);
            }
        } catch (NoSuchFileException e) {
            // removed meanwhile
        }
    }
}
