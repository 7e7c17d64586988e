package dev.same.intellij.run;

import com.intellij.execution.configurations.ConfigurationFactory;
import com.intellij.execution.configurations.ConfigurationType;
import com.intellij.execution.configurations.ConfigurationTypeUtil;
import dev.same.intellij.StateIcons;
import dev.same.intellij.core.model.StateIcon;
import javax.swing.Icon;

/** The {@code same} run configuration type: tasks run in the workspace's daemon. */
public final class SameConfigurationType implements ConfigurationType {
    public static final String ID = "SameRunConfiguration";
    private final SameConfigurationFactory factory = new SameConfigurationFactory(this);

    public static SameConfigurationType getInstance() {
        return ConfigurationTypeUtil.findConfigurationType(SameConfigurationType.class);
    }

    public SameConfigurationFactory factory() {
        return factory;
    }

    @Override
    public String getDisplayName() {
        return "same";
    }

    @Override
    public String getConfigurationTypeDescription() {
        return "Runs same tasks in the workspace's daemon";
    }

    @Override
    public Icon getIcon() {
        return StateIcons.of(StateIcon.CLEAN);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ConfigurationFactory[] getConfigurationFactories() {
        return new ConfigurationFactory[] {factory};
    }
}
