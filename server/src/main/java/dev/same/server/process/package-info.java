/**
 * Starting and ending programs the way a shell user expects: finding a program on a task's PATH, killing a
 * process with everything it started. Shared by task execution ({@code exec}) and environment commands
 * ({@code env}).
 */
package dev.same.server.process;
