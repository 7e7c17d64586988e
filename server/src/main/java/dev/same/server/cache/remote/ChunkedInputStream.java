package dev.same.server.cache.remote;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;

/** A body sent in chunks ({@code Transfer-Encoding: chunked}): their data, up to the last chunk and its trailers. */
final class ChunkedInputStream extends HttpConnection.BodyInputStream {
    private final HttpConnection connection;
    private long leftInChunk;
    private boolean ended;

    ChunkedInputStream(HttpConnection connection) {
        this.connection = connection;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (leftInChunk == 0 && !nextChunk()) {
            return -1;
        }
        int n = connection.in().read(buffer, offset, (int) Math.min(length, leftInChunk));
        if (n < 0) {
            throw new EOFException("the server closed the connection in the middle of a chunk");
        }
        leftInChunk -= n;
        if (leftInChunk == 0 && !connection.readLine().isEmpty()) {
            throw new ProtocolException("a chunk longer than its size says");
        }
        return n;
    }

    /** Reads the next chunk's size; false at the last one, whose trailers it skips. */
    private boolean nextChunk() throws IOException {
        if (ended) {
            return false;
        }
        String line = connection.readLine();
        int extension = line.indexOf(';');
        String size = (extension < 0 ? line : line.substring(0, extension)).strip();
        if (size.isEmpty() || size.length() > 15 || !size.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new ProtocolException("a garbled chunk size: " + HttpConnection.printable(line));
        }
        leftInChunk = Long.parseLong(size, 16);
        if (leftInChunk == 0) {
            ended = true;
            while (!connection.readLine().isEmpty()) {
                // trailers: nothing here needs them
            }
            return false;
        }
        return true;
    }
}
