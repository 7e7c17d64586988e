package dev.same.intellij.run;

import com.intellij.execution.DefaultExecutionResult;
import com.intellij.execution.ExecutionResult;
import com.intellij.execution.Executor;
import com.intellij.execution.configurations.RunProfileState;
import com.intellij.execution.filters.TextConsoleBuilderFactory;
import com.intellij.execution.runners.ProgramRunner;
import com.intellij.execution.ui.ConsoleView;
import com.intellij.openapi.project.Project;
import dev.same.intellij.core.run.RunOptions;

/** A run about to start: a console and a process handler that runs the options in the daemon. */
final class SameRunProfileState implements RunProfileState {
    private final Project project;
    private final RunOptions options;

    SameRunProfileState(Project project, RunOptions options) {
        this.project = project;
        this.options = options;
    }

    @Override
    public ExecutionResult execute(Executor executor, ProgramRunner<?> runner) {
        ConsoleView console = TextConsoleBuilderFactory.getInstance().createBuilder(project).getConsole();
        SameProcessHandler handler = new SameProcessHandler(project, options, new ConsolePrinter(project, console));
        return new DefaultExecutionResult(console, handler);
    }
}
