package dev.same.protocol.jsonrpc;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * lsp4j's reader with limits: a frame larger than {@code maxFrameBytes} (answered with an error), a header
 * section longer than {@value #MAX_HEADER_BYTES} bytes, or any framing or parse error closes the connection
 * instead of allocating without bound or logging forever. A peer sending garbage loses its connection; nobody
 * else notices.
 */
final class GuardedMessageProducer extends StreamMessageProducer {
    static final int MAX_HEADER_BYTES = dev.same.protocol.Protocol.MAX_HEADER_BYTES;
    private static final Logger LOG = Logger.getLogger(GuardedMessageProducer.class.getName());

    private final int maxFrameBytes;
    private final HeaderBudget budget;
    private final MessageIssueHandler issues;

    private GuardedMessageProducer(HeaderBudget input, MessageJsonHandler jsonHandler, MessageIssueHandler issues,
                                   int maxFrameBytes) {
        super(input, jsonHandler, issues);
        this.budget = input;
        this.issues = issues;
        this.maxFrameBytes = maxFrameBytes;
    }

    static GuardedMessageProducer of(InputStream input, MessageJsonHandler jsonHandler, MessageIssueHandler issues,
                                     int maxFrameBytes) {
        return new GuardedMessageProducer(new HeaderBudget(input), jsonHandler, issues, maxFrameBytes);
    }

    /**
     * A frame holding JSON {@code null} parses to no message at all: refused like any other non-message. A
     * header section over budget ends the connection with one warning, not lsp4j's SEVERE stack trace.
     */
    @Override
    public void listen(MessageConsumer callback) {
        try {
            super.listen(message -> {
                if (message == null) {
                    refuse("the frame holds no JSON-RPC message");
                } else {
                    callback.consume(message);
                }
            });
        } catch (JsonRpcException e) {
            if (!(e.getCause() instanceof HeaderTooLong tooLong)) {
                throw e;
            }
            refuse(tooLong.getMessage());
        }
    }

    /**
     * A frame over the limit is answered from its header and its body never read: an error without an id (the id
     * is in the unread body), then the connection ends, since skipping the body would mean reading it all.
     */
    @Override
    protected boolean handleMessage(InputStream input, Headers headers) {
        if (headers.contentLength > maxFrameBytes) {
            String why = "request of " + headers.contentLength + " bytes refused: a request may have at most "
                    + maxFrameBytes + " bytes (" + maxFrameBytes / (1024 * 1024) + " MiB)";
            LOG.log(Level.WARNING, "closing connection: {0}", why);
            issues.handle(new RequestMessage(), List.of(new MessageIssue(why,
                    ResponseErrorCode.InvalidRequest.getValue())));
            return false;
        }
        budget.inBody = true;
        try {
            return super.handleMessage(input, headers);
        } finally {
            budget.inBody = false;
            budget.headerBytes = 0;
        }
    }

    @Override
    protected void fireError(Throwable error) {
        refuse(error.getMessage() == null ? error.toString() : error.getMessage());
    }

    private void refuse(String why) {
        LOG.log(Level.WARNING, "closing connection: malformed input: {0}", why);
        try {
            close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }

    private static final class HeaderTooLong extends IOException {
        HeaderTooLong() {
            super("no frame header within " + MAX_HEADER_BYTES + " bytes");
        }
    }

    /** Counts header bytes between frames; too many means the peer is not speaking the protocol. */
    private static final class HeaderBudget extends InputStream {
        private final InputStream in;
        volatile boolean inBody;
        int headerBytes;

        HeaderBudget(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int c = in.read();
            if (!inBody && c >= 0 && ++headerBytes > MAX_HEADER_BYTES) {
                throw new HeaderTooLong();
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!inBody) {
                int c = read();
                if (c < 0) {
                    return -1;
                }
                b[off] = (byte) c;
                return 1;
            }
            return in.read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
