package dev.same.server.exec;

import dev.same.server.SameException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;

/**
 * A task's declared targets around its run, as the original treats them: removed before it runs, so a stale file
 * left from an earlier run (or another branch) can never end up in the cache as if the task had made it; and
 * checked after it, since a target it did not produce means its result is incomplete.
 */
final class DeclaredTargets {
    private DeclaredTargets() {
    }

    /**
     * Removes every target (links themselves, never what they point at), leaving what lies at or below
     * {@code othersTargets}: the targets of other tasks inside these, which are their outputs.
     *
     * @throws SameException when a target lies below a symbolic link leading out of the root, or cannot be removed
     */
    static void remove(Path root, List<String> targets, List<String> othersTargets) {
        Set<Path> kept = Set.copyOf(othersTargets.stream().map(root::resolve).toList());
        for (String target : targets) {
            Path path = root.resolve(target);
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            requireInside(root, path, target);
            try {
                Files.walkFileTree(path, new Remover(kept));
            } catch (IOException e) {
                throw new SameException("cannot remove the target " + target + " before the task runs: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
    }

    /** The targets that do not exist, in their order. */
    static List<String> missing(Path root, List<String> targets) {
        return targets.stream().filter(t -> !Files.exists(root.resolve(t), LinkOption.NOFOLLOW_LINKS)).toList();
    }

    private static void requireInside(Path root, Path path, String target) {
        try {
            Path parent = path.getParent().toRealPath();
            if (!parent.startsWith(root.toRealPath())) {
                throw new SameException("cannot remove the target " + target + " before the task runs: "
                        + root.relativize(path.getParent()) + " leads to " + parent + ", outside the workspace");
            }
        } catch (IOException e) {
            throw new SameException("cannot remove the target " + target + ": " + e.getMessage());
        }
    }

    /** Deletes bottom-up, skipping the kept paths and the directories above them. */
    private static final class Remover extends SimpleFileVisitor<Path> {
        private final Set<Path> kept;

        Remover(Set<Path> kept) {
            this.kept = kept;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return kept.contains(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
            if (!kept.contains(file)) {
                Files.deleteIfExists(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException error) throws IOException {
            if (error != null && !(error instanceof NoSuchFileException)) {
                throw error;
            }
            if (kept.stream().noneMatch(k -> k.startsWith(dir))) {
                Files.deleteIfExists(dir);
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
