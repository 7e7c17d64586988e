package dev.same.server.hash;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists a directory with the stat of every entry: through {@link LinuxFiles} where it can be used, else NIO. */
final class DirectoryEntries {

    /** One entry of a directory: its name and its stat (of the link itself for a symbolic link). */
    record DirectoryEntry(String name, FileStat stat) {
    }

    private DirectoryEntries() {
    }

    /**
     * The entries of {@code dir} in the order the file system gives them, without "." and ".."; an entry
     * removed while listing is left out. A missing directory throws {@code NoSuchFileException}, a file
     * {@code NotDirectoryException}, as {@link Files#newDirectoryStream(Path)} does; a name that is not valid
     * in the file name encoding, a {@code FileSystemException}.
     */
    static List<DirectoryEntry> list(Path dir) throws IOException {
        Optional<LinuxFiles> linux = LinuxFiles.get();
        List<DirectoryEntry> entries = linux.isPresent() ? linux.get().list(dir).orElse(null) : null;
        if (entries == null) {
            entries = listWithNio(dir);
        }
        for (DirectoryEntry entry : entries) {
            if (entry.name().indexOf('\uFFFD') >= 0) {
                // its String cannot name the file again: it would be missing from the inputs or fail to be read
                throw new FileSystemException(dir.resolve(entry.name()).toString(), null,
                        "file name is not valid " + System.getProperty("sun.jnu.encoding") + " (the file name encoding)");
            }
        }
        return entries;
    }

    static List<DirectoryEntry> listWithNio(Path dir) throws IOException {
        var entries = new ArrayList<DirectoryEntry>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                try {
                    entries.add(new DirectoryEntry(entry.getFileName().toString(), FileStat.readWithNio(entry, false)));
                } catch (NoSuchFileException e) {
                    // removed since it was listed
                }
            }
        }
        return entries;
    }
}
