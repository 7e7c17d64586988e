package dev.same.intellij.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.same.protocol.Change;
import dev.same.protocol.ExplainResult;
import dev.same.protocol.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "Why?" panel's lines: @tools and @platform in the daemon's words, and no detail that repeats its subject. */
class ExplainTextTest {
    @Test
    void eachChangeIsNamedOnce() {
        String text = ExplainText.render(new ExplainResult(1, "lib:build", TaskState.DIRTY, "h2", "h1", null, List.of(
                new Change("ENVIRONMENT_CHANGED", "@platform", "platform changed: x86_64-linux → aarch64-darwin"),
                new Change("ENVIRONMENT_CHANGED", "@tools", "tool environment changed"),
                new Change("ENVIRONMENT_CHANGED", "NODE_ENV", "environment variable changed: NODE_ENV"))));
        assertEquals(List.of("• platform changed: x86_64-linux → aarch64-darwin", "• tool environment changed",
                        "• environment variable changed: NODE_ENV"),
                text.lines().filter(line -> line.startsWith("• ")).toList());
    }
}
