package dev.same.intellij;

import com.intellij.openapi.util.IconLoader;
import dev.same.intellij.core.model.StateIcon;
import java.util.EnumMap;
import java.util.Map;
import javax.swing.Icon;

/** The image of each task state, from the plugin's resources. */
public final class StateIcons {
    private static final Map<StateIcon, Icon> ICONS = new EnumMap<>(StateIcon.class);

    static {
        for (StateIcon state : StateIcon.values()) {
            ICONS.put(state, IconLoader.getIcon("/icons/" + state.name().toLowerCase() + ".svg", StateIcons.class));
        }
    }

    private StateIcons() {
    }

    public static Icon of(StateIcon state) {
        return ICONS.get(state);
    }
}
