package dev.same.server.cache.remote;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 connection to a cache server, plain or TLS: writes a request's head, reads an answer's head and
 * hands out its body as a stream bounded by the answer's framing. Every read waits at most until the exchange's
 * deadline; a line or a head larger than a cache server ever sends is refused as garbled.
 */
final class HttpConnection implements Closeable {
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADER_LINES = 128;
    /** A body to throw away so the connection can be reused; a larger one closes the connection instead. */
    private static final int MAX_DRAINED = 64 * 1024;

    /** An answer's status and framing. {@code contentLength} is -1 when the answer does not say. */
    record Head(int status, long contentLength, boolean chunked, boolean keepAlive) {
    }

    private final Socket socket;
    /** The TCP socket under {@link #socket} (the same one for plain HTTP): what {@link #abort} closes. */
    private final Socket raw;
    private final InputStream in;
    private final OutputStream out;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private boolean answered;
    private volatile boolean reusable = true;
    private long idleSinceNanos;
    private int exchanges;

    private HttpConnection(Socket socket, Socket raw) throws IOException {
        this.socket = socket;
        this.raw = raw;
        this.in = new BufferedInputStream(new UntilDeadline(socket.getInputStream()), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    /**
     * Connects within {@code connectMillis}; with {@code tls}, also completes a handshake that checks the server's
     * certificate and that it names {@code host}, before {@code deadlineNanos}.
     */
    static HttpConnection open(String host, int port, SSLSocketFactory tls, int connectMillis, long deadlineNanos)
            throws IOException {
        int connectWithin = Math.min(connectMillis, remainingMillis(deadlineNanos)); // a deadline passed: a timeout
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            try {
                plain.connect(new InetSocketAddress(host, port), connectWithin);
            } catch (IOException e) {
                throw new CacheHttpClient.NoConnection(e);
            }
            if (tls == null) {
                return new HttpConnection(plain, plain);
            }
            SSLSocket secure = (SSLSocket) tls.createSocket(plain, host, port, true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.setSoTimeout(remainingMillis(deadlineNanos));
            try (Guard ignored = guard(plain, deadlineNanos)) {
                secure.startHandshake();
            } catch (IOException e) {
                throw System.nanoTime() - deadlineNanos >= 0 ? timedOut() : e;
            }
            return new HttpConnection(secure, plain);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** Disarms a watchdog. */
    interface Guard extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Closes the TCP socket at the deadline unless disarmed first. It bounds what a read timeout cannot: a write the
     * server does not read, and a TLS record or handshake that arrives a byte at a time (each of the many socket
     * reads under one TLS read would wait the whole timeout again). Closing the TCP socket, not the TLS one, which
     * would first try to send its closing record behind the stuck write.
     */
    Guard guard(long deadline) {
        return guard(raw, deadline);
    }

    private static Guard guard(Socket raw, long deadline) {
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                TimeUnit.NANOSECONDS.sleep(deadline - System.nanoTime());
                raw.close();
            } catch (InterruptedException | IOException disarmed) {
                // in time, or closed already
            }
        });
        return watchdog::interrupt;
    }

    /** Whether this is a TLS connection. */
    boolean tls() {
        return socket != raw;
    }

    static SocketTimeoutException timedOut() {
        return new SocketTimeoutException("the deadline passed");
    }

    /** Reads from here on wait at most until {@code nanos} ({@link System#nanoTime}). */
    void deadline(long nanos) {
        deadlineNanos = nanos;
        answered = false;
    }

    /** Whether this connection carried an exchange before the current one. */
    boolean reused() {
        return exchanges > 0;
    }

    /** Whether any byte of the current exchange's answer has arrived. */
    boolean answered() {
        return answered;
    }

    void writeHead(String head) throws IOException {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    }

    OutputStream body() {
        return out;
    }

    void flush() throws IOException {
        out.flush();
    }

    /** The answer's head, after any interim (1xx) ones. */
    Head readHead() throws IOException {
        while (true) {
            Head head = readOneHead();
            if (head.status() == 101) {
                throw new ProtocolException("a switch of protocols nobody asked for (101)");
            }
            if (head.status() >= 200) {
                return head;
            }
        }
    }

    private Head readOneHead() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' '
                || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
            throw new ProtocolException("not an HTTP/1.x answer: " + printable(statusLine));
        }
        int status = parseStatus(statusLine.substring(9, 12));
        boolean keepAlive = statusLine.charAt(7) != '0';
        long contentLength = -1;
        boolean chunked = false;
        boolean encoded = false;
        for (int lines = 0; ; lines++) {
            String line = readLine();
            if (line.isEmpty()) {
                break;
            }
            if (lines == MAX_HEADER_LINES) {
                throw new ProtocolException("more than " + MAX_HEADER_LINES + " header lines");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("a garbled header line: " + printable(line));
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> {
                    long length = parseLength(value);
                    if (contentLength != -1 && contentLength != length) {
                        throw new ProtocolException("two different Content-Length headers");
                    }
                    contentLength = length;
                }
                case "transfer-encoding" -> {
                    String[] codings = value.toLowerCase(Locale.ROOT).split(",");
                    chunked = codings[codings.length - 1].strip().equals("chunked");
                    encoded = !chunked; // another final coding: the body ends where the connection does
                }
                case "connection" -> {
                    String tokens = value.toLowerCase(Locale.ROOT);
                    if (tokens.contains("close")) {
                        keepAlive = false;
                    } else if (tokens.contains("keep-alive")) {
                        keepAlive = true;
                    }
                }
                default -> {
                }
            }
        }
        return new Head(status, chunked || encoded ? -1 : contentLength, chunked, keepAlive && !encoded);
    }

    /**
     * The answer's body as the head frames it, ending where the body ends; empty for an answer that has none
     * ({@code HEAD}, 1xx, 204, 304). Read to its end, it leaves the connection ready for the next request when
     * both ends keep it.
     */
    InputStream bodyOf(Head head, boolean headRequest) {
        if (!head.keepAlive()) {
            reusable = false;
        }
        if (headRequest || head.status() < 200 || head.status() == 204 || head.status() == 304) {
            return InputStream.nullInputStream();
        }
        if (head.chunked()) {
            return new ChunkedInputStream(this);
        }
        if (head.contentLength() >= 0) {
            return new FixedLengthInputStream(in, head.contentLength());
        }
        reusable = false; // the body ends where the connection does
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the connection is not the body's to close
            }
        };
    }

    /** Reads the rest of a body nobody wants, so the connection can be reused; closes it rather than read much. */
    void discard(InputStream body) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[8192];
        for (int n; (n = body.read(buffer)) >= 0; ) {
            skipped += n;
            if (skipped > MAX_DRAINED) {
                reusable = false;
                return;
            }
        }
    }

    /** After an exchange read to its end: whether this connection can carry another. */
    boolean endExchange() {
        exchanges++;
        idleSinceNanos = System.nanoTime();
        return reusable && !socket.isClosed() && quiet();
    }

    /**
     * Whether nothing has arrived that no request asked for: bytes past an answer's end (a server that sent a body
     * with a {@code HEAD} answer) would be read as the next answer.
     */
    boolean quiet() {
        try {
            return in.available() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the connection has been unused for longer than {@code nanos}. */
    boolean idleLongerThan(long nanos, long now) {
        return now - idleSinceNanos > nanos;
    }

    void doNotReuse() {
        reusable = false;
    }

    @Override
    public void close() {
        reusable = false;
        // the TCP socket first: a TLS socket's own close sends its closing record first, and with the default
        // SO_LINGER waits for the write lock, which a write stuck on a server that stopped reading holds
        try {
            raw.close();
        } catch (IOException e) {
            // nothing to do about a socket that does not close
        }
        try {
            socket.close();
        } catch (IOException e) {
            // as above
        }
    }

    /** One line of the head or of a chunked body's framing, without its line end. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException(answered ? "the server closed the connection in the middle of its answer"
                        : "the server closed the connection without answering");
            }
            answered = true;
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new ProtocolException("a line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) c);
        }
    }

    InputStream in() {
        return in;
    }

    private static int parseStatus(String digits) throws ProtocolException {
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                throw new ProtocolException("a garbled status code: " + printable(digits));
            }
        }
        return Integer.parseInt(digits);
    }

    private static long parseLength(String value) throws ProtocolException {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            throw new ProtocolException("a garbled Content-Length: " + printable(value));
        }
        return Long.parseLong(value);
    }

    /** A server's text in a message: cut short, control characters replaced. */
    static String printable(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
    }

    static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("the deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** The socket's input, each read waiting at most until the exchange's deadline. */
    private final class UntilDeadline extends FilterInputStream {
        UntilDeadline(InputStream socketInput) {
            super(socketInput);
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadlineNanos));
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            socket.setSoTimeout(remainingMillis(deadlineNanos));
            return super.read(buffer, offset, length);
        }
    }

    /** An answer's body, read in blocks. */
    abstract static class BodyInputStream extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    /** A body of a known length. */
    private static final class FixedLengthInputStream extends BodyInputStream {
        private final InputStream in;
        private long left;

        FixedLengthInputStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new EOFException("the server closed the connection " + left + " bytes before the answer's end");
            }
            left -= n;
            return n;
        }
    }
}
