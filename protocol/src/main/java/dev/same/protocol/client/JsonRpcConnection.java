package dev.same.protocol.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The client end of a JSON-RPC 2.0 connection with LSP base framing ({@code Content-Length} headers): numbered
 * requests answered through futures, notifications handed to a listener on the reading thread, in order.
 * Written on the JDK and Gson's streaming classes ({@link Json}), so a short-lived CLI does not pay for the
 * start-up of lsp4j or of a data-binding library.
 */
final class JsonRpcConnection implements AutoCloseable {
    private static final int METHOD_NOT_FOUND = -32601;

    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable transport;
    private final BiConsumer<String, Object> notifications;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, Pending<?>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private record Pending<T>(Class<T> type, CompletableFuture<T> answer) {
        void complete(Object result) {
            try {
                answer.complete(Json.bind(result, type));
            } catch (IllegalArgumentException e) {
                answer.completeExceptionally(new IOException("unreadable answer: " + e.getMessage(), e));
            }
        }
    }

    /**
     * @param notifications called with the method and parameters of each notification from the server
     * @param transport     closed with the connection
     */
    JsonRpcConnection(InputStream in, OutputStream out, AutoCloseable transport,
                      BiConsumer<String, Object> notifications) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.out = out;
        this.transport = transport;
        this.notifications = notifications;
        Thread.ofPlatform().daemon().name("same-client-reader").start(this::readLoop);
    }

    /** Sends a request; the answer is read as {@code type}, or fails with {@link RemoteException}. */
    private static final long WRITE_FAILURE_GRACE_MILLIS = 2_000;

    <T> CompletableFuture<T> request(String method, Object params, Class<T> type) {
        int id = ids.incrementAndGet();
        CompletableFuture<T> answer = new CompletableFuture<>();
        pending.put(id, new Pending<>(type, answer));
        if (closed.isDone()) {
            pending.remove(id);
            answer.completeExceptionally(new SameClient.ConnectionClosedException());
            return answer;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("method", method);
        if (params != null) {
            message.put("params", params);
        }
        try {
            send(message);
        } catch (IOException e) {
            // the server may have refused the request from its header (too large) and closed before reading it all:
            // its answer, already on the way, says why better than a lost connection; the reader delivers it, or
            // ends the connection at its end. If neither happens soon, the connection is given up.
            CompletableFuture.delayedExecutor(WRITE_FAILURE_GRACE_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
                if (pending.remove(id) != null) {
                    answer.completeExceptionally(new SameClient.ConnectionClosedException());
                    close();
                }
            });
        }
        return answer;
    }

    /** Completes when the connection has ended, from either side. */
    CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (Exception ignored) {
            // closing anyway
        }
        end();
    }

    private void send(Map<String, Object> message) throws IOException {
        synchronized (out) {
            WireFormat.writeFrame(out, message);
        }
    }

    private void readLoop() {
        try {
            byte[] frame;
            while ((frame = WireFormat.readFrame(in)) != null) {
                dispatch(WireFormat.parse(frame));
            }
        } catch (IOException e) {
            // the server went away, or sent something that is not our protocol: either way the connection ends
        } finally {
            close();
        }
    }

    private void dispatch(Map<?, ?> message) throws IOException {
        Object method = message.get("method");
        Object id = message.get("id");
        if (method != null && id != null) { // a request: the server has none for clients
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("jsonrpc", "2.0");
            error.put("id", id);
            error.put("error", Map.of("code", METHOD_NOT_FOUND, "message", "unsupported: " + method));
            send(error);
        } else if (method != null) {
            notifications.accept(String.valueOf(method), message.get("params"));
        } else if (id == null && message.get("error") instanceof Map<?, ?> error) {
            // the server could not read a request (one too large, say) and so not name it: it ends the connection
            // next, so every request waiting learns why rather than that the connection closed
            failPending(RemoteException.of(error));
        } else if (id instanceof Number number) {
            Pending<?> waiting = pending.remove(number.intValue());
            if (waiting == null) {
                return;
            }
            if (message.get("error") instanceof Map<?, ?> error) {
                waiting.answer().completeExceptionally(RemoteException.of(error));
            } else {
                waiting.complete(message.get("result"));
            }
        }
    }

    /** Reads the parameters of a notification as a record of the contract. */
    static <T> T read(Object params, Class<T> type) {
        return Json.bind(params, type);
    }

    private void end() {
        if (closed.complete(null)) {
            failPending(new SameClient.ConnectionClosedException());
        }
    }

    private void failPending(Throwable why) {
        for (Integer id : pending.keySet()) {
            Pending<?> waiting = pending.remove(id);
            if (waiting != null) {
                waiting.answer().completeExceptionally(why);
            }
        }
    }
}
