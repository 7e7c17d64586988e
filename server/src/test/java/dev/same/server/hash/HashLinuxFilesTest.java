package dev.same.server.hash;

import dev.same.server.hash.DirectoryEntries.DirectoryEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On Linux, {@link FileStat#read} and {@link DirectoryEntries#list} go through {@link LinuxFiles} (statx,
 * getdents64): they must agree with NIO on every field and every error the walk relies on.
 */
class HashLinuxFilesTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void useSystemCallsDirectly() {
        FileStat.useSystemCallsDirectly();
    }

    @Test
    void usedOnLinuxWithNativeAccess() {
        // the build's test JVMs run with --enable-native-access=ALL-UNNAMED, as the launcher and the daemon do
        assertEquals(System.getProperty("os.name").equals("Linux"), FileStat.useSystemCallsDirectly());
        assertEquals(System.getProperty("os.name").equals("Linux"), LinuxFiles.get().isPresent());
    }

    @Test
    void regularFileDirectoryAndSymlinkAgreeWithNio() throws IOException {
        Path file = Files.writeString(dir.resolve("ünï cödé.txt"), "twelve bytes");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2001-02-03T04:05:06.123456789Z")));
        Path link = Files.createSymbolicLink(dir.resolve("link"), file.getFileName());
        Path subdirectory = Files.createDirectory(dir.resolve("sub"));

        for (Path path : new Path[] {file, link, subdirectory}) {
            for (boolean follow : new boolean[] {true, false}) {
                assertEquals(FileStat.readWithNio(path, follow), FileStat.read(path, follow), path + " follow=" + follow);
            }
        }
        FileStat stat = FileStat.read(file, false);
        assertEquals(FileStat.Type.FILE, stat.type());
        assertEquals(12, stat.size());
        assertEquals(Instant.parse("2001-02-03T04:05:06.123456789Z"),
                Instant.EPOCH.plusNanos(stat.mtimeNanos()), "nanoseconds kept");
        assertEquals(FileStat.Type.SYMLINK, FileStat.read(link, false).type());
        assertEquals(FileStat.Type.FILE, FileStat.read(link, true).type());
        assertEquals(FileStat.Type.DIRECTORY, FileStat.read(subdirectory, true).type());
    }

    @Test
    void listingAgreesWithNio() throws IOException {
        Files.writeString(dir.resolve("ünï cödé.txt"), "x");
        Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        Files.createDirectory(dir.resolve(".hidden"));
        for (int i = 0; i < 2000; i++) { // more than one getdents64 buffer
            Files.writeString(dir.resolve("file-with-a-longer-name-" + i), Integer.toString(i));
        }

        var listed = sortedByName(DirectoryEntries.list(dir));
        assertEquals(sortedByName(DirectoryEntries.listWithNio(dir)), listed);
        assertEquals(2003, listed.size());
        assertTrue(listed.stream().noneMatch(e -> e.name().equals(".") || e.name().equals("..")));
        assertEquals(FileStat.Type.SYMLINK, listed.stream().filter(e -> e.name().equals("dangling")).findFirst().orElseThrow().stat().type());
        assertEquals(List.of(), DirectoryEntries.list(Files.createDirectory(dir.resolve("empty"))));
    }

    @Test
    void listingErrorsAreTheOnesNioThrows() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThrows(NoSuchFileException.class, () -> DirectoryEntries.list(dir.resolve("missing")));
        assertThrows(NotDirectoryException.class, () -> DirectoryEntries.list(file));
        assertThrows(NotDirectoryException.class, () -> DirectoryEntries.listWithNio(file));
    }

    @Test
    void aNameThatIsNotValidUtf8IsAnErrorNotAMissingFile() throws Exception {
        // Java cannot name such a file by a String: as an input it would silently go missing
        Files.writeString(dir.resolve("ok.txt"), "x");
        var rename = new ProcessBuilder("sh", "-c", "mv ok.txt \"$(printf 'bad\\377name')\"").directory(dir.toFile()).start();
        assertEquals(0, rename.waitFor());
        var e = assertThrows(FileSystemException.class, () -> DirectoryEntries.list(dir));
        assertTrue(e.getMessage().contains("file name is not valid"), e.getMessage());
    }

    @Test
    void errorsAreTheOnesNioThrows() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path loop = Files.createSymbolicLink(dir.resolve("loop"), dir.resolve("loop"));

        assertThrows(NoSuchFileException.class, () -> FileStat.read(dir.resolve("missing"), true));
        assertEquals("Not a directory",
                assertThrows(FileSystemException.class, () -> FileStat.read(file.resolve("below"), true)).getReason());
        assertEquals("Too many levels of symbolic links",
                assertThrows(FileSystemException.class, () -> FileStat.read(loop, true)).getReason());
        assertEquals(FileStat.Type.SYMLINK, FileStat.read(loop, false).type());
    }

    private static List<DirectoryEntry> sortedByName(List<DirectoryEntry> entries) {
        return entries.stream().sorted(Comparator.comparing(DirectoryEntry::name)).toList();
    }
}
