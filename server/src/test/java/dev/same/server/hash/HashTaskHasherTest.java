package dev.same.server.hash;

import dev.same.server.config.Rebuild;
import dev.same.server.config.SourceLocation;
import dev.same.server.config.TaskDef;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashTaskHasherTest {
    private static final String D1 = Digest.of("one");
    private static final String D2 = Digest.of("two");
    private static final String LINUX = "x86_64-linux";

    private final TaskHasher hasher = new TaskHasher();

    private static TaskDef task() {
        return new TaskDef("web:build", "web", "build", List.of("npm", "run", "build"),
                List.of("web/package.json", "web/src"), List.of("web/dist"), List.of("lib:build"),
                List.of("node"), new TreeMap<>(Map.of("NODE_ENV", "production", "CI", "1")), "web",
                Rebuild.ON_CHANGE, new SourceLocation(Path.of("web/same.yaml"), 3));
    }

    private static List<InputFile> inputs() {
        return List.of(new InputFile("web/package.json", D1), new InputFile("web/src/index.js", D2));
    }

    private static SortedMap<String, String> deps() {
        return new TreeMap<>(Map.of("lib:build", D1));
    }

    private String hash(TaskDef def) {
        return hasher.hash(def, inputs(), D2, LINUX, deps());
    }

    private static TaskDef with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(task())).build();
    }

    @Test
    void isAStableHexDigest() {
        String hash = hash(task());
        assertTrue(Digest.isValid(hash));
        assertEquals(hash, hash(task()));
    }

    @Test
    void everyDefinitionFieldCounts() {
        String base = hash(task());
        var hashes = new HashSet<String>();
        hashes.add(base);
        List<TaskDef> variants = List.of(
                with(b -> b.id("web:build2")),
                with(b -> b.cmd(List.of("npm", "run", "build:prod"))),
                with(b -> b.cmd(List.of("npm", "run build"))),
                with(b -> b.inputs(List.of("web/package.json", "web/src", "!web/src/gen"))),
                with(b -> b.targets(List.of("web/dist", "web/types"))),
                with(b -> b.environment(new TreeMap<>(Map.of("NODE_ENV", "development", "CI", "1")))),
                with(b -> b.environment(new TreeMap<>(Map.of("NODE_ENV", "production")))),
                with(b -> b.tools(List.of("node", "pnpm"))),
                with(b -> b.workingDir("web/src")),
                with(b -> b.rebuild(Rebuild.ALWAYS)));
        for (TaskDef variant : variants) {
            assertTrue(hashes.add(hash(variant)), () -> "hash did not change for " + variant);
        }
    }

    @Test
    void inputContentPathsEnvironmentAndDependenciesCount() {
        String base = hash(task());
        assertNotEquals(base, hasher.hash(task(), List.of(new InputFile("web/package.json", D1),
                new InputFile("web/src/index.js", D1)), D2, LINUX, deps()));
        assertNotEquals(base, hasher.hash(task(), List.of(new InputFile("web/package.json", D1),
                new InputFile("web/src/main.js", D2)), D2, LINUX, deps()));
        assertNotEquals(base, hasher.hash(task(), List.of(new InputFile("web/package.json", D1)), D2, LINUX, deps()));
        assertNotEquals(base, hasher.hash(task(), inputs(), D1, LINUX, deps()));
        assertNotEquals(base, hasher.hash(task(), inputs(), D2, LINUX, new TreeMap<>(Map.of("lib:build", D2))));
        assertNotEquals(base, hasher.hash(task(), inputs(), D2, LINUX, new TreeMap<>(Map.of("lib:test", D1))));
        assertNotEquals(base, hasher.hash(task(), inputs(), D2, LINUX, new TreeMap<>()));
    }

    @Test
    void thePlatformCountsUnlessThereIsNone() {
        String base = hash(task());
        assertNotEquals(base, hasher.hash(task(), inputs(), D2, "aarch64-darwin", deps()));
        assertNotEquals(base, hasher.hash(task(), inputs(), D2, "x86_64-linux-musl", deps()));
        String portable = hasher.hash(task(), inputs(), D2, null, deps());
        assertNotEquals(base, portable);
        assertNotEquals(portable, hasher.hash(task(), inputs(), D2, "", deps()));
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        assertNotEquals(hash(with(b -> b.cmd(List.of("ab", "c")))), hash(with(b -> b.cmd(List.of("a", "bc")))));
        assertNotEquals(hash(with(b -> b.tools(List.of()).targets(List.of("web/dist", "node")))),
                hash(with(b -> b.tools(List.of("node")).targets(List.of("web/dist")))));
        assertNotEquals(hasher.hash(task(), List.of(new InputFile("a", D1)), "", LINUX, deps()),
                hasher.hash(task(), List.of(new InputFile("a", D1)), null, LINUX, deps()));
    }

    @Test
    void ignoresLocationProjectFieldsAndOrderOfConstruction() {
        String base = hash(task());
        assertEquals(base, hash(with(b -> b.location(new SourceLocation(Path.of("elsewhere.yaml"), 99)))));

        SortedMap<String, String> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.put("CI", "1");
        reversed.put("NODE_ENV", "production");
        assertEquals(base, hash(with(b -> b.environment(reversed))));

        var shuffled = new ArrayList<>(inputs());
        Collections.reverse(shuffled);
        assertEquals(base, hasher.hash(task(), shuffled, D2, LINUX, deps()));
    }

    /** TaskDef is a record: copy it with one field changed. */
    private static final class Builder {
        private String id;
        private List<String> cmd;
        private List<String> inputs;
        private List<String> targets;
        private List<String> tools;
        private SortedMap<String, String> environment;
        private String workingDir;
        private Rebuild rebuild;
        private SourceLocation location;
        private final TaskDef base;

        Builder(TaskDef base) {
            this.base = base;
            id = base.id();
            cmd = base.cmd();
            inputs = base.inputs();
            targets = base.targets();
            tools = base.tools();
            environment = base.environment();
            workingDir = base.workingDir();
            rebuild = base.rebuild();
            location = base.location();
        }

        Builder id(String v) { id = v; return this; }
        Builder cmd(List<String> v) { cmd = v; return this; }
        Builder inputs(List<String> v) { inputs = v; return this; }
        Builder targets(List<String> v) { targets = v; return this; }
        Builder tools(List<String> v) { tools = v; return this; }
        Builder environment(SortedMap<String, String> v) { environment = v; return this; }
        Builder workingDir(String v) { workingDir = v; return this; }
        Builder rebuild(Rebuild v) { rebuild = v; return this; }
        Builder location(SourceLocation v) { location = v; return this; }

        TaskDef build() {
            return new TaskDef(id, base.project(), base.name(), cmd, inputs, targets, base.dependsOn(), tools,
                    environment, workingDir, rebuild, location);
        }
    }
}
