package dev.same.server.env.nix;

/**
 * Where a tool version lives in nixpkgs for one system.
 *
 * @param commit   the nixpkgs commit
 * @param attrPath the attribute under {@code legacyPackages.<system>}, e.g. {@code go_1_22} or
 *                 {@code python312Packages.pip}
 */
public record NixPackage(String commit, String attrPath) {
}
