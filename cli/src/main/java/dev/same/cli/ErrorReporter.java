package dev.same.cli;

import dev.same.cli.render.Style;
import dev.same.protocol.ErrorCodes;
import dev.same.protocol.client.DaemonAddress;
import dev.same.protocol.client.RemoteException;
import dev.same.protocol.client.UserError;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Prints an error as {@code ✗ Error: <message>} with its context lines; a stack trace only with --debug. */
public final class ErrorReporter {
    private ErrorReporter() {
    }

    public static int report(Throwable error, PrintStream err, Style style, boolean debug) {
        Throwable cause = unwrap(error);
        String message;
        List<String> context = List.of();
        switch (cause) {
            case UserError e -> {
                message = e.getMessage();
                context = e.context();
            }
            case RemoteException e -> {
                message = e.getMessage();
                if (e.code() == ErrorCodes.USER_ERROR) {
                    context = e.context();
                }
            }
            default -> message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        }
        err.println(style.red("✗ Error: ") + message);
        for (String line : context) {
            err.println("  " + line);
        }
        if (debug) {
            cause.printStackTrace(err);
        } else if (!(cause instanceof UserError) && !(cause instanceof RemoteException)
                && !(cause instanceof DaemonAddress.UnsafeSocketException)) {
            err.println(style.dim("  (run with --debug for details)"));
        }
        err.flush();
        return 1;
    }

    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof picocli.CommandLine.ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
