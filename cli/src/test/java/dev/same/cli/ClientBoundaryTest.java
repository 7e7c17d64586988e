package dev.same.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.ClassEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI is a client: it compiles against the protocol and its shared client side, and reaches the server only
 * through its one entry point (to start it in process), never into the daemon's or the engine's insides.
 */
class ClientBoundaryTest {
    @Test
    void theCliReachesTheServerOnlyThroughItsEntryPoint() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> server = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                for (var entry : ClassFile.of().parse(file).constantPool()) {
                    if (entry instanceof ClassEntry type && type.asInternalName().startsWith("dev/same/server/")) {
                        server.add(type.asInternalName());
                    }
                }
            }
        }
        assertEquals(Set.of("dev/same/server/launch/SameServer", "dev/same/server/launch/SameServer$InProcess"),
                server);
    }
}
