package dev.same.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;

/** Above every task: {@code ▶ Run} and its live state. */
final class Lenses {
    static final String RUN = "same.run";
    static final String SHOW_STATE = "same.showState";
    static final List<String> COMMANDS = List.of(RUN, SHOW_STATE);

    private Lenses() {
    }

    static List<CodeLens> of(RootState state, ConfigOutline outline, String project) {
        List<CodeLens> lenses = new ArrayList<>();
        for (ConfigOutline.TaskEntry task : outline.tasks()) {
            String id = Located.id(project, task.name().text());
            var range = task.name().span().range();
            List<Object> arguments = List.of(state.root().toString(), id);
            lenses.add(new CodeLens(range, new Command("▶ Run", RUN, arguments), null));
            String label = state.live().state(id).map(StateText::lens)
                    .orElseGet(() -> state.live().unavailable().map(why -> "○ " + why).orElse("○ state unknown"));
            lenses.add(new CodeLens(range, new Command(label, SHOW_STATE, arguments), null));
        }
        return lenses;
    }
}
