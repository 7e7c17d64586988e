package dev.same.lsp;

import dev.same.protocol.ExplainParams;
import dev.same.protocol.ExplainResult;
import dev.same.protocol.TaskStatusInfo;
import dev.same.server.config.TaskDef;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/** Hover text: a task's live state and why, a dependency's command and state, a tool alias's package. */
final class Hovers {
    private static final long EXPLAIN_MILLIS = 2_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Hovers() {
    }

    static Optional<Hover> at(RootState state, ConfigOutline outline, String project, Position position) {
        return switch (Located.in(outline, project, position)) {
            case Located.TaskKey(String id, ConfigOutline.Named name) -> Optional.of(hover(task(state, id), name));
            case Located.Dependency(String id, ConfigOutline.Named entry) ->
                    Optional.of(hover(dependency(state, id), entry));
            case Located.ToolAlias(String alias, ConfigOutline.Named entry) ->
                    Optional.of(hover(tool(state, project, outline, alias), entry));
            case Located.Nothing() -> Optional.empty();
        };
    }

    private static String task(RootState state, String id) {
        StringBuilder text = new StringBuilder("**" + id + "**");
        Optional<TaskStatusInfo> status = state.live().state(id);
        status.ifPresentOrElse(info -> {
            text.append(" · ").append(StateText.lens(info)).append("\n\n");
            info.reasons().forEach(reason -> text.append("- ").append(reason).append('\n'));
            if (info.hash() != null) {
                text.append("\nhash `").append(info.hash()).append("`\n");
            }
        }, () -> text.append("\n\n").append(state.live().unavailable().orElse("no live state yet")).append('\n'));
        explain(state, id).map(ExplainResult::previousFinishedAtMillis).ifPresent(finished ->
                text.append("\nlast successful run: ").append(TIME.format(Instant.ofEpochMilli(finished))));
        state.live().lastDuration(id).ifPresent(millis ->
                text.append(" (took ").append(seconds(millis)).append(')'));
        return text.toString();
    }

    private static String dependency(RootState state, String id) {
        Optional<TaskDef> task = state.task(id);
        if (task.isEmpty()) {
            return "**" + id + "**: no such task";
        }
        String state1 = state.live().state(id).map(StateText::lens).orElse("state unknown");
        return "**" + id + "** · " + state1 + "\n\n```\n" + String.join(" ", task.get().cmd()) + "\n```";
    }

    private static String tool(RootState state, String project, ConfigOutline outline, String alias) {
        String spec = Completions.aliases(state, project, outline).get(alias);
        return spec == null || spec.isEmpty() ? "tool **" + alias + "**: not declared in tools"
                : "tool **" + alias + "** → `" + spec + "` (nix package " + spec.substring(0, spec.indexOf('@'))
                + ", version " + spec.substring(spec.indexOf('@') + 1) + ")";
    }

    private static Optional<ExplainResult> explain(RootState state, String id) {
        return state.live().client().flatMap(client -> {
            try {
                return Optional.ofNullable(client.server()
                        .explain(new ExplainParams(id, state.root().toString(), false))
                        .get(EXPLAIN_MILLIS, TimeUnit.MILLISECONDS))
                        .filter(result -> result.previousFinishedAtMillis() != null);
            } catch (Exception e) {
                return Optional.empty(); // the hover still shows what is known without it
            }
        });
    }

    private static String seconds(long millis) {
        return millis < 1000 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
    }

    private static Hover hover(String markdown, ConfigOutline.Named on) {
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown), on.span().range());
    }
}
