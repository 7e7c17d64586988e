/**
 * The commands of {@code same}: their options (picocli), and what each does with the server's answers.
 */
package dev.same.cli.command;
