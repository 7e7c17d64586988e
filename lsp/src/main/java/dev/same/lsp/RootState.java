package dev.same.lsp;

import dev.same.server.config.TaskDef;
import dev.same.server.config.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the server knows of one root: the last valid workspace (kept while the buffers are broken), the
 * outline of each config file, the files it has published diagnostics for, and the daemon's live view.
 */
final class RootState {
    private final Path root;
    private final Live live;
    private final Map<Path, ConfigOutline> outlines = new HashMap<>();
    private final Set<Path> published = new HashSet<>();
    private Workspace workspace;

    RootState(Path root, Live live) {
        this.root = root;
        this.live = live;
    }

    Path root() {
        return root;
    }

    Live live() {
        return live;
    }

    /** The last workspace that loaded; empty until one has. */
    Optional<Workspace> workspace() {
        return Optional.ofNullable(workspace);
    }

    void loaded(Workspace loaded) {
        workspace = loaded;
    }

    /** Re-reads the outline of {@code file} from {@code text}; a text that does not parse keeps the old one. */
    ConfigOutline outline(Path file, String text) {
        OutlineParser.parse(file, text).ifPresent(outline -> outlines.put(file, outline));
        return outlines.getOrDefault(file, ConfigOutline.empty(file));
    }

    /** Files whose diagnostics were published last time and must be cleared if they have none now. */
    Set<Path> swapPublished(Set<Path> now) {
        Set<Path> before = new HashSet<>(published);
        published.clear();
        published.addAll(now);
        return before;
    }

    Optional<TaskDef> task(String id) {
        return workspace().map(ws -> ws.tasks().get(id));
    }

    /** The config files of the last workspace, with the workfile first. */
    List<Path> configFiles() {
        return workspace == null ? List.of() : new ArrayList<>(workspace.configFiles());
    }

    /** The project a config file declares: as its outline says, else as the last workspace says; "" standalone. */
    String projectOf(Path file, ConfigOutline outline) {
        if (workspace != null && workspace.standalone()) {
            return "";
        }
        return outline.projectName().isEmpty() ? projectOf(file) : outline.projectName();
    }

    private String projectOf(Path file) {
        return workspace().flatMap(ws -> ws.projects().values().stream()
                .filter(project -> project.configFile().equals(file)).findFirst())
                .map(dev.same.server.config.Project::name).orElse("");
    }
}
