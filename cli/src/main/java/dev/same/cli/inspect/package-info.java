/**
 * The inspect view ({@code same run -i}, {@code --inspect-on-error}): after a run on a terminal, the list of its tasks
 * beside the selected task's log, moved with the keyboard, as the original's split-pane view works. {@link RunLog}
 * records the run, {@link InspectModel} is the view's state and drawing (plain text, tested alone), {@link Keys}
 * decodes the keyboard, and {@link InspectSession} puts the terminal in raw mode and runs the loop.
 */
package dev.same.cli.inspect;
