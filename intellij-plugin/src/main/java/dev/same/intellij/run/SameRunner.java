package dev.same.intellij.run;

import com.intellij.execution.ProgramRunnerUtil;
import com.intellij.execution.RunManager;
import com.intellij.execution.RunnerAndConfigurationSettings;
import com.intellij.execution.executors.DefaultRunExecutor;
import com.intellij.openapi.project.Project;
import dev.same.intellij.core.run.RunOptions;

/** Runs tasks from outside a run configuration (the tool window) as a temporary {@code same} configuration. */
public final class SameRunner {
    private SameRunner() {
    }

    public static void run(Project project, RunOptions options) {
        RunManager runManager = RunManager.getInstance(project);
        RunnerAndConfigurationSettings settings = runManager.createConfiguration(options.suggestedName()
                + (options.noCache() ? " (no cache)" : ""), SameConfigurationType.getInstance().factory());
        ((SameRunConfiguration) settings.getConfiguration()).setOptions(options);
        runManager.setTemporaryConfiguration(settings);
        ProgramRunnerUtil.executeConfiguration(settings, DefaultRunExecutor.getRunExecutorInstance());
    }
}
