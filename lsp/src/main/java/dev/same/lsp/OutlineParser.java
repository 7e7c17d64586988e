package dev.same.lsp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link ConfigOutline} from YAML text with Jackson's streaming parser, whose token locations give
 * line and column. Only the shape an outline needs is followed; everything else is skipped. Text that does
 * not parse gives no outline: the caller keeps the last good one.
 */
final class OutlineParser {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final YAMLParser parser;
    private final Lines lines;

    private OutlineParser(YAMLParser parser, Lines lines) {
        this.parser = parser;
        this.lines = lines;
    }

    static Optional<ConfigOutline> parse(Path file, String text) {
        try (YAMLParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.of(ConfigOutline.empty(file));
            }
            return Optional.of(new OutlineParser(parser, Lines.of(text)).top(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private ConfigOutline top(Path file) throws IOException {
        ConfigOutline.Named project = null;
        List<ConfigOutline.Named> tools = List.of();
        List<ConfigOutline.TaskEntry> tasks = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "project" -> project = value.isScalarValue() ? scalar() : skip(null);
                case "tools" -> tools = value == JsonToken.START_OBJECT ? keys() : skip(List.of());
                case "tasks" -> tasks = value == JsonToken.START_OBJECT ? tasks() : skip(List.of());
                default -> skip(null);
            }
        }
        return new ConfigOutline(file, project, tools, tasks);
    }

    private List<ConfigOutline.TaskEntry> tasks() throws IOException {
        List<ConfigOutline.TaskEntry> tasks = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            ConfigOutline.Named name = key();
            List<ConfigOutline.Named> dependsOn = List.of();
            List<ConfigOutline.Named> tools = List.of();
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (key) {
                        case "dependsOn" -> dependsOn = value == JsonToken.START_ARRAY ? scalars() : skip(List.of());
                        case "tools" -> tools = value == JsonToken.START_ARRAY ? scalars() : skip(List.of());
                        default -> skip(null);
                    }
                }
            } else {
                skip(null);
            }
            tasks.add(new ConfigOutline.TaskEntry(name, dependsOn, tools));
        }
        return tasks;
    }

    /** The keys of the mapping just opened; their values are skipped. */
    private List<ConfigOutline.Named> keys() throws IOException {
        List<ConfigOutline.Named> keys = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            keys.add(key());
            parser.nextToken();
            skip(null);
        }
        return keys;
    }

    /** The scalar items of the sequence just opened. */
    private List<ConfigOutline.Named> scalars() throws IOException {
        List<ConfigOutline.Named> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken().isScalarValue()) {
                items.add(scalar());
            } else {
                skip(null);
            }
        }
        return items;
    }

    private ConfigOutline.Named key() throws IOException {
        return named(parser.currentName(), parser.currentTokenLocation());
    }

    private ConfigOutline.Named scalar() throws IOException {
        return named(parser.getText(), parser.currentTokenLocation());
    }

    private ConfigOutline.Named named(String text, JsonLocation location) {
        int line = location.getLineNr() - 1;
        int start = location.getColumnNr() - 1;
        String source = lines.get(line);
        boolean quoted = start < source.length() && (source.charAt(start) == '"' || source.charAt(start) == '\'');
        int from = quoted ? start + 1 : start;
        return new ConfigOutline.Named(text, new Span(line, from, Math.min(source.length(), from + text.length())));
    }

    /** Skips the value the parser is on (a whole mapping or sequence), returning {@code result}. */
    private <T> T skip(T result) throws IOException {
        parser.skipChildren();
        return result;
    }
}
