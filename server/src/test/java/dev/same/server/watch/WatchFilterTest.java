package dev.same.server.watch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.server.watch.WatchFilter.InputReach;
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
        filter.configure(List.of("packages/web/dist"), List.of());
        assertTrue(filter.ignored("packages/web/dist"));
        assertTrue(filter.ignored("packages/web/dist/app.js"));
        assertFalse(filter.ignored("packages/web/distribution.md"));
    }

    @Test
    void watchesATargetThatIsAnotherTasksInput() {
        filter.configure(List.of("packages/lib/dist", "packages/web/dist"),
                List.of(new InputReach("packages/lib/dist", List.of()), new InputReach("packages/web/src", List.of())));
        assertFalse(filter.ignored("packages/lib/dist"));
        assertFalse(filter.ignored("packages/lib/dist/lib.txt"));
        assertTrue(filter.ignored("packages/web/dist"));
    }

    @Test
    void watchesOnlyThePartOfNodeModulesAnInputReaches() {
        filter.configure(List.of(), List.of(new InputReach("node_modules/dep/index.js", List.of())));
        assertFalse(filter.ignored("node_modules"), "its directory, to see the file appear");
        assertFalse(filter.ignored("node_modules/dep"));
        assertFalse(filter.ignored("node_modules/dep/index.js"));
        assertTrue(filter.ignored("node_modules/other"));
        assertTrue(filter.ignored("node_modules/dep-extra/index.js"));
    }

    @Test
    void aDirectoryInputCoversItsNodeModulesUnlessItsTaskExcludesThem() {
        filter.configure(List.of(), List.of(new InputReach("packages/web", List.of())));
        assertFalse(filter.ignored("packages/web/node_modules/react/index.js"));
        filter.configure(List.of(), List.of(new InputReach("packages/web", List.of("packages/web/node_modules"))));
        assertTrue(filter.ignored("packages/web/node_modules/react/index.js"));
        assertFalse(filter.ignored("packages/web/src/a.ts"));
    }

    @Test
    void versionControlIsNeverWatchedEvenUnderAnInput() {
        filter.configure(List.of(), List.of(new InputReach("", List.of())));
        assertTrue(filter.ignored(".git/HEAD"));
        assertFalse(filter.ignored("node_modules/dep/index.js"));
    }

    @Test
    void saysWhenWhatIsWatchedChanged() {
        assertTrue(filter.configure(List.of("dist"), List.of()));
        assertFalse(filter.configure(List.of("dist"), List.of()));
        assertTrue(filter.configure(List.of("dist"), List.of(new InputReach("dist", List.of()))));
    }
}
