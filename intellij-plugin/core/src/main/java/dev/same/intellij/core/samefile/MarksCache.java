package dev.same.intellij.core.samefile;

import dev.same.intellij.core.model.WorkspaceSnapshot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The gutter marks of each open same.yaml, computed once per version of its text and of the daemon's state: the
 * editor asks for every token of the file, and scanning the whole text for each would cost the square of its size.
 */
public final class MarksCache {
    private record Entry(long stamp, WorkspaceSnapshot snapshot, List<GutterMark> marks) {
    }

    private final Map<String, Entry> byFile = new ConcurrentHashMap<>();

    /**
     * @param file     the file, relative to the root
     * @param stamp    the version of its text (the editor's modification stamp)
     * @param text     its text, read only when the marks are computed again
     * @param snapshot the daemon's state; compared by identity, as the model publishes a new one on every change
     */
    public List<GutterMark> marks(String file, long stamp, Supplier<String> text, WorkspaceSnapshot snapshot) {
        Entry cached = byFile.get(file);
        if (cached != null && cached.stamp() == stamp && cached.snapshot() == snapshot) {
            return cached.marks();
        }
        List<GutterMark> marks = GutterMarks.of(file, text.get(), snapshot);
        byFile.put(file, new Entry(stamp, snapshot, marks));
        return marks;
    }
}
