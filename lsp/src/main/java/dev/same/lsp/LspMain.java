package dev.same.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
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
        // the reader on a platform thread: a virtual one parks on the NIO poller for pipes, which was seen to miss
        // a wake-up; stdin is read with a plain blocking read either way
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out,
                Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("lsp-io-", 0).factory()), null);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        CompletableFuture<Void> inputEnded = CompletableFuture.runAsync(() -> awaitEnd(listening),
                command -> Thread.startVirtualThread(command));
        // the client's exit notification, or its end of the stream, whichever comes first
        CompletableFuture.anyOf(server.exited(), inputEnded).join();
        listening.cancel(true);
        try {
            in.close(); // a reader blocked on it stops; cancelling lsp4j's listener alone does not wake it
        } catch (IOException e) {
            // closing is all that was wanted
        }
        return server.exited().getNow(1);
    }

    private static void awaitEnd(Future<Void> listening) {
        try {
            listening.get();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // the input ended
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
