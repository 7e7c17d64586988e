package dev.same.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.same.server.SameException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * Parses YAML text into {@link YamlNode}s with line numbers, in one pass over Jackson's streaming
 * {@link YAMLParser}. Jackson's own tree has no locations, and its parser silently turns an alias
 * ({@code *name}) into the anchor's name, so aliases are rejected here instead of misread.
 */
final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final YAMLParser parser;
    private final String fileName;

    private YamlReader(YAMLParser parser, String fileName) {
        this.parser = parser;
        this.fileName = fileName;
    }

    /**
     * @param fileName how the file is named in messages
     * @return the document's top-level value; {@link YamlNode.Null} for an empty document
     * @throws SameException for invalid YAML, duplicate keys, aliases or several documents
     */
    static YamlNode parse(String text, String fileName) {
        try (YAMLParser parser = FACTORY.createParser(text)) {
            var reader = new YamlReader(parser, fileName);
            if (parser.nextToken() == null) {
                return new YamlNode.Null(1);
            }
            YamlNode document = reader.readValue();
            if (parser.nextToken() != null) {
                throw reader.invalid(parser.currentTokenLocation(), "expected a single document, found another one");
            }
            return document;
        } catch (JsonProcessingException e) {
            throw syntaxError(e, fileName);
        } catch (IOException e) {
            // Parsing a String does no I/O; anything else is a parser failure to report as such.
            throw new SameException("invalid YAML in " + fileName + ": " + e.getMessage());
        }
    }

    private YamlNode readValue() throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        if (parser.isCurrentAlias()) {
            throw new SameException(fileName + ":" + line + ": YAML aliases (*" + parser.getText()
                    + ") are not supported; repeat the value instead");
        }
        return switch (parser.currentToken()) {
            case START_OBJECT -> readMapping(line);
            case START_ARRAY -> readSequence(line);
            case VALUE_NULL -> new YamlNode.Null(line);
            default -> new YamlNode.Scalar(parser.getText(), line);
        };
    }

    private YamlNode.Mapping readMapping(int line) throws IOException {
        SequencedMap<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyLocation = parser.currentTokenLocation();
            if (entries.containsKey(key)) {
                throw invalid(keyLocation, "duplicate key '" + key + "'");
            }
            parser.nextToken();
            entries.put(key, new YamlNode.Entry(key, keyLocation.getLineNr(), readValue()));
        }
        return new YamlNode.Mapping(entries, line);
    }

    private YamlNode.Sequence readSequence(int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue());
        }
        return new YamlNode.Sequence(items, line);
    }

    private SameException invalid(JsonLocation location, String problem) {
        return invalid(fileName, location.getLineNr(), location.getColumnNr(), problem, List.of());
    }

    private static SameException syntaxError(JsonProcessingException e, String fileName) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            List<String> context = new ArrayList<>();
            if (marked.getContext() != null && marked.getContextMark() != null) {
                Mark start = marked.getContextMark();
                context.add(marked.getContext() + " started at line " + (start.getLine() + 1)
                        + ", column " + (start.getColumn() + 1));
            }
            return invalid(fileName, mark.getLine() + 1, mark.getColumn() + 1, marked.getProblem(), context);
        }
        JsonLocation location = e.getLocation();
        String problem = e.getOriginalMessage();
        return location == null
                ? new SameException("invalid YAML in " + fileName + ": " + problem)
                : invalid(fileName, location.getLineNr(), location.getColumnNr(), problem, List.of());
    }

    private static SameException invalid(String fileName, int line, int column, String problem, List<String> context) {
        return new SameException("invalid YAML in " + fileName + " at line " + line + ", column " + column
                + ": " + problem, context);
    }
}
