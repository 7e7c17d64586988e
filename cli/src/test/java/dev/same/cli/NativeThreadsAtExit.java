package dev.same.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one {@code same} command as {@link Main} does, then, where {@link Main} would end the JVM, prints the threads
 * still waiting in native code, one per line, and exits with the command's status. The JVM's exit waits up to 300 ms
 * for such threads ({@code VM_Exit::wait_for_threads_in_native_to_block}), so a command that leaves one is that much
 * slower. A thread on its way out of native code (a reader woken by its stream's close) gets two seconds to leave.
 */
public final class NativeThreadsAtExit {
    /** JDK threads whose native waits block inside the VM, not in native code: the exit does not wait for them. */
    private static final Set<String> BLOCKING_IN_THE_VM = Set.of(
            "java.lang.ref.Reference.waitForReferencePendingList",
            "java.lang.VirtualThread.takeVirtualThreadListToUnblock");

    private NativeThreadsAtExit() {
    }

    public static void main(String[] args) throws InterruptedException {
        ClassPathScans.useDefaultSelectorProvider();
        int status = Main.run(args);
        long deadline = System.nanoTime() + 2_000_000_000L;
        List<String> inNative = inNative();
        while (!inNative.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            inNative = inNative();
        }
        inNative.forEach(thread -> System.err.println("in native code at exit: " + thread));
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    private static List<String> inNative() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey() != Thread.currentThread())
                .filter(entry -> entry.getKey().getState() == Thread.State.RUNNABLE)
                .filter(entry -> entry.getValue().length > 0 && entry.getValue()[0].isNativeMethod())
                .filter(entry -> !BLOCKING_IN_THE_VM.contains(
                        entry.getValue()[0].getClassName() + "." + entry.getValue()[0].getMethodName()))
                .map(NativeThreadsAtExit::describe)
                .toList();
    }

    private static String describe(Map.Entry<Thread, StackTraceElement[]> entry) {
        StackTraceElement[] stack = entry.getValue();
        StringBuilder line = new StringBuilder(entry.getKey().getName());
        for (int i = 0; i < Math.min(4, stack.length); i++) {
            line.append(i == 0 ? ": " : " <- ").append(stack[i]);
        }
        return line.toString();
    }
}
