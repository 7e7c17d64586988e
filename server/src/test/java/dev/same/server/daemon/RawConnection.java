package dev.same.server.daemon;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A bare Unix socket to the daemon, for sending it bytes no real client would. Reads fail after a deadline. */
final class RawConnection implements AutoCloseable {
    private static final long READ_DEADLINE_SECONDS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    RawConnection(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
    }

    static byte[] frame(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + body.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return all;
    }

    RawConnection send(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        return this;
    }

    RawConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends what it can: the daemon may hang up before it has read everything, which is the point. */
    RawConnection sendUntilRefused(byte[] bytes) {
        try {
            send(bytes);
        } catch (IOException hungUp) {
            // broken pipe or reset: the daemon closed the connection
        }
        return this;
    }

    RawConnection endOutput() throws IOException {
        channel.shutdownOutput();
        return this;
    }

    /** Waits until the daemon closes the connection; returns what it sent before. Fails after the deadline. */
    byte[] readUntilClosed() throws Exception {
        return withDeadline(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            try {
                while (channel.read(buffer.clear()) >= 0) {
                    pending.write(buffer.array(), 0, buffer.position());
                }
            } catch (IOException reset) {
                // connection reset by the daemon: closed as well
            }
            return pending.toByteArray();
        }, "the daemon did not close the connection");
    }

    /** The next JSON-RPC message, or empty when the daemon closed the connection first. */
    Optional<JsonNode> readMessage() throws Exception {
        return withDeadline(() -> {
            String header = readHeader();
            if (header == null) {
                return Optional.empty();
            }
            int length = -1;
            for (String line : header.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            byte[] body = readExactly(length);
            return body == null ? Optional.empty() : Optional.of(JSON.readTree(body));
        }, "no answer from the daemon");
    }

    /** The next response (a message with an id), skipping pushes; empty when the daemon closed first. */
    Optional<JsonNode> readResponse() throws Exception {
        while (true) {
            Optional<JsonNode> message = readMessage();
            if (message.isEmpty() || message.get().has("id")) {
                return message;
            }
        }
    }

    private String readHeader() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        while (true) {
            int c = readByte();
            if (c < 0) {
                return null;
            }
            header.write(c);
            String text = header.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            int c = readByte();
            if (c < 0) {
                return null;
            }
            body[i] = (byte) c;
        }
        return body;
    }

    private int readByte() throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        try {
            return channel.read(one) < 0 ? -1 : one.get(0) & 0xff;
        } catch (IOException reset) {
            return -1;
        }
    }

    private <T> T withDeadline(Callable<T> read, String failure) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(read.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(READ_DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            channel.close();
            return fail(failure + " within " + READ_DEADLINE_SECONDS + "s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
