package dev.same.protocol.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Everything under {@code .same/} is for the user alone: directories 0700, files 0600. It holds the output of
 * {@code env} commands (which may carry secrets), task logs and the daemon's state. Every directory and file
 * created there goes through this class; {@link #tighten} corrects a {@code .same/} of an older version.
 */
public final class PrivateFiles {
    private static final FileAttribute<Set<PosixFilePermission>> DIRECTORY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** {@link Files#createDirectories}, each directory it creates 0700. */
    public static Path createDirectories(Path dir) throws IOException {
        return Files.createDirectories(dir, DIRECTORY);
    }

    /** {@link Files#createDirectory}, 0700: its parent must exist, and it must not. */
    public static Path createDirectory(Path dir) throws IOException {
        return Files.createDirectory(dir, DIRECTORY);
    }

    /** A new file (it must not exist), 0600, open for writing. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        return Channels.newOutputStream(Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), FILE));
    }

    /** Writes the file, replacing its content; created 0600 if missing. */
    public static void write(Path file, byte[] content) throws IOException {
        try (OutputStream out = Channels.newOutputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), FILE))) {
            out.write(content);
        }
    }

    /** A channel on the file, created 0600 if missing (lock files). */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> all = Set.of(options);
        return FileChannel.open(file, all, FILE);
    }

    /** Creates an empty file 0600 unless it exists, for a file others append to (a child's redirected log). */
    public static void createIfMissing(Path file) throws IOException {
        try {
            Files.createFile(file, FILE);
        } catch (FileAlreadyExistsException e) {
            // kept as it is
        }
    }

    /**
     * Takes group and other permissions away from {@code dir} and everything in it, as older versions created
     * {@code .same/} 0755 with files 0644. Only a directory that is not private yet is walked, so once done this
     * costs one stat. Links are not followed; what cannot be changed (another user's file) is left as it is.
     */
    public static void tighten(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || isPrivate(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (!attributes.isSymbolicLink()) {
                    removeGroupAndOthers(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) {
                removeGroupAndOthers(d); // last, so an interrupted walk is done again next time
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isPrivate(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        return permissions.stream().noneMatch(GROUP_AND_OTHERS::contains);
    }

    private static void removeGroupAndOthers(Path path) {
        try {
            var permissions = new HashSet<>(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
            if (permissions.removeAll(GROUP_AND_OTHERS)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (IOException e) {
            // removed meanwhile, or not ours to change
        }
    }
}
