package dev.same.protocol.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server answered a request with a JSON-RPC error.
 *
 * @see dev.same.protocol.ErrorCodes
 */
public final class RemoteException extends RuntimeException {
    private final int code;
    private final List<String> context;

    public RemoteException(int code, String message, List<String> context) {
        super(message);
        this.code = code;
        this.context = List.copyOf(context);
    }

    static RemoteException of(Map<?, ?> error) {
        List<String> context = new ArrayList<>();
        Object data = error.get("data");
        if (data instanceof List<?> lines) {
            lines.forEach(line -> context.add(String.valueOf(line)));
        } else if (data != null) {
            context.add(String.valueOf(data));
        }
        Object message = error.get("message");
        int code = error.get("code") instanceof Number number ? number.intValue() : 0;
        return new RemoteException(code, message == null ? "error" : String.valueOf(message), context);
    }

    public int code() {
        return code;
    }

    /** The lines of context the server gave with a user error ({@code data}), possibly none. */
    public List<String> context() {
        return context;
    }
}
