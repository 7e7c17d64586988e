/**
 * The {@code same} command line's entry: {@code Main}, the light path that recognises the warm commands without
 * picocli, the picocli command tree, error reporting and the launcher's AOT training. The commands live in
 * {@code command}, reaching a server in {@code connect}, rendering in {@code render}. A client: it speaks the
 * protocol and uses the shared client side only.
 */
package dev.same.cli;
