package dev.same.lsp;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/** The roots the editor has touched, each with its state and its link to the daemon, created on first use. */
final class Workspaces {
    private final Map<Path, RootState> roots = new ConcurrentHashMap<>();
    private final DaemonDialer dialer;
    private final ScheduledExecutorService scheduler;
    private final Live.Listener listener;

    Workspaces(DaemonDialer dialer, ScheduledExecutorService scheduler, Live.Listener listener) {
        this.dialer = dialer;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    RootState of(Path root) {
        return roots.computeIfAbsent(root, dir -> {
            Live live = new Live(dir, dialer, scheduler, listener);
            live.start();
            return new RootState(dir, live);
        });
    }

    RootState forFile(Path file) {
        return of(ConfigFiles.rootOf(file));
    }

    Collection<RootState> all() {
        return roots.values();
    }

    void close() {
        roots.values().forEach(state -> state.live().close());
    }
}
