package dev.same.server.env.command;

import dev.same.server.process.Output;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an environment command prints: a JSON object of names to values ({@code mise env --json},
 * {@code direnv export json}; a null value means "not set" and is left out), or lines of {@code KEY=VALUE}, each
 * optionally starting with {@code export}. A value starting with a quote is read as a shell word ({@code 'single'},
 * {@code "double"} with backslash escapes, concatenations such as {@code 'it'\''s'}, then an optional
 * {@code # comment}); any other value is the rest of the line, as {@code env} and dotenv files print it. Blank
 * lines and {@code #} comment lines are skipped. Nothing printed is an empty environment.
 */
public final class EnvOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ASSIGNMENT = Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");

    private EnvOutput() {
    }

    /** @throws IllegalArgumentException saying what is wrong, when the text is neither form */
    static SortedMap<String, String> parse(String output) {
        String text = output.strip();
        if (text.startsWith("{")) {
            return json(text);
        }
        SortedMap<String, String> variables = new TreeMap<>();
        int number = 0;
        for (String line : text.lines().toList()) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher matcher = ASSIGNMENT.matcher(trimmed);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("line " + number + " is not KEY=VALUE: " + Output.trimmed(line));
            }
            String value = matcher.group(2).strip();
            try {
                variables.put(matcher.group(1), value.startsWith("'") || value.startsWith("\"") ? word(value) : value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage() + ": "
                        + Output.trimmed(line));
            }
        }
        return variables;
    }

    private static SortedMap<String, String> json(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("it is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
        SortedMap<String, String> variables = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.isEmpty() || name.contains("=") || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("'" + name + "' is not a variable name");
            }
            if (value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                throw new IllegalArgumentException("the value of " + name + " is not a string");
            }
            variables.put(name, value.asText());
        }
        return variables;
    }

    /** One shell word: bare, quoted and escaped pieces up to the first blank; a {@code #} comment may follow. */
    static String word(String text) {
        StringBuilder value = new StringBuilder();
        int i = 0;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> {
                    int end = text.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unterminated single quote");
                    }
                    value.append(text, i + 1, end);
                    i = end + 1;
                }
                case '"' -> i = doubleQuoted(text, i + 1, value);
                case '\\' -> {
                    if (i + 1 < text.length()) {
                        value.append(text.charAt(i + 1));
                    }
                    i += 2;
                }
                default -> {
                    value.append(c);
                    i++;
                }
            }
        }
        String rest = text.substring(Math.min(i, text.length())).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            throw new IllegalArgumentException("unexpected text after the quoted value");
        }
        return value.toString();
    }

    private static int doubleQuoted(String text, int start, StringBuilder value) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                value.append(text.charAt(i + 1));
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated double quote");
    }
}
