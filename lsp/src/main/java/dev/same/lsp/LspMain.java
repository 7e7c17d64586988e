package dev.same.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Serves the language server protocol on a pair of streams until the client exits or hangs up. */
public final class LspMain {
    private LspMain() {
    }

    public static int serve(InputStream in, OutputStream out, DaemonDialer dialer) {
        // lsp4j logs each malformed message with a stack trace; it answers the client itself, which is what matters
        Logger.getLogger("org.eclipse.lsp4j").setLevel(Level.OFF);
        SameLanguageServer server = new SameLanguageServer(dialer);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out,
                Executors.newVirtualThreadPerTaskExecutor(), null);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        server.exited().whenComplete((status, error) -> listening.cancel(true));
        try {
            listening.get();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // the input ended or the client exited
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return server.exited().getNow(1);
    }
}
