package dev.same.server.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Short, class-name-free descriptions of I/O failures for user messages. */
final class IoMessages {
    private IoMessages() {
    }

    static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException _ -> "no such file or directory";
            case AccessDeniedException _ -> "permission denied";
            case NotDirectoryException _ -> "not a directory";
            default -> e.getMessage() != null ? e.getMessage() : "I/O error";
        };
    }
}
