package dev.same.server.hash;

import dev.same.server.hash.DirectoryEntries.DirectoryEntry;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The system calls of a directory walk, called through the FFM API on Linux: {@code statx(2)} gives type,
 * size, times and inode in one call, and a directory is listed with {@code getdents64(2)} and each entry
 * stat'ed relative to the open directory. NIO makes the same system calls, but around them it parses
 * attribute names and fills a map for every file ({@code Files.readAttributes(path, "unix:...")}), builds a
 * {@code Path} per entry and has the kernel look up every full path again: most of the time of walking a
 * tree that did not change.
 *
 * <p>Used once a long-lived process (the daemon, a benchmark) asked for it through
 * {@link FileStat#useSystemCallsDirectly()}, and only where it is known to agree with NIO: on Linux, with
 * native access enabled (the launcher and the daemon's command line pass
 * {@code --enable-native-access=ALL-UNNAMED}) and file names in UTF-8. Errors become the exceptions NIO
 * throws for them.
 */
final class LinuxFiles {
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int STATX_TYPE = 0x1;
    private static final int STATX_MODE = 0x2;
    private static final int STATX_MTIME = 0x40;
    private static final int STATX_CTIME = 0x80;
    private static final int STATX_INO = 0x100;
    private static final int STATX_SIZE = 0x200;
    private static final int WANTED = STATX_TYPE | STATX_MODE | STATX_MTIME | STATX_CTIME | STATX_INO | STATX_SIZE;

    private static final int ENOENT = 2;
    private static final int EACCES = 13;
    private static final int ENOTDIR = 20;
    private static final int ELOOP = 40;

    /** {@code struct statx} from linux/stat.h: the same on every Linux architecture. */
    private static final StructLayout TIMESTAMP = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("tv_sec"),
            ValueLayout.JAVA_INT.withName("tv_nsec"),
            MemoryLayout.paddingLayout(4));
    private static final StructLayout STRUCT = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("stx_mask"),
            ValueLayout.JAVA_INT.withName("stx_blksize"),
            ValueLayout.JAVA_LONG.withName("stx_attributes"),
            ValueLayout.JAVA_INT.withName("stx_nlink"),
            ValueLayout.JAVA_INT.withName("stx_uid"),
            ValueLayout.JAVA_INT.withName("stx_gid"),
            ValueLayout.JAVA_SHORT.withName("stx_mode"),
            MemoryLayout.paddingLayout(2),
            ValueLayout.JAVA_LONG.withName("stx_ino"),
            ValueLayout.JAVA_LONG.withName("stx_size"),
            ValueLayout.JAVA_LONG.withName("stx_blocks"),
            ValueLayout.JAVA_LONG.withName("stx_attributes_mask"),
            TIMESTAMP.withName("stx_atime"),
            TIMESTAMP.withName("stx_btime"),
            TIMESTAMP.withName("stx_ctime"),
            TIMESTAMP.withName("stx_mtime"),
            MemoryLayout.paddingLayout(128));

    private static final VarHandle MASK = field("stx_mask");
    private static final VarHandle MODE = field("stx_mode");
    private static final VarHandle INO = field("stx_ino");
    private static final VarHandle SIZE = field("stx_size");
    private static final long CTIME = STRUCT.byteOffset(MemoryLayout.PathElement.groupElement("stx_ctime"));
    private static final long MTIME = STRUCT.byteOffset(MemoryLayout.PathElement.groupElement("stx_mtime"));

    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final int DIRENT_RECLEN = 16;
    private static final int DIRENT_NAME = 19;
    private static final int LISTING_BUFFER = 32 * 1024;

    /** Empty until {@link #enable()} loaded the downcalls. */
    private static volatile Optional<LinuxFiles> instance = Optional.empty();
    private static boolean loaded;

    private final MethodHandle statx;
    private final MethodHandle strerror;
    private final MethodHandle opendir;
    private final MethodHandle dirfd;
    private final MethodHandle getdents64;
    private final MethodHandle closedir;

    private LinuxFiles(Linker linker, SymbolLookup libc) {
        statx = linker.downcallHandle(libc.find("statx").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
                Linker.Option.captureCallState("errno"));
        strerror = linker.downcallHandle(libc.find("strerror").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS.withTargetLayout(MemoryLayout.sequenceLayout(1024, ValueLayout.JAVA_BYTE)),
                        ValueLayout.JAVA_INT));
        opendir = linker.downcallHandle(libc.find("opendir").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS),
                Linker.Option.captureCallState("errno"));
        dirfd = linker.downcallHandle(libc.find("dirfd").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        getdents64 = linker.downcallHandle(libc.find("getdents64").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
                Linker.Option.captureCallState("errno"));
        closedir = linker.downcallHandle(libc.find("closedir").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    }

    /** Empty before {@link #enable()} and where it cannot be used (see the class comment). */
    static Optional<LinuxFiles> get() {
        return instance;
    }

    /**
     * Loads the downcalls once; returns whether they are used from now on. In a fresh JVM that costs more
     * than a short-lived process saves with them: the linker generates and loads code for each.
     */
    static synchronized boolean enable() {
        if (!loaded) {
            instance = load();
            loaded = true;
        }
        return instance.isPresent();
    }

    private static Optional<LinuxFiles> load() {
        if (!System.getProperty("os.name", "").equals("Linux")
                || !LinuxFiles.class.getModule().isNativeAccessEnabled()
                || !"UTF-8".equals(System.getProperty("sun.jnu.encoding"))) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            return Optional.of(new LinuxFiles(linker, linker.defaultLookup()));
        } catch (RuntimeException e) {
            return Optional.empty(); // a C library without statx or getdents64 (glibc before 2.30)
        }
    }

    /**
     * One {@code statx} call; follows a symlink when {@code followLinks}. Empty when the file system did not
     * fill in every field needed (the caller then asks NIO) or the name cannot be passed through as it is.
     */
    Optional<FileStat> stat(Path path, boolean followLinks) throws IOException {
        String name = path.toString();
        if (!passesThrough(name)) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(STRUCT);
            MemorySegment callState = arena.allocate(CALL_STATE);
            int result = (int) statx.invokeExact(callState, AT_FDCWD, arena.allocateFrom(name, StandardCharsets.UTF_8),
                    followLinks ? 0 : AT_SYMLINK_NOFOLLOW, WANTED, buffer);
            if (result != 0) {
                throw failure(path, errno(callState));
            }
            return complete(buffer) ? Optional.of(statOf(buffer)) : Optional.empty();
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("statx downcall failed", e);
        }
    }

    /**
     * The entries of a directory with the stat of each (links not followed), in the order the file system
     * gives them, without "." and "..". An entry removed while listing is left out. Empty when the directory's
     * name cannot be passed through as it is.
     */
    Optional<List<DirectoryEntry>> list(Path dir) throws IOException {
        String name = dir.toString();
        if (!passesThrough(name)) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = arena.allocate(CALL_STATE);
            MemorySegment stream = (MemorySegment) opendir.invokeExact(callState, arena.allocateFrom(name, StandardCharsets.UTF_8));
            if (stream.equals(MemorySegment.NULL)) {
                int errno = errno(callState);
                throw errno == ENOTDIR ? new NotDirectoryException(name) : failure(dir, errno);
            }
            try {
                return Optional.of(entries(dir, (int) dirfd.invokeExact(stream), arena, callState));
            } finally {
                int ignored = (int) closedir.invokeExact(stream);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("directory listing downcall failed", e);
        }
    }

    private List<DirectoryEntry> entries(Path dir, int fd, Arena arena, MemorySegment callState) throws Throwable {
        MemorySegment listing = arena.allocate(LISTING_BUFFER, 8);
        MemorySegment buffer = arena.allocate(STRUCT);
        var entries = new ArrayList<DirectoryEntry>();
        for (long length; (length = (long) getdents64.invokeExact(callState, fd, listing, listing.byteSize())) != 0; ) {
            if (length < 0) {
                throw failure(dir, errno(callState));
            }
            // struct linux_dirent64: d_ino, d_off, d_reclen (offset 16), d_type, d_name (offset 19, NUL-terminated)
            for (long record = 0; record < length; record += Short.toUnsignedInt(listing.get(ValueLayout.JAVA_SHORT, record + DIRENT_RECLEN))) {
                MemorySegment cName = listing.asSlice(record + DIRENT_NAME);
                if (isDotOrDotDot(cName)) {
                    continue;
                }
                String entryName = cName.getString(0, StandardCharsets.UTF_8);
                int result = (int) statx.invokeExact(callState, fd, cName, AT_SYMLINK_NOFOLLOW, WANTED, buffer);
                if (result != 0) {
                    int errno = errno(callState);
                    if (errno == ENOENT) {
                        continue; // removed since it was listed
                    }
                    throw failure(dir.resolve(entryName), errno);
                }
                FileStat stat = complete(buffer) ? statOf(buffer) : FileStat.readWithNio(dir.resolve(entryName), false);
                entries.add(new DirectoryEntry(entryName, stat));
            }
        }
        return entries;
    }

    private static boolean isDotOrDotDot(MemorySegment cName) {
        byte first = cName.get(ValueLayout.JAVA_BYTE, 0);
        byte second = cName.get(ValueLayout.JAVA_BYTE, 1);
        return first == '.' && (second == 0 || second == '.' && cName.get(ValueLayout.JAVA_BYTE, 2) == 0);
    }

    /** A name that came from valid UTF-8 on disk and has no NUL: only NIO keeps other names' raw bytes. */
    private static boolean passesThrough(String name) {
        return name.indexOf('\uFFFD') < 0 && name.indexOf('\0') < 0;
    }

    private static boolean complete(MemorySegment buffer) {
        return ((int) MASK.get(buffer, 0L) & WANTED) == WANTED;
    }

    private static FileStat statOf(MemorySegment buffer) {
        int mode = Short.toUnsignedInt((short) MODE.get(buffer, 0L));
        return new FileStat(FileStat.typeOf(mode), (long) SIZE.get(buffer, 0L),
                nanos(buffer, MTIME), (long) INO.get(buffer, 0L), nanos(buffer, CTIME));
    }

    private static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    private IOException failure(Path path, int errno) {
        return switch (errno) {
            case ENOENT -> new NoSuchFileException(path.toString());
            case EACCES -> new AccessDeniedException(path.toString());
            case ENOTDIR -> new FileSystemException(path.toString(), null, "Not a directory");
            case ELOOP -> new FileSystemException(path.toString(), null, "Too many levels of symbolic links");
            default -> new FileSystemException(path.toString(), null, message(errno));
        };
    }

    private String message(int errno) {
        try {
            return ((MemorySegment) strerror.invokeExact(errno)).getString(0);
        } catch (Throwable e) {
            return "errno " + errno;
        }
    }

    private static long nanos(MemorySegment buffer, long offset) {
        return buffer.get(ValueLayout.JAVA_LONG, offset) * 1_000_000_000L
                + Integer.toUnsignedLong(buffer.get(ValueLayout.JAVA_INT, offset + 8));
    }

    private static VarHandle field(String name) {
        return STRUCT.varHandle(MemoryLayout.PathElement.groupElement(name));
    }
}
