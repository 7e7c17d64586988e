package dev.same.server.env.nix;

import java.util.Locale;

/** The Nix name of the machine's platform: {@code x86_64-linux}, {@code aarch64-darwin}, … */
public final class NixSystem {
    private NixSystem() {
    }

    public static String current() {
        return of(System.getProperty("os.arch", ""), System.getProperty("os.name", ""));
    }

    public static String of(String javaArch, String javaOs) {
        String arch = switch (javaArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i686" -> "i686";
            default -> javaArch.toLowerCase(Locale.ROOT);
        };
        String os = javaOs.toLowerCase(Locale.ROOT);
        String kernel = os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.startsWith("linux") ? "linux" : os;
        return arch + "-" + kernel;
    }
}
