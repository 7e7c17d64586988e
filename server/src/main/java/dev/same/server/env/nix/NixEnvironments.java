package dev.same.server.env.nix;

import dev.same.server.env.Identity;
import dev.same.server.process.Output;
import dev.same.server.SameException;
import dev.same.server.cache.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Environments of Nix tools: each {@code package@version} is resolved to a nixpkgs commit and attribute path,
 * which with the system identify the environment; building it means generating the expression of a shell with
 * those packages and asking {@code nix print-dev-env} for its variables.
 */
public final class NixEnvironments {
    /** A resolved tool set: what the environment is, before it is built. */
    public record Plan(String identity, String system, SortedMap<ToolSpec, NixPackage> packages) {
    public     String describe() {
            return "nix: " + packages.keySet().stream().map(ToolSpec::toString).collect(Collectors.joining(", "));
        }
    }

    private final NixPackageResolver resolver;
    private final NixCli nix;
    private final Path expressions;
    private final String system;

    /** @param expressions where the generated expressions are written for nix to read (and people to inspect) */
    public NixEnvironments(NixPackageResolver resolver, NixCli nix, Path expressions, String system) {
        this.resolver = resolver;
        this.nix = nix;
        this.expressions = expressions;
        this.system = system;
    }

    public Plan plan(Collection<ToolSpec> specs) {
        SortedMap<ToolSpec, NixPackage> packages = new TreeMap<>();
        for (ToolSpec spec : specs) {
            packages.put(spec, resolver.resolve(spec));
        }
        Identity identity = new Identity("nix").add(system).add(Integer.toString(packages.size()));
        packages.forEach((spec, pkg) -> identity.add(spec.toString()).add(pkg.commit()).add(pkg.attrPath()));
        return new Plan(identity.hash(), system, packages);
    }

    public SortedMap<String, String> build(Plan plan) {
        String expression;
        try {
            expression = NixExpression.of(plan.system(), plan.packages());
        } catch (IllegalArgumentException e) {
            throw new SameException("cannot use the resolved tools " + plan.describe() + ": " + e.getMessage(),
                    List.of("the resolver's answer cannot be written as a Nix expression; "
                            + "'same clean' forgets cached resolutions"));
        }
        Path file = expressions.resolve(plan.identity() + ".nix");
        try {
            AtomicFiles.write(file, expression.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SameException("cannot write " + file + ": " + e.getMessage());
        }
        String output = nix.printDevEnv(file);
        try {
            return DevEnvVariables.parse(output);
        } catch (IllegalArgumentException e) {
            throw new SameException("nix print-dev-env printed something unexpected: " + e.getMessage(),
                    List.of("it printed: " + Output.trimmed(output), "the expression: " + file));
        }
    }

    public static List<ToolSpec> specs(Map<String, String> declared, Collection<String> aliases) {
        return aliases.stream().map(declared::get).filter(java.util.Objects::nonNull).map(ToolSpec::parse)
                .sorted().distinct().toList();
    }
}
