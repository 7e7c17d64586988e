package dev.same.lsp;

import dev.same.server.config.TaskDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/** Go to a dependency's definition; find the tasks that depend on a task. */
final class Navigation {
    private final Function<Path, ConfigOutline> outlines;
    private final Function<Path, String> uris;

    /**
     * @param outlines the outline of any config file of the root, from its buffer or the disk
     * @param uris     how the editor names a file
     */
    Navigation(Function<Path, ConfigOutline> outlines, Function<Path, String> uris) {
        this.outlines = outlines;
        this.uris = uris;
    }

    List<Location> definition(RootState state, ConfigOutline outline, String project, Position position) {
        return switch (Located.in(outline, project, position)) {
            case Located.Dependency(String id, ConfigOutline.Named _) -> declaration(state, id).stream().toList();
            case Located.TaskKey(String id, ConfigOutline.Named _) -> declaration(state, id).stream().toList();
            default -> List.of();
        };
    }

    /** Every dependsOn entry in the root that names the task under the cursor (or the one a dependency names). */
    List<Location> references(RootState state, ConfigOutline outline, String project, Position position,
                              boolean includeDeclaration) {
        String id = switch (Located.in(outline, project, position)) {
            case Located.TaskKey(String task, ConfigOutline.Named _) -> task;
            case Located.Dependency(String task, ConfigOutline.Named _) -> task;
            default -> null;
        };
        if (id == null) {
            return List.of();
        }
        List<Location> found = new ArrayList<>();
        if (includeDeclaration) {
            declaration(state, id).ifPresent(found::add);
        }
        eachDependency(state, (file, entry) -> {
            if (entry.id().equals(id)) {
                found.add(new Location(uris.apply(file), entry.named().span().range()));
            }
        });
        return found;
    }

    /** A dependsOn entry and the id it resolves to. */
    record Reference(String id, ConfigOutline.Named named) {
    }

    private void eachDependency(RootState state, BiConsumer<Path, Reference> visit) {
        for (Path file : state.configFiles()) {
            ConfigOutline outline = outlines.apply(file);
            String project = state.projectOf(file, outline);
            for (ConfigOutline.TaskEntry task : outline.tasks()) {
                for (ConfigOutline.Named dependency : task.dependsOn()) {
                    visit.accept(file, new Reference(Located.id(project, dependency.text()), dependency));
                }
            }
        }
    }

    Optional<Location> declaration(RootState state, String id) {
        Optional<TaskDef> task = state.task(id);
        if (task.isEmpty()) {
            return Optional.empty();
        }
        Path file = task.get().location().file();
        return outlines.apply(file).task(task.get().name())
                .map(entry -> new Location(uris.apply(file), entry.name().span().range()))
                .or(() -> Optional.of(new Location(uris.apply(file),
                        new Span(Math.max(0, task.get().location().line() - 1), 0, 0).range())));
    }
}
