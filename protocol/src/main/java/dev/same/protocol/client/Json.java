package dev.same.protocol.client;

import com.google.gson.Strictness;
import dev.same.protocol.WireNamed;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the protocol's records on Gson's streaming reader and writer: records as objects of their components
 * (nulls left out), enums by name, lists, maps with string keys, strings, numbers and booleans. The client uses
 * this instead of a data-binding library, whose set-up (annotation introspection, adapter caches) costs a
 * short-lived CLI more than its whole warm run; Gson's stream classes start almost at once, where Jackson's
 * parser spends a noticeable part of a warm command in its static initialisers, even with the CLI's AOT cache.
 */
public final class Json {
    private Json() {
    }

    /** Encodes records, enums, collections, maps, strings, numbers, booleans and null. */
    static byte[] write(Object value) throws IOException {
        return text(value, false).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code value} as JSON text, as the wire has it: a record's null components are left out (an absent member
     * reads as null), a map's entries are all written, enums by name. Every {@code --json} output of the CLI is
     * written here, so it has the wire's shapes. With {@code indent}, one member per line, two spaces deeper at
     * each level.
     */
    public static String text(Object value, boolean indent) {
        StringWriter text = new StringWriter(256);
        try (JsonWriter writer = new JsonWriter(text)) {
            writer.setStrictness(Strictness.STRICT);
            writer.setSerializeNulls(true);
            if (indent) {
                writer.setIndent("  ");
            }
            write(writer, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    // Tests of instanceof, not a switch over types: a type switch is linked at its first use by generating a
    // class (SwitchBootstraps.typeSwitch), which the AOT cache does not keep, and a short-lived CLI paid for that
    // on every start.
    private static void write(JsonWriter out, Object value) throws IOException {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof String text) {
            out.value(text);
        } else if (value instanceof Boolean flag) {
            out.value(flag.booleanValue());
        } else if (value instanceof Integer || value instanceof Long) {
            out.value(((Number) value).longValue());
        } else if (value instanceof Number number) {
            out.value(number.doubleValue());
        } else if (value instanceof Enum<?> constant) {
            out.value(WireNamed.of(constant));
        } else if (value instanceof Map<?, ?> map) {
            out.beginObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.name(String.valueOf(entry.getKey()));
                write(out, entry.getValue());
            }
            out.endObject();
        } else if (value instanceof Collection<?> items) {
            out.beginArray();
            for (Object item : items) {
                write(out, item);
            }
            out.endArray();
        } else if (value instanceof Record record) {
            writeRecord(out, record);
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeRecord(JsonWriter out, Record record) throws IOException {
        out.beginObject();
        RecordShape shape = RecordShape.of(record.getClass());
        for (int i = 0; i < shape.size(); i++) {
            Object field = shape.get(record, i);
            if (field != null) {
                out.name(shape.name(i));
                write(out, field);
            }
        }
        out.endObject();
    }

    /**
     * Parses one JSON document into maps (in order), lists, strings, longs (numbers without fraction or
     * exponent that fit), doubles, booleans and nulls.
     */
    static Object parse(byte[] document) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(new String(document, StandardCharsets.UTF_8)));
        reader.setStrictness(Strictness.STRICT);
        try {
            if (reader.peek() == JsonToken.END_DOCUMENT) {
                throw new IOException("an empty JSON document");
            }
            Object value = tree(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IOException("more than one JSON value in a frame");
            }
            return value;
        } catch (IllegalStateException | NumberFormatException e) {
            throw new IOException("malformed JSON: " + e.getMessage(), e);
        }
    }

    private static Object tree(JsonReader reader) throws IOException {
        return switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    object.put(name, tree(reader));
                }
                reader.endObject();
                yield object;
            }
            case BEGIN_ARRAY -> {
                List<Object> array = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(tree(reader));
                }
                reader.endArray();
                yield array;
            }
            case STRING -> reader.nextString();
            case NUMBER -> number(reader.nextString());
            case BOOLEAN -> reader.nextBoolean();
            case NULL -> {
                reader.nextNull();
                yield null;
            }
            default -> throw new IOException("unexpected " + reader.peek() + " in JSON at " + reader.getPath());
        };
    }

    private static Object number(String literal) {
        boolean integral = literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
        if (integral) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException tooLarge) {
                // beyond a long: kept as a double, as a JavaScript client would
            }
        }
        return Double.parseDouble(literal);
    }

    /**
     * Builds a value of {@code type} from a parsed tree: a record from an object (absent components are null,
     * 0 or false; unknown members are ignored, so a newer daemon may add fields), and so on down.
     *
     * @throws IllegalArgumentException when the tree does not have the type's shape
     */
    @SuppressWarnings("unchecked")
    static <T> T bind(Object tree, Class<T> type) {
        return (T) bind(tree, (Type) type);
    }

    private static Object bind(Object tree, Type type) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (tree == null) {
                return null;
            }
            if (List.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw)) {
                List<Object> items = new ArrayList<>();
                for (Object item : as(tree, List.class, type)) {
                    items.add(bind(item, arguments[0]));
                }
                return java.util.Collections.unmodifiableList(items);
            }
            if (Map.class.isAssignableFrom(raw)) {
                Map<String, Object> entries = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) as(tree, Map.class, type)).entrySet()) {
                    entries.put((String) entry.getKey(), bind(entry.getValue(), arguments[1]));
                }
                return entries;
            }
            return bind(tree, raw);
        }
        Class<?> target = (Class<?>) type;
        if (tree == null) {
            return target.isPrimitive() ? zero(target) : null;
        }
        if (target == String.class) {
            return as(tree, String.class, type);
        }
        if (target == boolean.class || target == Boolean.class) {
            return as(tree, Boolean.class, type);
        }
        if (target == int.class || target == Integer.class) {
            return as(tree, Number.class, type).intValue();
        }
        if (target == long.class || target == Long.class) {
            return as(tree, Number.class, type).longValue();
        }
        if (target == double.class || target == Double.class) {
            return as(tree, Number.class, type).doubleValue();
        }
        if (target.isEnum()) {
            return constant(target, as(tree, String.class, type));
        }
        if (target.isRecord()) {
            return record(as(tree, Map.class, type), target);
        }
        if (target == Object.class) {
            return tree;
        }
        throw new IllegalArgumentException("cannot read JSON as " + target.getName());
    }

    private static Object record(Map<?, ?> object, Class<?> type) {
        RecordShape shape = RecordShape.of(type);
        Object[] values = new Object[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = bind(object.get(shape.name(i)), shape.type(i));
        }
        return shape.create(values);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object constant(Class<?> type, String name) {
        Object constant = WireNamed.constant((Class) type, name);
        if (constant == null) {
            throw new IllegalArgumentException("no " + type.getSimpleName() + " named '" + name + "'");
        }
        return constant;
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == int.class) {
            return 0;
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == double.class) {
            return 0.0;
        }
        throw new IllegalArgumentException("no default for " + primitive);
    }

    private static <T> T as(Object tree, Class<T> kind, Type wanted) {
        if (!kind.isInstance(tree)) {
            throw new IllegalArgumentException("expected " + wanted.getTypeName() + ", got "
                    + tree.getClass().getSimpleName());
        }
        return kind.cast(tree);
    }
}
