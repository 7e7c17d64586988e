package dev.same.server.env.nix;

import dev.same.server.env.FakeNixhub;

import dev.same.server.env.nix.NixPackage;
import dev.same.server.env.nix.NixPackageResolver;
import dev.same.server.env.nix.NixResolutionCache;
import dev.same.server.env.nix.NixhubAnswer;
import dev.same.server.env.nix.NixhubClient;
import dev.same.server.env.nix.ToolSpec;
import dev.same.server.SameException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tool versions resolved through a nixhub resolver on 127.0.0.1 serving recorded answers. */
class EnvNixhubResolverTest {
    private static final String SYSTEM = "x86_64-linux";
    private static final String GO_COMMIT = "b8697e57f10292a6165a20f03d2f42920dfaf973";

    @TempDir
    Path cacheDir;
    private final FakeNixhub nixhub = new FakeNixhub();

    @AfterEach
    void stop() {
        nixhub.close();
    }

    private NixPackageResolver resolver(URI url, Duration timeout) {
        return new NixPackageResolver(new NixhubClient(url, timeout), new NixResolutionCache(cacheDir), SYSTEM);
    }

    private NixPackageResolver resolver() {
        return resolver(nixhub.url(), Duration.ofSeconds(5));
    }

    @Test
    void resolvesAVersionToTheCommitAndAttributeOfThisSystem() {
        nixhub.answer("go@1.22.0", "go-1.22.0.json");

        NixPackage go = resolver().resolve(new ToolSpec("go", "1.22.0"));

        assertEquals(new NixPackage(GO_COMMIT, "go"), go);
        assertEquals(java.util.List.of("name=go&version=1.22.0"), nixhub.requests);
    }

    @Test
    void readsTheFlatShapeToo() {
        nixhub.answer("nodejs@22", "nodejs-22-flat.json");

        NixPackage node = resolver().resolve(new ToolSpec("nodejs", "22"));

        assertEquals(new NixPackage("a73246e2eef4c6ed172979932bc80e1404ba2d56", "nodejs_22"), node);
    }

    @Test
    void aResolutionIsCachedOnDiskAndUsedByTheNextResolverWithoutAsking() {
        nixhub.answer("go@1.22.0", "go-1.22.0.json");
        resolver().resolve(new ToolSpec("go", "1.22.0"));

        NixPackage again = resolver().resolve(new ToolSpec("go", "1.22.0"));

        assertEquals(new NixPackage(GO_COMMIT, "go"), again);
        assertEquals(1, nixhub.requests.size());
    }

    @Test
    void anUnknownPackageOrVersionNamesBoth() {
        SameException e = assertThrows(SameException.class, () -> resolver().resolve(new ToolSpec("nodejs", "99")));

        assertEquals("unknown Nix package or version: nodejs@99 (package 'nodejs', version '99')", e.getMessage());
        assertTrue(e.context().getFirst().contains(nixhub.url() + "/v2/resolve?name=nodejs&version=99"),
                e.context().toString());
    }

    @Test
    void aServerErrorSaysWhichResolverFailed() {
        nixhub.reply("go@1.22.0", 500, "Internal Server Error", Duration.ZERO);

        SameException e = assertThrows(SameException.class, () -> resolver().resolve(new ToolSpec("go", "1.22.0")));

        assertEquals("cannot resolve tool go@1.22.0: the Nix package resolver is unreachable "
                + "(it answered HTTP 500: Internal Server Error)", e.getMessage());
        assertEquals("asked " + nixhub.url() + "/v2/resolve?name=go&version=1.22.0", e.context().getFirst());
        assertTrue(e.context().get(1).startsWith("a cached resolution is used when one exists"), e.context().get(1));
    }

    @Test
    void aSlowResolverTimesOut() {
        nixhub.reply("go@1.22.0", 200, FakeNixhub.recorded("go-1.22.0.json"), Duration.ofSeconds(3));

        long start = System.nanoTime();
        SameException e = assertThrows(SameException.class,
                () -> resolver(nixhub.url(), Duration.ofMillis(300)).resolve(new ToolSpec("go", "1.22.0")));

        assertTrue(e.getMessage().contains("unreachable (no answer within"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
    }

    @Test
    void anUnreachableResolverFallsBackToTheCachedResolution() {
        nixhub.answer("go@1.22.0", "go-1.22.0.json");
        resolver().resolve(new ToolSpec("go", "1.22.0"));
        nixhub.close();

        NixPackage offline = resolver(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(2))
                .resolve(new ToolSpec("go", "1.22.0"));

        assertEquals(new NixPackage(GO_COMMIT, "go"), offline);
    }

    @Test
    void anUnreachableResolverWithoutCacheSaysWhichUrl() {
        SameException e = assertThrows(SameException.class, () -> resolver(URI.create("http://127.0.0.1:9"),
                Duration.ofSeconds(2)).resolve(new ToolSpec("go", "1.22.0")));

        assertTrue(e.getMessage().startsWith("cannot resolve tool go@1.22.0: the Nix package resolver is unreachable"),
                e.getMessage());
        assertEquals("asked http://127.0.0.1:9/v2/resolve?name=go&version=1.22.0", e.context().getFirst());
    }

    @Test
    void aVersionMissingForThisSystemSaysWhichSystemsHaveIt() {
        nixhub.answer("python3@3.8.0", "python-darwin-only.json");

        SameException e = assertThrows(SameException.class,
                () -> resolver().resolve(new ToolSpec("python3", "3.8.0")));

        assertEquals("Nix package python3@3.8.0 is not available for x86_64-linux (package 'python3', "
                + "version '3.8.0')", e.getMessage());
        assertEquals("the resolver knows it for: x86_64-darwin", e.context().getFirst());
    }

    @Test
    void anAnswerThatIsNoResolutionIsReported() {
        nixhub.reply("go@1.22.0", 200, "<html>maintenance</html>", Duration.ZERO);

        SameException e = assertThrows(SameException.class, () -> resolver().resolve(new ToolSpec("go", "1.22.0")));

        assertTrue(e.getMessage().startsWith("cannot resolve tool go@1.22.0: the resolver's answer is not a "
                + "resolution"), e.getMessage());
    }

    @Test
    void theAttributePathLosesItsSystemPrefix() {
        var systems = NixhubAnswer.parse(FakeNixhub.recorded("python-darwin-only.json"));

        assertEquals(new NixPackage("e89cf1c932006531f454de7d652163a9a5c86668", "python38"),
                systems.get("x86_64-darwin"));
    }
}
