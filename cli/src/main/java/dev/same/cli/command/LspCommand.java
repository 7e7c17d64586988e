package dev.same.cli.command;

import dev.same.cli.Cli;
import dev.same.cli.connect.Connector;
import dev.same.cli.connect.DaemonConnector;
import dev.same.cli.SameCommand;
import dev.same.lsp.LspMain;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.client.SameClient;
import dev.same.protocol.client.BuildId;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = {"Serve the Language Server Protocol on stdin/stdout for same.yaml and same.work.yaml.",
                "Editors start it; it talks to each workspace's daemon (spawned as any command spawns it)."})
public final class LspCommand implements Callable<Integer> {
    @ParentCommand
    SameCommand parent;

    @Override
    public Integer call() {
        Cli cli = parent.cli();
        var out = new FileOutputStream(FileDescriptor.out);
        // stdout carries the protocol: anything else printed there would corrupt it
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        return LspMain.serve(new FileInputStream(FileDescriptor.in), out,
                (root, pushes, spawn) -> dial(cli, root, pushes, spawn));
    }

    /** The CLI's own connect-or-spawn (or connect only), then a connection of ours subscribed to every push. */
    private static SameClient dial(Cli cli, Path root, SameClientApi pushes, boolean spawn) throws IOException {
        DaemonConnector connector = new DaemonConnector(root, cli.environment());
        if (spawn) {
            connector.connectOrSpawn(Connector.NO_PUSHES, Connector.idleTimeout(cli)).close();
        }
        SameClient client = connector.connectAny(pushes)
                .orElseThrow(() -> new IOException(spawn ? "the daemon stopped as soon as it started; see "
                        + connector.logFile() : "no daemon is running"));
        try {
            client.initialize("lsp", BuildId.current(), root, null, DaemonConnector.HANDSHAKE_MILLIS);
        } catch (IOException e) {
            client.close();
            throw e;
        }
        return client;
    }
}
