// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/util/src/com/intellij/util/Consumer.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.util;

@FunctionalInterface
public interface Consumer<T> extends java.util.function.Consumer<T> {
    void consume(T t);

    @Override
    default void accept(T t) {
        consume(t);
    }
}
