package dev.same.lsp;

import dev.same.protocol.client.ConfigFileNames;
import dev.same.server.SameException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places the loader's errors and warnings in their files. The loader words its locations for people, in three
 * forms: {@code invalid YAML in NAME at line L, column C}, a {@code NAME:L: } prefix, and context lines
 * {@code at NAME:L} or {@code ID at NAME:L} (one per task of a cycle, one per project of a duplicate name).
 */
final class ProblemLocator {
    private static final Pattern YAML = Pattern.compile("invalid YAML in (\\S+) at line (\\d+), column (\\d+)");
    private static final Pattern PREFIX = Pattern.compile("^(\\S+\\.yaml):(\\d+): ");
    private static final Pattern CONTEXT = Pattern.compile("^(?:\\S+ )?at (\\S+\\.yaml)(?::(\\d+))?$");
    private static final Pattern DEFINED_IN = Pattern.compile("^'\\w+' defined in (\\S+\\.yaml) ");
    private static final Pattern MISSING_PROJECT_FILE = Pattern.compile("^same\\.yaml missing in project \\S+, skipping$");

    private ProblemLocator() {
    }

    /**
     * @param root     file names in messages are relative to it
     * @param fallback where a problem that names no file is shown
     */
    static List<Problem> locate(SameException error, Path root, Path fallback) {
        List<String> hints = new ArrayList<>();
        List<Problem> placed = new ArrayList<>();
        String message = error.getMessage();
        for (String line : error.context()) {
            if (!CONTEXT.matcher(line).matches()) {
                hints.add(line);
            }
        }
        Matcher yaml = YAML.matcher(message);
        Matcher prefix = PREFIX.matcher(message);
        String unplaced = withoutPlace(message);
        String text = hints.isEmpty() ? unplaced : unplaced + "\n" + String.join("\n", hints);
        if (yaml.find()) {
            placed.add(new Problem(root.resolve(yaml.group(1)), Integer.parseInt(yaml.group(2)),
                    Integer.parseInt(yaml.group(3)), text, false));
        } else if (prefix.find()) {
            placed.add(new Problem(root.resolve(prefix.group(1)), Integer.parseInt(prefix.group(2)), 0, text, false));
        }
        for (String line : error.context()) {
            Matcher at = CONTEXT.matcher(line);
            if (placed.isEmpty() || message.startsWith("cycle") || message.startsWith("duplicate project")) {
                if (at.matches()) {
                    placed.add(new Problem(root.resolve(at.group(1)), at.group(2) == null ? 0
                            : Integer.parseInt(at.group(2)), 0, text, false));
                }
            }
        }
        if (placed.isEmpty()) {
            placed.add(new Problem(fallback, 0, 0, text, false));
        }
        return placed;
    }

    /**
     * A warning such as {@code NAME:L: unknown key 'x' ignored}, or one in the original's words that names its file
     * ({@code 'root' defined in NAME is ignored in workspace mode}) or its project directory ({@code same.yaml
     * missing in project DIR, skipping}: shown on the workfile, whose pattern matched it); null when it names no place.
     */
    static Problem warning(String warning, Path root) {
        Matcher prefix = PREFIX.matcher(warning);
        if (prefix.find()) {
            return new Problem(root.resolve(prefix.group(1)), Integer.parseInt(prefix.group(2)), 0,
                    withoutPlace(warning), true);
        }
        Matcher defined = DEFINED_IN.matcher(warning);
        if (defined.find()) {
            return new Problem(root.resolve(defined.group(1)), 0, 0, warning, true);
        }
        return MISSING_PROJECT_FILE.matcher(warning).find()
                ? new Problem(root.resolve(ConfigFileNames.WORKFILE), 0, 0, warning, true)
                : null;
    }

    /**
     * The message without the file, line and column it starts with: the editor shows the problem at that place
     * and names it beside the message (Problems: {@code same.yaml packages/app … [Ln 5, Col 20]}).
     */
    static String withoutPlace(String message) {
        Matcher yaml = YAML.matcher(message);
        if (yaml.find()) { // after the original's words, "failed to parse config file: "
            String rest = message.substring(yaml.end());
            return message.substring(0, yaml.start()) + "invalid YAML"
                    + (rest.startsWith(": ") ? rest : ": " + rest.stripLeading());
        }
        Matcher prefix = PREFIX.matcher(message);
        return prefix.find() ? message.substring(prefix.end()) : message;
    }
}
