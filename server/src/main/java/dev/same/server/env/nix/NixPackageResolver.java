package dev.same.server.env.nix;

import dev.same.server.process.Output;
import dev.same.server.SameException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Resolves {@code package@version} to a nixpkgs commit and attribute path for this system: from the on-disk
 * cache when it has the answer (so a resolved version stays put and works offline), otherwise from the nixhub
 * resolver, whose answer is then cached.
 */
public final class NixPackageResolver {
    private final NixhubClient client;
    private final NixResolutionCache cache;
    private final String system;

    public NixPackageResolver(NixhubClient client, NixResolutionCache cache, String system) {
        this.client = client;
        this.cache = cache;
        this.system = system;
    }

    NixPackage resolve(ToolSpec spec) {
        Optional<SortedMap<String, NixPackage>> cached = cache.load(spec);
        Optional<NixPackage> known = cached.flatMap(this::forSystem);
        if (known.isPresent()) {
            return known.get();
        }
        return switch (client.resolve(spec)) {
            case NixhubClient.Found found -> fromAnswer(spec, found);
            case NixhubClient.NotFound notFound -> throw new SameException("unknown Nix package or version: "
                    + spec + " (package '" + spec.pkg() + "', version '" + spec.version() + "')", List.of(
                    "the resolver at " + notFound.url() + " knows no such package version",
                    "check the name and the version in 'tools' (the versions of a package are listed on "
                            + "https://www.nixhub.io/packages/" + spec.pkg() + ")"));
            case NixhubClient.Unreachable unreachable -> throw new SameException("cannot resolve tool " + spec
                    + ": the Nix package resolver is unreachable (" + unreachable.reason() + ")", List.of(
                    "asked " + unreachable.url(),
                    "a cached resolution is used when one exists (" + cache.dir() + "); there is none for " + spec
                            + " yet",
                    "check the network, or point " + dev.same.protocol.client.SameSettings.NIXHUB_URL + " at a reachable resolver"));
        };
    }

    private NixPackage fromAnswer(ToolSpec spec, NixhubClient.Found found) {
        SortedMap<String, NixPackage> systems;
        try {
            systems = NixhubAnswer.parse(found.body());
        } catch (IllegalArgumentException e) {
            throw new SameException("cannot resolve tool " + spec + ": the resolver's answer is not a resolution ("
                    + e.getMessage() + ")", List.of("asked " + found.url(), "answer: " + Output.trimmed(found.body())));
        }
        cache.store(spec, systems);
        return forSystem(systems).orElseThrow(() -> new SameException("Nix package " + spec + " is not available for "
                + system + " (package '" + spec.pkg() + "', version '" + spec.version() + "')", List.of(
                "the resolver knows it for: " + String.join(", ", systems.keySet()),
                "choose another version, or run the tasks that use it elsewhere")));
    }

    private Optional<NixPackage> forSystem(Map<String, NixPackage> systems) {
        return Optional.ofNullable(systems.get(system))
                .or(() -> Optional.ofNullable(systems.get(NixhubAnswer.ANY_SYSTEM)));
    }
}
