package dev.same.protocol.jsonrpc;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Turns lsp4j's answer to a request whose params do not fit their type, a parse error quoting Gson, into
 * {@code -32602 invalid params: parallel: expected a number, not a string}: the field and what was wrong.
 */
final class InvalidParams implements MessageIssueHandler {
    private static final Pattern PATH = Pattern.compile(" path \\$\\.(params\\S*)");
    private static final Pattern EXPECTED = Pattern.compile("Expected (.+?) but was (\\S+)");

    private final MessageIssueHandler next;

    InvalidParams(MessageIssueHandler next) {
        this.next = next;
    }

    @Override
    public void handle(Message message, List<MessageIssue> issues) {
        next.handle(message, message instanceof RequestMessage
                ? issues.stream().map(InvalidParams::naming).toList() : issues);
    }

    private static MessageIssue naming(MessageIssue issue) {
        if (issue.getIssueCode() != ResponseErrorCode.ParseError.getValue()) {
            return issue;
        }
        for (Throwable cause = issue.getCause(); cause != null; cause = cause.getCause()) {
            String text = cause.getMessage() == null ? "" : cause.getMessage();
            Matcher path = PATH.matcher(text);
            if (path.find()) {
                String field = path.group(1).equals("params") ? "params" : path.group(1).substring(7);
                Matcher expected = EXPECTED.matcher(text);
                String problem = expected.find()
                        ? "expected " + kind(expected.group(1)) + ", not " + kind(expected.group(2))
                        : "unreadable value";
                return new MessageIssue("invalid params: " + field + ": " + problem,
                        ResponseErrorCode.InvalidParams.getValue());
            }
        }
        return issue;
    }

    /** Gson's token names in plain words; its other words ("a string", "an int") as they are. */
    private static String kind(String gson) {
        return switch (gson) {
            case "BEGIN_OBJECT" -> "an object";
            case "BEGIN_ARRAY" -> "a list";
            case "STRING" -> "a string";
            case "NUMBER" -> "a number";
            case "BOOLEAN" -> "a boolean";
            case "NULL" -> "null";
            default -> gson;
        };
    }
}
