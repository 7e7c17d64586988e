package dev.same.cli.command;

import dev.same.cli.SameCommand;
import dev.same.protocol.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParentCommand;

@Command(name = "version", description = "Print the version of same.", mixinStandardHelpOptions = true)
public final class VersionCommand implements Runnable {
    @ParentCommand
    SameCommand parent;

    @Override
    public void run() {
        parent.cli().terminal().out().println(line());
    }

    static String version() {
        String version = VersionCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    public static String line() {
        return "same " + version() + " (protocol " + Protocol.VERSION + ", Java " + Runtime.version() + ")";
    }

    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {line()};
        }
    }
}
