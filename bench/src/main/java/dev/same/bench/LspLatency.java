package dev.same.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import dev.same.protocol.HashesChanged;
import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.RunParams;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.Subscription;
import dev.same.protocol.client.SameClient;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensWorkspaceCapabilities;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Latency of {@code same lsp} on a generated same.yaml of 200 tasks, with a warm daemon: a keystroke
 * (didChange) to its publishDiagnostics, a completion, a hover, and a state change pushed by the daemon to the
 * lenses: from the moment a second client of the daemon receives the push ({@code workspace/hashesChanged} after an
 * input file is written) to the moment the editor's code lens request, sent on the server's
 * {@code workspace/codeLens/refresh}, shows the new state. Not a test: prints medians and p90s.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.same.bench.LspLatency --same cli/target/same/bin/same
 *     [--tasks 200] [--samples 300]</pre>
 */
public final class LspLatency {
    private LspLatency() {
    }

    public static void main(String[] args) throws Exception {
        String same = "cli/target/same/bin/same";
        int tasks = 200;
        int samples = 300;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--same" -> same = args[i + 1];
                case "--tasks" -> tasks = Integer.parseInt(args[i + 1]);
                case "--samples" -> samples = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path root = Files.createTempDirectory("same-lsp-latency").toRealPath();
        Path file = root.resolve("same.yaml");
        String text = samefile(tasks);
        Files.writeString(file, text);
        Process server = new ProcessBuilder(Path.of(same).toAbsolutePath().toString(), "lsp").directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            run(server, file, text, tasks, samples);
        } finally {
            server.destroy();
            new ProcessBuilder(Path.of(same).toAbsolutePath().toString(), "daemon", "stop").directory(root.toFile())
                    .inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void run(Process server, Path file, String text, int tasks, int samples) throws Exception {
        Diagnostics client = new Diagnostics();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, server.getInputStream(),
                server.getOutputStream());
        launcher.startListening();
        LanguageServer lsp = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        ClientCapabilities capabilities = new ClientCapabilities();
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setCodeLens(new CodeLensWorkspaceCapabilities(true));
        capabilities.setWorkspace(workspace);
        init.setCapabilities(capabilities);
        lsp.initialize(init).get();
        String uri = file.toUri().toString();
        var document = new TextDocumentIdentifier(uri);
        lsp.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, text)));
        client.published.take();
        // warm: wait until the daemon's states reach the lenses
        while (lsp.getTextDocumentService().codeLens(new CodeLensParams(document)).get().get(1).getCommand()
                .getTitle().startsWith("○")) {
            Thread.sleep(100); // a benchmark's set-up, not a measurement
        }
        int last = tasks - 1;
        int keyLine = 2 + 5 * last;
        int dependsLine = keyLine + 4;
        List<Long> diagnostics = new ArrayList<>();
        List<Long> completion = new ArrayList<>();
        List<Long> hover = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String edited = i % 2 == 0 ? text.replace("task" + last + ":", "task" + last + "x:") : text;
            long start = System.nanoTime();
            lsp.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, i + 2), List.of(new TextDocumentContentChangeEvent(edited))));
            client.published.take();
            diagnostics.add(System.nanoTime() - start);
        }
        lsp.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, samples + 2), List.of(new TextDocumentContentChangeEvent(text))));
        client.published.take();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            lsp.getTextDocumentService().completion(new CompletionParams(document, new Position(dependsLine, 16))).get();
            completion.add(System.nanoTime() - start);
            start = System.nanoTime();
            lsp.getTextDocumentService().hover(new HoverParams(document, new Position(keyLine, 4))).get();
            hover.add(System.nanoTime() - start);
        }
        List<Long> lenses = pushToLens(lsp, client, document, file.getParent(), Math.min(samples, 60));
        report("diagnostics after a keystroke (didChange → publishDiagnostics)", diagnostics);
        report("completion of dependsOn", completion);
        report("hover on a task (live state, task/explain)", hover);
        report("daemon's push → lenses showing the new state", lenses);
        lsp.shutdown().get();
        lsp.exit();
    }

    /**
     * Runs task0 once, then writes its input with another content and back (dirty, then clean again: the cache
     * keeps both results), and times from the probe client's push to the lens that shows the new state. The probe
     * is subscribed to hashes like the language server, on the same daemon.
     */
    private static List<Long> pushToLens(LanguageServer lsp, Diagnostics client, TextDocumentIdentifier document,
                                         Path root, int samples) throws Exception {
        LinkedBlockingQueue<Long> pushes = new LinkedBlockingQueue<>();
        Path socket = Path.of(dev.same.protocol.client.DiscoveryFile.read(root.resolve(".same/daemon"))
                .orElseThrow().socket());
        List<Long> latencies = new ArrayList<>();
        try (SameClient probe = SameClient.connect(socket, new SameClientApi() {
            @Override
            public void runEvent(RunEvent event) {
            }

            @Override
            public void runOutput(RunOutput output) {
            }

            @Override
            public void hashesChanged(HashesChanged change) {
                if (change.tasks().stream().anyMatch(task -> task.id().equals("task0"))) {
                    pushes.add(System.nanoTime());
                }
            }
        })) {
            probe.initialize("lsp-latency", "bench", root, List.of(Subscription.HASHES), 10_000);
            Path input = Files.createDirectories(root.resolve("src")).resolve("0");
            Files.writeString(input, "");
            probe.server().runStart(new RunParams("lens-warm-up", List.of("task0"), root.toString(), System.getenv(),
                    false, 1)).get(60, TimeUnit.SECONDS);
            Thread.sleep(500); // a benchmark's set-up: the run's own pushes pass before the first sample
            pushes.clear();
            for (int i = 0; i < samples; i++) {
                String before = lensTitle(lsp, document);
                client.refreshes.clear();
                Files.writeString(input, i % 2 == 0 ? "edited\n" : "");
                Long pushed = pushes.poll(10, TimeUnit.SECONDS);
                if (pushed == null) {
                    continue; // the write made no state change (its content equals the last one the daemon saw)
                }
                String after = before;
                while (after.equals(before) && client.refreshes.poll(10, TimeUnit.SECONDS) != null) {
                    after = lensTitle(lsp, document);
                }
                latencies.add(System.nanoTime() - pushed);
            }
        }
        return latencies;
    }

    private static String lensTitle(LanguageServer lsp, TextDocumentIdentifier document) throws Exception {
        return lsp.getTextDocumentService().codeLens(new CodeLensParams(document)).get().get(1).getCommand().getTitle();
    }

    /** Tasks in a chain, each depending on the one before, with inputs, targets and an environment. */
    private static String samefile(int tasks) {
        StringBuilder text = new StringBuilder("version: \"1\"\ntasks:\n");
        for (int i = 0; i < tasks; i++) {
            text.append("  task").append(i).append(":\n")
                    .append("    cmd: [\"sh\", \"-c\", \"echo ").append(i).append("\"]\n")
                    .append("    input: [\"src/").append(i).append("\"]\n")
                    .append("    environment: { N: \"").append(i).append("\" }\n")
                    .append("    dependsOn: [").append(i == 0 ? "" : "\"task" + (i - 1) + "\"").append("]\n");
        }
        return text.toString();
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%-66s median %6.2f ms  p90 %6.2f ms  (%d samples)%n", what,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 9 / 10) / 1e6, sorted.size());
    }

    private static final class Diagnostics implements LanguageClient {
        final LinkedBlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Long> refreshes = new LinkedBlockingQueue<>();

        @Override
        public CompletableFuture<Void> refreshCodeLenses() {
            refreshes.add(System.nanoTime());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            published.add(params);
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
        }
    }

}
