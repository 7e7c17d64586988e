package dev.same.server.hash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What one {@code stat} says about a path: enough to tell whether a file may have changed
 * since it was hashed without reading it.
 *
 * @param type       file type (of the link target when links were followed)
 * @param size       bytes
 * @param mtimeNanos modification time, nanoseconds since the epoch
 * @param inode      inode number: a file replaced by another (rename over it) changes it
 * @param ctimeNanos status-change time: catches content changes whose mtime was set back
 */
public record FileStat(Type type, long size, long mtimeNanos, long inode, long ctimeNanos) {

    public enum Type { FILE, DIRECTORY, SYMLINK, OTHER }

    private static final String ATTRIBUTES = "unix:mode,size,lastModifiedTime,ino,ctime";
    private static final LinkOption[] FOLLOW = {};
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** One stat call; follows a symlink when {@code followLinks}. */
    public static FileStat read(Path path, boolean followLinks) throws IOException {
        Optional<LinuxFiles> linux = LinuxFiles.get();
        if (linux.isPresent()) {
            Optional<FileStat> stat = linux.get().stat(path, followLinks);
            if (stat.isPresent()) {
                return stat.get();
            }
        }
        return readWithNio(path, followLinks);
    }

    /**
     * From now on, {@link #read} and directory walks on Linux call {@code statx} and {@code getdents64} directly
     * instead of through NIO (see {@code LinuxFiles}), which makes a walk of an unchanged tree markedly cheaper
     * (bench/README.md). Loading the calls is slow in a fresh JVM, so a long-lived process (the daemon) asks for it,
     * a single command does not. Returns whether they are used (false off Linux or without native access).
     */
    public static boolean useSystemCallsDirectly() {
        return LinuxFiles.enable();
    }

    static FileStat readWithNio(Path path, boolean followLinks) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(path, ATTRIBUTES, followLinks ? FOLLOW : NO_FOLLOW);
        return new FileStat(
                typeOf((Integer) attributes.get("mode")),
                (Long) attributes.get("size"),
                nanos((FileTime) attributes.get("lastModifiedTime")),
                (Long) attributes.get("ino"),
                nanos((FileTime) attributes.get("ctime")));
    }

    public boolean isFile() {
        return type == Type.FILE;
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    public boolean isSymlink() {
        return type == Type.SYMLINK;
    }

    static Type typeOf(int mode) {
        return switch (mode & 0170000) {
            case 0100000 -> Type.FILE;
            case 0040000 -> Type.DIRECTORY;
            case 0120000 -> Type.SYMLINK;
            default -> Type.OTHER;
        };
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
