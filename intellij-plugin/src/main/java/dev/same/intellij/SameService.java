package dev.same.intellij;

import com.intellij.codeInsight.daemon.DaemonCodeAnalyzer;
import com.intellij.openapi.Disposable;
import com.intellij.openapi.project.Project;
import com.intellij.util.EnvironmentUtil;
import dev.same.intellij.core.connection.Backoff;
import dev.same.intellij.core.connection.ConnectionState;
import dev.same.intellij.core.connection.DaemonConnection;
import dev.same.intellij.core.connection.DaemonListener;
import dev.same.intellij.core.connection.ExecutorScheduler;
import dev.same.intellij.core.connection.Launcher;
import dev.same.intellij.core.connection.SocketDialer;
import dev.same.intellij.core.model.TaskModel;
import dev.same.intellij.core.model.WorkspaceSnapshot;
import dev.same.intellij.core.model.WorkspaceSync;
import dev.same.intellij.core.samefile.MarksCache;
import dev.same.intellij.core.samefile.WorkspaceRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.SwingUtilities;

/**
 * The project's link to its same workspace (a project service): the core's connection, model and sync, started
 * on first use. A project without same.yaml or same.work.yaml never starts anything.
 */
public final class SameService implements Disposable {
    private final Project project;
    private final Optional<Path> root;
    private final TaskModel model = new TaskModel();
    private final MarksCache marks = new MarksCache();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private ExecutorScheduler scheduler;
    private DaemonConnection connection;

    public SameService(Project project) {
        this.project = project;
        String base = project.getBasePath();
        this.root = base == null ? Optional.empty() : WorkspaceRoot.find(Path.of(base));
    }

    public static SameService of(Project project) {
        return project.getService(SameService.class);
    }

    public boolean isSameWorkspace() {
        return root.isPresent();
    }

    public Optional<Path> root() {
        return root;
    }

    public TaskModel model() {
        return model;
    }

    /** The gutter marks of open same.yaml files, computed once per text and state. */
    public MarksCache marks() {
        return marks;
    }

    public WorkspaceSnapshot snapshot() {
        return model.snapshot();
    }

    /** Connects to the daemon (starting it if needed) unless already done; nothing without a workspace. */
    public synchronized Optional<DaemonConnection> start() {
        if (connection == null && root.isPresent()) {
            Path workspace = root.get();
            scheduler = new ExecutorScheduler("same daemon connection");
            // the IDE's environment: on macOS, one started from the Dock gets the login shell's, as a terminal has
            Map<String, String> environment = EnvironmentUtil.getEnvironmentMap();
            SocketDialer dialer = new SocketDialer(workspace, environment,
                    () -> Launcher.find(workspace, environment.get("SAME_LAUNCHER"), environment));
            connection = new DaemonConnection(workspace, dialer, scheduler, Backoff.standard(), "intellij-plugin",
                    Duration.ofSeconds(10));
            new WorkspaceSync(connection, model, message -> { });
            model.addListener(this::changed);
            connection.addListener(new DaemonListener() {
                @Override
                public void stateChanged(ConnectionState state) {
                    changed();
                }
            });
            connection.start();
        }
        return Optional.ofNullable(connection);
    }

    public synchronized ConnectionState connectionState() {
        return connection == null ? new ConnectionState.Idle() : connection.state();
    }

    /** Called on the UI thread after every change of the model or the connection. */
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeChangeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        SwingUtilities.invokeLater(() -> {
            if (project.isDisposed()) {
                return;
            }
            // gutter icons and config error annotations are recomputed by the highlighting pass
            DaemonCodeAnalyzer.getInstance(project).restart();
            listeners.forEach(Runnable::run);
        });
    }

    @Override
    public synchronized void dispose() {
        if (connection != null) {
            connection.close();
            scheduler.close();
        }
    }
}
