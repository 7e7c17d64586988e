package dev.same.server.env.nix;

/**
 * One declared tool: {@code alias: package@version}. The configuration loader has already checked the form.
 *
 * @param pkg the Nix package name, as the resolver knows it ({@code nodejs}, {@code go})
 */
public record ToolSpec(String pkg, String version) implements Comparable<ToolSpec> {
    public static ToolSpec parse(String spec) {
        int at = spec.indexOf('@');
        if (at <= 0 || at == spec.length() - 1) {
            throw new IllegalArgumentException("not package@version: " + spec);
        }
        return new ToolSpec(spec.substring(0, at), spec.substring(at + 1));
    }

    @Override
    public int compareTo(ToolSpec other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return pkg + "@" + version;
    }
}
