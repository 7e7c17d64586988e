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

    /** The original's line ({@code same version V (commit: C, date: D)}, which scripts parse), then ours. */
    public static String line() {
        return "same version " + version() + " (commit: " + orUnknown(attribute("Same-Commit")) + ", date: "
                + orUnknown(isoDate(attribute("Same-Build-Date"))) + ")\n"
                + "protocol " + Protocol.VERSION + ", Java " + Runtime.version();
    }

    /** An attribute of the manifest of this class's own jar; null when run from classes (tests) or absent. */
    private static String attribute(String name) {
        try {
            var location = VersionCommand.class.getProtectionDomain().getCodeSource().getLocation();
            if (location == null || !location.getPath().endsWith(".jar")) {
                return null;
            }
            try (var jar = new java.util.jar.JarFile(java.nio.file.Path.of(location.toURI()).toFile())) {
                var manifest = jar.getManifest();
                return manifest == null ? null : manifest.getMainAttributes().getValue(name);
            }
        } catch (java.io.IOException | java.net.URISyntaxException | SecurityException e) {
            return null;
        }
    }

    /** The build's timestamp (UTC, yyyyMMddHHmmssSSS as the build names its AOT cache) as the original prints it. */
    private static String isoDate(String timestamp) {
        if (timestamp == null || !timestamp.matches("\\d{14,}")) {
            return timestamp;
        }
        return timestamp.substring(0, 4) + "-" + timestamp.substring(4, 6) + "-" + timestamp.substring(6, 8) + "T"
                + timestamp.substring(8, 10) + ":" + timestamp.substring(10, 12) + ":" + timestamp.substring(12, 14)
                + "Z";
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {line()};
        }
    }
}
