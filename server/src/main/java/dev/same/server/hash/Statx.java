package dev.same.server.hash;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code statx(2)} called through the FFM API, on Linux: one call gives type, size, times and inode.
 * {@code Files.readAttributes(path, "unix:...")} makes the same system call but then parses the attribute
 * names and fills a map for every file, which is a large part of walking a tree that did not change.
 *
 * <p>Used only where it is known to agree with NIO: on Linux, with native access enabled (the launcher and
 * the daemon's command line pass {@code --enable-native-access=ALL-UNNAMED}) and file names in UTF-8.
 * Errors become the exceptions NIO throws for them.
 */
final class Statx {
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

    private final MethodHandle statx;
    private final MethodHandle strerror;

    private Statx(MethodHandle statx, MethodHandle strerror) {
        this.statx = statx;
        this.strerror = strerror;
    }

    /** Present where it can be used: Linux, native access enabled, UTF-8 file names, a C library with statx. */
    static Optional<Statx> load() {
        if (!System.getProperty("os.name", "").equals("Linux")
                || !Statx.class.getModule().isNativeAccessEnabled()
                || !"UTF-8".equals(System.getProperty("sun.jnu.encoding"))) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            var libc = linker.defaultLookup();
            MethodHandle statx = linker.downcallHandle(libc.find("statx").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
                    Linker.Option.captureCallState("errno"));
            MethodHandle strerror = linker.downcallHandle(libc.find("strerror").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS.withTargetLayout(MemoryLayout.sequenceLayout(1024, ValueLayout.JAVA_BYTE)),
                            ValueLayout.JAVA_INT));
            return Optional.of(new Statx(statx, strerror));
        } catch (RuntimeException e) {
            return Optional.empty(); // no statx in this C library
        }
    }

    /**
     * One {@code statx} call; follows a symlink when {@code followLinks}. Empty when the file system did not
     * fill in every field needed (the caller then asks NIO) or the name cannot be passed through as it is.
     */
    Optional<FileStat> read(Path path, boolean followLinks) throws IOException {
        String name = path.toString();
        if (name.indexOf('\uFFFD') >= 0 || name.indexOf('\0') >= 0) {
            return Optional.empty(); // not valid UTF-8 on disk: only NIO keeps the raw bytes
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cName = arena.allocateFrom(name, StandardCharsets.UTF_8);
            MemorySegment buffer = arena.allocate(STRUCT);
            MemorySegment callState = arena.allocate(CALL_STATE);
            int result = (int) statx.invokeExact(callState, AT_FDCWD, cName,
                    followLinks ? 0 : AT_SYMLINK_NOFOLLOW, WANTED, buffer);
            if (result != 0) {
                throw failure(path, (int) ERRNO.get(callState, 0L));
            }
            if (((int) MASK.get(buffer, 0L) & WANTED) != WANTED) {
                return Optional.empty();
            }
            int mode = Short.toUnsignedInt((short) MODE.get(buffer, 0L));
            return Optional.of(new FileStat(FileStat.typeOf(mode), (long) SIZE.get(buffer, 0L),
                    nanos(buffer, MTIME), (long) INO.get(buffer, 0L), nanos(buffer, CTIME)));
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("statx downcall failed", e);
        }
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
