package dev.same.server.env.nix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The variables of {@code nix print-dev-env --json}: entries of type {@code exported} or {@code var} with their
 * string values as they are, arrays joined with ':', associative arrays left out, and the shell's and the
 * builder's own bookkeeping dropped ({@link #DROPPED}, and names starting with one of {@link #DROPPED_PREFIXES}).
 */
public final class DevEnvVariables {
    /** Variables of the build shell that describe the build, not the tools; a task never gets them. */
    static final Set<String> DROPPED = Set.of(
            // the build sandbox's own view of the world
            "HOME", "PWD", "OLDPWD", "SHLVL", "TMP", "TMPDIR", "TEMP", "TEMPDIR", "TERM", "SHELL", "USER", "LOGNAME",
            "NIX_BUILD_TOP", "NIX_BUILD_CORES", "NIX_STORE", "NIX_LOG_FD", "NIX_ENFORCE_PURITY", "IN_NIX_SHELL",
            "SOURCE_DATE_EPOCH", "HOST_PATH",
            // bash's own variables
            "COMP_WORDBREAKS", "DIRSTACK", "EPOCHREALTIME", "EPOCHSECONDS", "EUID", "GROUPS", "HISTCMD", "HOSTNAME",
            "HOSTTYPE", "IFS", "LINENO", "MACHTYPE", "OPTARG", "OPTERR", "OPTIND", "OSTYPE", "PIPESTATUS", "PPID",
            "PS1", "PS2", "PS3", "PS4", "RANDOM", "SECONDS", "SHELLOPTS", "SRANDOM", "UID", "_",
            // the derivation and stdenv bookkeeping
            "out", "outputs", "builder", "args", "name", "system", "stdenv", "shell", "shellHook", "phases",
            "buildPhase", "initialPath", "dontAddDisableDepTrack", "preferLocalBuild", "strictDeps", "doCheck",
            "doInstallCheck", "patches", "cmakeFlags", "configureFlags", "mesonFlags", "buildInputs",
            "nativeBuildInputs", "propagatedBuildInputs", "propagatedNativeBuildInputs", "depsBuildBuild",
            "depsBuildBuildPropagated", "depsBuildTarget", "depsBuildTargetPropagated", "depsHostHost",
            "depsHostHostPropagated", "depsTargetTarget", "depsTargetTargetPropagated", "defaultBuildInputs",
            "defaultNativeBuildInputs", "packages");
    /** Name prefixes dropped likewise: bash's {@code BASH*}, Nix's private {@code __*}. */
    static final List<String> DROPPED_PREFIXES = List.of("BASH", "__");

    private static final ObjectMapper JSON = new ObjectMapper();

    private DevEnvVariables() {
    }

    /** @throws IllegalArgumentException when the text is not print-dev-env's JSON */
    static SortedMap<String, String> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("variables").isObject()) {
            throw new IllegalArgumentException("it has no 'variables' object");
        }
        SortedMap<String, String> variables = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : root.path("variables").properties()) {
            String name = entry.getKey();
            if (dropped(name)) {
                continue;
            }
            JsonNode value = entry.getValue().path("value");
            switch (entry.getValue().path("type").asText()) {
                case "exported", "var" -> {
                    if (value.isValueNode() && !value.isNull()) {
                        variables.put(name, value.asText());
                    }
                }
                case "array" -> {
                    if (value.isArray()) {
                        List<String> items = new ArrayList<>();
                        value.forEach(item -> items.add(item.asText()));
                        variables.put(name, String.join(":", items));
                    }
                }
                default -> { } // associative arrays and unknown kinds have no place in an environment
            }
        }
        return variables;
    }

    static boolean dropped(String name) {
        return DROPPED.contains(name) || DROPPED_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
