package dev.same.intellij.core.model;

import dev.same.protocol.Change;
import dev.same.protocol.ExplainResult;
import java.time.Instant;

/** The answer of task/explain as the "Why?" panel shows it: the state, then one line per change. */
public final class ExplainText {
    private ExplainText() {
    }

    public static String render(ExplainResult result) {
        StringBuilder text = new StringBuilder(result.task()).append(" is ")
                .append(StateIcon.of(result.state()).word()).append('\n');
        if (result.previousFinishedAtMillis() != null) {
            text.append("last successful run: ").append(Instant.ofEpochMilli(result.previousFinishedAtMillis()))
                    .append('\n');
        }
        if (result.changes() == null || result.changes().isEmpty()) {
            return text.append("nothing changed since then\n").toString();
        }
        text.append('\n');
        for (Change change : result.changes()) {
            text.append("• ").append(describe(change)).append('\n');
        }
        return text.toString();
    }

    private static String describe(Change change) {
        String subject = change.subject() == null ? "" : change.subject();
        boolean redundant = change.detail() == null || change.detail().isEmpty()
                || (change.subject() != null && change.detail().endsWith(change.subject())); // "input changed: <path>"
        String detail = redundant ? "" : " (" + change.detail() + ")";
        return switch (change.kind()) {
            case "FILE_ADDED" -> "file added: " + subject + detail;
            case "FILE_REMOVED" -> "file removed: " + subject + detail;
            case "FILE_CHANGED" -> "file changed: " + subject + detail;
            case "UPSTREAM_CHANGED" -> "upstream task changed: " + subject + detail;
            case "ENVIRONMENT_CHANGED" -> switch (subject) {
                case "@tools" -> "tool environment changed";
                case "@platform" -> change.detail() == null ? "platform changed" : change.detail(); // names both
                default -> "environment variable changed: " + subject + detail;
            };
            case "DEFINITION_CHANGED" -> "the task's definition changed" + detail;
            case "NEVER_RUN" -> "never run successfully" + detail;
            case "ALWAYS_REBUILD" -> "rebuild: always" + detail;
            default -> change.kind().toLowerCase().replace('_', ' ') + (subject.isEmpty() ? "" : ": " + subject) + detail;
        };
    }
}
