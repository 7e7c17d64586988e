package dev.same.cli.command;

import dev.same.cli.SameCommand;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash/zsh completion script.", "Use: source <(same completion)"})
public final class CompletionCommand implements Runnable {
    @ParentCommand
    SameCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        parent.cli().terminal().out().print(AutoComplete.bash("same", spec.root().commandLine()));
    }
}
