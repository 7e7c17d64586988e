package dev.same.server.env.nix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads an answer of the nixhub resolve API ({@code GET /v2/resolve?name=&version=}) into a nixpkgs commit and
 * attribute path per system. Tolerant of the shapes the API has had: per-system entries under {@code systems}
 * (an object keyed by system, or a list of entries naming theirs) holding {@code flake_installable.ref.rev} and
 * {@code flake_installable.attr_path}, or flat {@code commit_hash} and {@code attr_paths}/{@code attribute_path};
 * flat fields at the top level apply to every system ({@link #ANY_SYSTEM}).
 */
public final class NixhubAnswer {
    /** The key of a resolution that names no system. */
    static final String ANY_SYSTEM = "*";

    private static final ObjectMapper JSON = new ObjectMapper();

    private NixhubAnswer() {
    }

    /** @throws IllegalArgumentException when the text is not such an answer */
    static SortedMap<String, NixPackage> parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        SortedMap<String, NixPackage> bySystem = new TreeMap<>();
        JsonNode systems = root.path("systems");
        if (systems.isObject()) {
            for (Map.Entry<String, JsonNode> entry : systems.properties()) {
                entry(entry.getKey(), entry.getValue()).ifPresent(p -> bySystem.put(entry.getKey(), p));
            }
        } else if (systems.isArray()) {
            for (JsonNode item : systems) {
                String system = text(item, List.of("system", "name")).orElse(null);
                if (system != null) {
                    entry(system, item).ifPresent(p -> bySystem.put(system, p));
                }
            }
        }
        if (bySystem.isEmpty()) {
            entry(null, root).ifPresent(p -> bySystem.put(ANY_SYSTEM, p));
        }
        if (bySystem.isEmpty()) {
            throw new IllegalArgumentException("it names no nixpkgs commit and attribute path");
        }
        return bySystem;
    }

    private static Optional<NixPackage> entry(String system, JsonNode node) {
        JsonNode flake = node.path("flake_installable");
        Optional<String> commit = text(flake.path("ref"), List.of("rev", "commit"))
                .or(() -> text(node, List.of("commit_hash", "commitHash", "commit", "rev")));
        Optional<String> attr = text(flake, List.of("attr_path", "attribute_path"))
                .or(() -> text(node, List.of("attr_path", "attribute_path", "attributePath", "attr_paths")));
        if (commit.isEmpty() || attr.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NixPackage(commit.get(), withoutSystemPrefix(attr.get(), system)));
    }

    /** The first of {@code names} with a non-blank string value (or, for a list, its first string). */
    private static Optional<String> text(JsonNode node, List<String> names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isArray() && !value.isEmpty()) {
                value = value.get(0);
            }
            if (value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(value.asText().strip());
            }
        }
        return Optional.empty();
    }

    /** {@code legacyPackages.x86_64-linux.go} → {@code go}: the expression adds the prefix itself. */
    private static String withoutSystemPrefix(String attrPath, String system) {
        String prefix = "legacyPackages.";
        if (!attrPath.startsWith(prefix)) {
            return attrPath;
        }
        String rest = attrPath.substring(prefix.length());
        if (system != null && rest.startsWith(system + ".")) {
            return rest.substring(system.length() + 1);
        }
        int dot = rest.indexOf('.');
        return dot < 0 ? attrPath : rest.substring(dot + 1);
    }
}
