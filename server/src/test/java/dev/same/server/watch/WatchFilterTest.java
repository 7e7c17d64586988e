package dev.same.server.watch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WatchFilterTest {
    private final WatchFilter filter = new WatchFilter();

    @Test
    void skipsVersionControlDependenciesAndSameState() {
        assertTrue(filter.ignored(".git"));
        assertTrue(filter.ignored(".git/objects/ab"));
        assertTrue(filter.ignored(".jj/repo"));
        assertTrue(filter.ignored("packages/web/node_modules/react/index.js"));
        assertTrue(filter.ignored(".same/cache/cas/00/11"));
        assertFalse(filter.ignored("packages/web/src/index.ts"));
        assertFalse(filter.ignored(""));
    }

    @Test
    void watchesTheCookieDirectoryForReadYourWrites() {
        assertFalse(filter.ignored(".same"));
        assertFalse(filter.ignored(".same/cookies"));
        assertFalse(filter.ignored(".same/cookies/1234"));
    }

    @Test
    void skipsDeclaredTargets() {
        filter.targets(List.of("packages/web/dist"));
        assertTrue(filter.ignored("packages/web/dist"));
        assertTrue(filter.ignored("packages/web/dist/app.js"));
        assertFalse(filter.ignored("packages/web/distribution.md"));
    }
}
