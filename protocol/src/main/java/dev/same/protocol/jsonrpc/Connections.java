package dev.same.protocol.jsonrpc;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;

/**
 * Builds lsp4j launchers the way a server of same's protocol needs them: LSP base framing, requests capped at
 * {@link #MAX_FRAME_BYTES}, message handling on virtual threads.
 */
public final class Connections {
    /** The largest frame a server reads: {@link dev.same.protocol.Protocol#MAX_REQUEST_BYTES}. */
    public static final int MAX_FRAME_BYTES = dev.same.protocol.Protocol.MAX_REQUEST_BYTES;

    private Connections() {
    }

    /**
     * @param local  the object whose annotated methods serve the peer's requests and notifications
     * @param remote the interface of the peer
     */
    public static <T> Launcher<T> launcher(Object local, Class<T> remote, InputStream in, OutputStream out) {
        return launcher(local, remote, in, out, Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("same-rpc-", 0).factory()));
    }

    /**
     * @param executor runs the connection's read loop; a socket whose blocking reads must not occupy a
     *                 virtual-thread carrier (junixsocket's) needs platform threads here
     */
    public static <T> Launcher<T> launcher(Object local, Class<T> remote, InputStream in, OutputStream out,
                                           ExecutorService executor) {
        return new GuardedBuilder<T>()
                .setLocalService(local)
                .setRemoteInterface(remote)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(executor)
                .configureGson(gson -> gson.registerTypeAdapterFactory(new EnumsByName())
                        .registerTypeAdapterFactory(new NumbersWithPath()))
                .create();
    }

    /** lsp4j's builder with its stream reader replaced by the guarded one (same JSON handler, same endpoint). */
    private static final class GuardedBuilder<T> extends Launcher.Builder<T> {
        private MessageJsonHandler jsonHandler;
        private RemoteEndpoint remoteEndpoint;

        @Override
        protected MessageJsonHandler createJsonHandler() {
            jsonHandler = super.createJsonHandler();
            return jsonHandler;
        }

        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
            remoteEndpoint = super.createRemoteEndpoint(handler);
            return remoteEndpoint;
        }

        @Override
        protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer reader, MessageConsumer consumer,
                                                                    T remoteProxy) {
            InputStream in = ((StreamMessageProducer) reader).getInput();
            return new ConcurrentMessageProcessor(
                    GuardedMessageProducer.of(in, jsonHandler, new InvalidParams(remoteEndpoint), MAX_FRAME_BYTES),
                    consumer);
        }
    }
}
