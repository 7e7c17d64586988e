package dev.same.server.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.same.server.hash.InputFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reading and writing the cache's JSON records with Jackson's streaming API. The records are read on every
 * command's path (status, a cached run, a remote hit); Jackson's data binding builds its (de)serializers by
 * introspection at first use, which cost a command run in process about a tenth of its time, so the few record
 * types are written and read field by field instead.
 *
 * <p>A reader skips fields it does not know (a newer format's additions) and throws {@link JsonParseException} for
 * a value of the wrong type; a field that is absent stays null (or 0), which the record's own checks refuse.
 */
public final class JsonStreams {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
            .build();

    private JsonStreams() {
    }

    /** What writes one record's JSON. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    /** What reads one record from a parser placed before its first token. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(JsonParser json) throws IOException;
    }

    public static byte[] write(Writer writer) {
        var bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /** Reads one value from {@code bytes}; trailing content other than white space is refused. */
    public static <T> T read(byte[] bytes, Reader<T> reader) throws IOException {
        try (JsonParser json = FACTORY.createParser(bytes)) {
            json.nextToken();
            T value = reader.read(json);
            if (json.nextToken() != null) {
                throw new JsonParseException(json, "content after the record");
            }
            return value;
        }
    }

    /** Calls {@code field} with each field's name, the parser on its value; null for a JSON null object. */
    public static boolean object(JsonParser json, FieldReader field) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return false;
        }
        expect(json, JsonToken.START_OBJECT);
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            field.read(name);
        }
        expect(json, JsonToken.END_OBJECT);
        return true;
    }

    /** Reads one field's value; {@link #skip} what is not known. */
    @FunctionalInterface
    public interface FieldReader {
        void read(String name) throws IOException;
    }

    /** Skips the current value, however deep. */
    public static void skip(JsonParser json) throws IOException {
        json.skipChildren();
    }

    /** The current value as a list (null for JSON null), each element read by {@code element}. */
    public static <T> List<T> list(JsonParser json, Reader<T> element) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(json, JsonToken.START_ARRAY);
        List<T> values = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            values.add(element.read(json));
        }
        return values;
    }

    /** The current value as a string, or null for JSON null. */
    public static String string(JsonParser json) throws IOException {
        return switch (json.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> json.getText();
            default -> throw new JsonParseException(json, "a string was expected, not " + json.currentToken());
        };
    }

    public static long number(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new JsonParseException(json, "a whole number was expected, not " + json.currentToken());
        }
        return json.getLongValue();
    }

    /** The current value as a whole number, or null for JSON null. */
    public static Long optionalNumber(JsonParser json) throws IOException {
        return json.currentToken() == JsonToken.VALUE_NULL ? null : number(json);
    }

    public static boolean bool(JsonParser json) throws IOException {
        return switch (json.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw new JsonParseException(json, "true or false was expected, not " + json.currentToken());
        };
    }

    /** The current value as a map of strings to strings (null for JSON null). */
    public static SortedMap<String, String> stringMap(JsonParser json) throws IOException {
        SortedMap<String, String> map = new TreeMap<>();
        return object(json, name -> map.put(name, string(json))) ? map : null;
    }

    public static void writeStringMap(JsonGenerator json, String name, SortedMap<String, String> map)
            throws IOException {
        json.writeFieldName(name);
        if (map == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        for (var entry : map.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    /** The current value as a list of input files: {@code [{"path": ..., "digest": ...}]}. */
    public static List<InputFile> inputs(JsonParser json) throws IOException {
        return list(json, element -> {
            String[] fields = new String[2];
            return object(element, name -> {
                switch (name) {
                    case "path" -> fields[0] = string(element);
                    case "digest" -> fields[1] = string(element);
                    default -> skip(element);
                }
            }) ? new InputFile(fields[0], fields[1]) : null;
        });
    }

    public static void writeInputs(JsonGenerator json, String name, List<InputFile> inputs) throws IOException {
        json.writeFieldName(name);
        if (inputs == null) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (InputFile input : inputs) {
            json.writeStartObject();
            json.writeStringField("path", input.path());
            json.writeStringField("digest", input.digest());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void expect(JsonParser json, JsonToken token) throws IOException {
        if (json.currentToken() != token) {
            throw new JsonParseException(json, token + " was expected, not " + json.currentToken());
        }
    }
}
