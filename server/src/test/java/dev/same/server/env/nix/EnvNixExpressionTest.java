package dev.same.server.env.nix;

import dev.same.server.env.nix.NixExpression;
import dev.same.server.env.nix.NixPackage;
import dev.same.server.env.nix.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The generated Nix expressions, against golden files in {@code src/test/resources/env/}. */
class EnvNixExpressionTest {
    private static final String GO_COMMIT = "b8697e57f10292a6165a20f03d2f42920dfaf973";
    private static final String NODE_COMMIT = "a73246e2eef4c6ed172979932bc80e1404ba2d56";

    @Test
    void oneTool() {
        assertGolden("one-tool.nix", NixExpression.of("x86_64-linux",
                tools("go@1.22.0", new NixPackage(GO_COMMIT, "go"))));
    }

    @Test
    void oneGetFlakePerDistinctCommit() {
        SortedMap<ToolSpec, NixPackage> tools = tools("nodejs@22", new NixPackage(NODE_COMMIT, "nodejs_22"));
        tools.put(ToolSpec.parse("go@1.22.0"), new NixPackage(GO_COMMIT, "go"));
        tools.put(ToolSpec.parse("gopls@0.15.2"), new NixPackage(GO_COMMIT, "gopls"));
        tools.put(ToolSpec.parse("pip@24.0"), new NixPackage(NODE_COMMIT, "python312Packages.pip"));

        assertGolden("two-commits.nix", NixExpression.of("aarch64-darwin", tools));
    }

    @Test
    void attributeSegmentsThatAreNoIdentifiersAreQuoted() {
        assertGolden("quoted-attribute.nix", NixExpression.of("x86_64-linux",
                tools("weird@1", new NixPackage(GO_COMMIT, "nodePackages.@angular/cli.in"))));
    }

    @Test
    void theSameToolsGiveTheSameText() {
        SortedMap<ToolSpec, NixPackage> a = tools("go@1.22.0", new NixPackage(GO_COMMIT, "go"));
        a.put(ToolSpec.parse("nodejs@22"), new NixPackage(NODE_COMMIT, "nodejs_22"));
        SortedMap<ToolSpec, NixPackage> b = tools("nodejs@22", new NixPackage(NODE_COMMIT, "nodejs_22"));
        b.put(ToolSpec.parse("go@1.22.0"), new NixPackage(GO_COMMIT, "go"));

        assertEquals(NixExpression.of("x86_64-linux", a), NixExpression.of("x86_64-linux", b));
    }

    @Test
    void aCommitThatIsNoHashIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NixExpression.of("x86_64-linux",
                tools("go@1", new NixPackage("main\"; builtins.exec", "go"))));
    }

    private static SortedMap<ToolSpec, NixPackage> tools(String spec, NixPackage pkg) {
        SortedMap<ToolSpec, NixPackage> tools = new TreeMap<>();
        tools.put(ToolSpec.parse(spec), pkg);
        return tools;
    }

    private static void assertGolden(String name, String actual) {
        try (InputStream in = EnvNixExpressionTest.class.getResourceAsStream("/env/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden file env/" + name + "; the expression is:\n" + actual);
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, "golden file env/" + name);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
