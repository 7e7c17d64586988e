package dev.same.server.exec;

/** Receives a task's output as chunks of whole lines. */
@FunctionalInterface
public interface OutputSink {
    /**
     * @param offset byte offset of the chunk in the task's log
     * @param text   one or more lines, each ending with '\n'
     */
    void output(long offset, String text);
}
