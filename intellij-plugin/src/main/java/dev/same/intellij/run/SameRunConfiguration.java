package dev.same.intellij.run;

import com.intellij.execution.ExecutionException;
import com.intellij.execution.Executor;
import com.intellij.execution.configurations.ConfigurationFactory;
import com.intellij.execution.configurations.RunConfigurationBase;
import com.intellij.execution.configurations.RunProfileState;
import com.intellij.execution.configurations.RuntimeConfigurationError;
import com.intellij.execution.configurations.RuntimeConfigurationException;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.intellij.openapi.options.SettingsEditor;
import com.intellij.openapi.project.Project;
import dev.same.intellij.SameService;
import dev.same.intellij.core.model.WorkspaceSnapshot;
import dev.same.intellij.core.run.RunOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdom.Element;

/** A {@code same} run configuration: its {@link RunOptions}, stored as {@code <same key="…" value="…"/>} children. */
public final class SameRunConfiguration extends RunConfigurationBase<Object> {
    private static final String ENTRY = "same";
    private RunOptions options = RunOptions.of();

    SameRunConfiguration(Project project, ConfigurationFactory factory, String name) {
        super(project, factory, name);
    }

    public RunOptions options() {
        return options;
    }

    public void setOptions(RunOptions options) {
        this.options = options;
    }

    @Override
    public SettingsEditor<SameRunConfiguration> getConfigurationEditor() {
        return new SameSettingsEditor(getProject());
    }

    @Override
    public void checkConfiguration() throws RuntimeConfigurationException {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new RuntimeConfigurationError(problems.getFirst());
        }
    }

    @Override
    public RunProfileState getState(Executor executor, ExecutionEnvironment environment) throws ExecutionException {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new ExecutionException("Run configuration '" + getName() + "': " + problems.getFirst());
        }
        return new SameRunProfileState(getProject(), options);
    }

    /** Checked against the live graph; while none has arrived only the options themselves are checked. */
    private List<String> problems() {
        WorkspaceSnapshot snapshot = SameService.of(getProject()).snapshot();
        List<String> problems = options.problems(snapshot.hasGraph() ? snapshot.graph().tasks() : List.of());
        return snapshot.hasGraph() ? problems
                : problems.stream().filter(problem -> !problem.contains("does not exist")).toList();
    }

    @Override
    public void readExternal(Element element) {
        super.readExternal(element);
        Map<String, String> stored = new LinkedHashMap<>();
        for (Element entry : element.getChildren(ENTRY)) {
            stored.put(entry.getAttributeValue("key"), entry.getAttributeValue("value"));
        }
        options = RunOptions.fromMap(stored);
    }

    @Override
    public void writeExternal(Element element) {
        super.writeExternal(element);
        element.removeChildren(ENTRY);
        options.toMap().forEach((key, value) -> element.addContent(new Element(ENTRY).setAttribute("key", key)
                .setAttribute("value", value)));
    }
}
