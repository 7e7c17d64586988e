package dev.same.protocol.client;

import dev.same.protocol.Protocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The protocol's bytes: LSP base framing (header lines, an empty line, then {@code Content-Length} bytes of
 * JSON), frames and headers capped as {@link Protocol} says, and JSON messages as maps whose values may be the
 * protocol's records. For clients and tools that speak the protocol without {@link SameClient}.
 */
public final class WireFormat {
    private WireFormat() {
    }

    /** Writes one message (a map that may hold records, lists, enums...) as a frame, and flushes. */
    public static void writeFrame(OutputStream out, Map<String, ?> message) throws IOException {
        byte[] body = Json.write(message);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Parses a frame's body, which must be a JSON object. */
    public static Map<?, ?> parse(byte[] frame) throws IOException {
        if (!(Json.parse(frame) instanceof Map<?, ?> message)) {
            throw new IOException("a frame that is not a JSON object");
        }
        return message;
    }

    /** The next frame's body, or null at the end of the stream between frames. */
    public static byte[] readFrame(InputStream in) throws IOException {
        int length = -1;
        int headerBytes = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (headerBytes == 0) {
                    return null;
                }
                throw new IOException("the stream ended inside a frame header");
            }
            if (++headerBytes > Protocol.MAX_HEADER_BYTES) {
                throw new IOException("no frame header within " + Protocol.MAX_HEADER_BYTES + " bytes");
            }
            if (c != '\n') {
                line.write(c);
                continue;
            }
            String header = line.toString(StandardCharsets.US_ASCII).strip();
            line.reset();
            if (header.isEmpty()) {
                if (length < 0) {
                    throw new IOException("a frame without Content-Length");
                }
                byte[] body = in.readNBytes(length);
                if (body.length != length) {
                    throw new IOException("the stream ended inside a frame");
                }
                return body;
            }
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).strip().equalsIgnoreCase("Content-Length")) {
                length = contentLength(header.substring(colon + 1).strip());
            }
        }
    }

    private static int contentLength(String value) throws IOException {
        try {
            int length = Integer.parseInt(value);
            if (length < 0 || length > Protocol.MAX_FRAME_BYTES) {
                throw new IOException("a frame of " + value + " bytes (the limit is "
                        + Protocol.MAX_FRAME_BYTES + ")");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("a frame with Content-Length '" + value + "'");
        }
    }
}
