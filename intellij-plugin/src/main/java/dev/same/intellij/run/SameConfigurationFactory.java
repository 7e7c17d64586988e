package dev.same.intellij.run;

import com.intellij.execution.configurations.ConfigurationFactory;
import com.intellij.execution.configurations.ConfigurationType;
import com.intellij.execution.configurations.RunConfiguration;
import com.intellij.openapi.project.Project;

/** Creates {@code same} run configurations. */
public final class SameConfigurationFactory extends ConfigurationFactory {

    SameConfigurationFactory(ConfigurationType type) {
        super(type);
    }

    @Override
    public String getId() {
        return "same";
    }

    @Override
    public RunConfiguration createTemplateConfiguration(Project project) {
        return new SameRunConfiguration(project, this, "same");
    }
}
