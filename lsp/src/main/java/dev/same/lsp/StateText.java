package dev.same.lsp;

import dev.same.protocol.TaskStatusInfo;
import java.util.List;

/** How a task's live state reads in a lens or a hover. */
final class StateText {
    private StateText() {
    }

    static String lens(TaskStatusInfo status) {
        List<String> reasons = status.reasons() == null ? List.of() : status.reasons();
        return switch (status.state()) {
            case CLEAN -> "✓ clean";
            case RUNNING -> "◌ running";
            case FAILED -> "✗ failed";
            case UNKNOWN -> "? unknown" + (reasons.isEmpty() ? "" : ": " + reasons.getFirst());
            case DIRTY -> "● dirty" + (reasons.isEmpty() ? "" : ": " + summary(reasons));
        };
    }

    /** "2 inputs changed" when inputs changed, else the first reason, with how many more there are. */
    private static String summary(List<String> reasons) {
        long inputs = reasons.stream().filter(reason -> reason.startsWith("input changed")).count();
        if (inputs > 0) {
            return inputs + (inputs == 1 ? " input changed" : " inputs changed");
        }
        return reasons.getFirst() + (reasons.size() > 1 ? " (+" + (reasons.size() - 1) + ")" : "");
    }
}
