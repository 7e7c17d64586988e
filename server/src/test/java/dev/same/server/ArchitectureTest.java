package dev.same.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.ClassEntry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the server, read from its compiled classes: the engine packages never reach into the daemon (which is
 * an adapter around the engine), and no two packages depend on each other.
 */
class ArchitectureTest {
    private static final String PREFIX = "dev/same/server/";
    private static final Set<String> ENGINE = Set.of("config", "graph", "hash", "cache", "env", "exec", "watch",
            "state", "process");

    /** package → the server packages its classes refer to ("" is dev.same.server itself). */
    static Map<String, Set<String>> dependencies(Path classes, String prefix) throws IOException {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String from = packageOf(classes.relativize(file).toString(), prefix);
                Set<String> to = dependencies.computeIfAbsent(from, p -> new TreeSet<>());
                for (var entry : ClassFile.of().parse(file).constantPool()) {
                    if (entry instanceof ClassEntry type && type.asInternalName().startsWith(prefix)) {
                        String target = packageOf(type.asInternalName(), prefix);
                        if (!target.equals(from)) {
                            to.add(target);
                        }
                    }
                }
            }
        }
        return dependencies;
    }

    private static String packageOf(String internalName, String prefix) {
        String rest = internalName.substring(prefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(0, slash);
    }

    private static Map<String, Set<String>> server() throws IOException, URISyntaxException {
        Path classes = Path.of(dev.same.server.launch.SameServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return dependencies(classes, PREFIX);
    }

    @Test
    void theEnginePackagesNeverReachIntoTheDaemon() throws Exception {
        List<String> offending = new ArrayList<>();
        server().forEach((from, to) -> {
            if (ENGINE.contains(from) && (to.contains("daemon") || to.contains("service") || to.contains("launch"))) {
                offending.add(from + " -> " + to);
            }
        });
        assertEquals(List.of(), offending);
    }

    @Test
    void noTwoPackagesDependOnEachOther() throws Exception {
        Map<String, Set<String>> graph = server();
        List<String> cycles = new ArrayList<>();
        graph.forEach((from, to) -> to.forEach(target -> {
            if (from.compareTo(target) < 0 && reaches(graph, target, from)) {
                cycles.add(from + " <-> " + target);
            }
        }));
        assertEquals(List.of(), cycles);
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String to) {
        Set<String> seen = new TreeSet<>();
        List<String> stack = new ArrayList<>(List.of(from));
        while (!stack.isEmpty()) {
            String next = stack.removeLast();
            if (next.equals(to)) {
                return true;
            }
            if (seen.add(next)) {
                stack.addAll(graph.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }
}
