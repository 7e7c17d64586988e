package dev.same.lsp;

import dev.same.server.config.ConfigKeys;
import dev.same.server.config.Project;
import dev.same.server.config.Rebuild;
import dev.same.server.config.TaskDef;
import dev.same.server.config.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;

/** What may be written where the cursor is: keys, task references, tool aliases, rebuild values. */
final class Completions {
    private Completions() {
    }

    static List<CompletionItem> at(RootState state, Path file, String text, int line, int character) {
        CursorContext context = CursorContext.at(Lines.of(text), line, character);
        ConfigOutline outline = state.outline(file, text);
        String project = state.projectOf(file, outline);
        boolean workfile = ConfigFiles.isWorkfile(file);
        if (context.is(false)) {
            return items(workfile ? ConfigKeys.WORKFILE : ConfigKeys.SAMEFILE, CompletionItemKind.Property, "key");
        }
        if (workfile) {
            return List.of();
        }
        if (context.is(false, "tasks", null)) {
            return items(ConfigKeys.TASK, CompletionItemKind.Property, "task setting");
        }
        if (context.is(true, "tasks", null, "dependsOn")) {
            return dependencies(state, outline, project, context.path().get(1));
        }
        if (context.is(true, "tasks", null, "tools")) {
            return items(new ArrayList<>(aliases(state, project, outline).keySet()), CompletionItemKind.Variable,
                    "tool alias");
        }
        if (context.is(true, "tasks", null, "rebuild")) {
            return items(Arrays.stream(Rebuild.values()).map(Rebuild::yamlName).toList(),
                    CompletionItemKind.EnumMember, "rebuild");
        }
        if (context.is(true, "project")) {
            Path dir = file.getParent();
            return items(List.of(dir == null || dir.getFileName() == null ? "my-project" : dir.getFileName().toString()),
                    CompletionItemKind.Module, "project name");
        }
        return List.of();
    }

    /** The project's own tasks by bare name, every other project's as project:task, and the project names. */
    private static List<CompletionItem> dependencies(RootState state, ConfigOutline outline, String project,
                                                     String self) {
        List<CompletionItem> items = new ArrayList<>();
        outline.tasks().stream().map(task -> task.name().text()).filter(name -> !name.equals(self))
                .forEach(name -> items.add(item(name, CompletionItemKind.Reference, "task of this project")));
        Workspace workspace = state.workspace().orElse(null);
        if (workspace == null || workspace.standalone()) {
            return items;
        }
        for (TaskDef task : workspace.tasks().values()) {
            if (!task.project().equals(project)) {
                items.add(item(task.id(), CompletionItemKind.Reference, String.join(" ", task.cmd())));
            }
        }
        for (String name : workspace.projects().keySet()) {
            if (!name.equals(project)) {
                CompletionItem item = item(name + ":", CompletionItemKind.Module, "project");
                items.add(item);
            }
        }
        return items;
    }

    /** The tool aliases a task of this file may use: the workspace's, then the file's own. */
    static Map<String, String> aliases(RootState state, String project, ConfigOutline outline) {
        Map<String, String> aliases = new TreeMap<>();
        state.workspace().map(ws -> ws.projects().get(project)).map(Project::tools).ifPresent(aliases::putAll);
        outline.tools().forEach(tool -> aliases.putIfAbsent(tool.text(), ""));
        return aliases;
    }

    private static List<CompletionItem> items(List<String> labels, CompletionItemKind kind, String detail) {
        return labels.stream().map(label -> item(label, kind, detail)).toList();
    }

    private static CompletionItem item(String label, CompletionItemKind kind, String detail) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setDetail(detail);
        return item;
    }
}
