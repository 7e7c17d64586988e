/**
 * Environment commands (mise, direnv, devbox, a script): run with a small fixed environment and a time limit, their
 * output read as JSON or {@code KEY=VALUE} lines, identified by the command and the content of the files it names.
 */
package dev.same.server.env.command;
