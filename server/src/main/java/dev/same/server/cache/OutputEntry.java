package dev.same.server.cache;

import dev.same.server.hash.Digest;

/**
 * One path a task's targets held after a successful run.
 *
 * @param path       root-relative, '/'-separated
 * @param digest     content digest, for a {@link Kind#FILE} only
 * @param executable owner-execute bit, for a {@link Kind#FILE} only
 * @param linkTarget the link's target as written, for a {@link Kind#SYMLINK} only
 */
public record OutputEntry(String path, Kind kind, String digest, boolean executable, String linkTarget) {

    public enum Kind { FILE, DIRECTORY, SYMLINK }

    public static OutputEntry file(String path, String digest, boolean executable) {
        return new OutputEntry(path, Kind.FILE, digest, executable, null);
    }

    public static OutputEntry directory(String path) {
        return new OutputEntry(path, Kind.DIRECTORY, null, false, null);
    }

    public static OutputEntry symlink(String path, String linkTarget) {
        return new OutputEntry(path, Kind.SYMLINK, null, false, linkTarget);
    }

    /** Whether the fields the kind needs are present (a record read from disk may be damaged). */
    public boolean wellFormed() {
        return isSafeRelativePath(path) && kind != null && switch (kind) {
            case FILE -> Digest.isValid(digest);
            case DIRECTORY -> true;
            case SYMLINK -> linkTarget != null && !linkTarget.isEmpty();
        };
    }

    /** Root-relative and staying inside the root: no leading '/', no empty, "." or ".." segment. */
    static boolean isSafeRelativePath(String path) {
        if (path == null || path.isEmpty()) {
            return path != null; // "" is the root itself
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
