package dev.same.intellij.run;

import com.intellij.execution.process.ProcessHandler;
import com.intellij.openapi.project.Project;
import com.intellij.util.EnvironmentUtil;
import dev.same.intellij.SameService;
import dev.same.intellij.core.connection.DaemonConnection;
import dev.same.intellij.core.console.ConsoleModel;
import dev.same.intellij.core.run.RunListener;
import dev.same.intellij.core.run.RunOptions;
import dev.same.intellij.core.run.TaskRun;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunResult;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The Run tool window's "process": a run in the daemon. Stop sends run/cancel (the daemon kills the task
 * processes); the run's exit code ends it.
 */
final class SameProcessHandler extends ProcessHandler {
    private final Project project;
    private final RunOptions options;
    private final ConsolePrinter printer;
    private volatile CompletableFuture<TaskRun> pending;

    SameProcessHandler(Project project, RunOptions options, ConsolePrinter printer) {
        this.project = project;
        this.options = options;
        this.printer = printer;
    }

    @Override
    public void startNotify() {
        super.startNotify();
        SameService service = SameService.of(project);
        Path root = service.root().orElseThrow();
        var snapshot = service.snapshot();
        ConsoleModel console = new ConsoleModel(root, task -> snapshot.taskDirectory(root, task));
        DaemonConnection connection = service.start().orElseThrow();
        RunListener listener = new RunListener() {
            @Override
            public void event(RunEvent event) {
                printer.print(console.event(event));
            }

            @Override
            public void output(RunOutput output) {
                printer.print(console.output(output));
            }

            @Override
            public void finished(RunResult result) {
                printer.print(console.summary(result));
                notifyProcessTerminated(result.exitCode());
            }

            @Override
            public void failed(String message, List<String> context) {
                printer.print(console.error(message, context));
                notifyProcessTerminated(1);
            }
        };
        pending = TaskRun.startWhenConnected(connection, options, root.toString(), EnvironmentUtil.getEnvironmentMap(),
                listener,
                Duration.ofSeconds(60));
    }

    @Override
    protected void destroyProcessImpl() {
        CompletableFuture<TaskRun> current = pending;
        if (current == null) {
            notifyProcessTerminated(1);
            return;
        }
        TaskRun.stop(current);
        if (current.isCancelled()) {
            notifyProcessTerminated(1); // never started: no result will come
        }
    }

    @Override
    protected void detachProcessImpl() {
        notifyProcessDetached();
    }

    @Override
    public boolean detachIsDefault() {
        return false;
    }

    @Override
    public OutputStream getProcessInput() {
        return null;
    }
}
