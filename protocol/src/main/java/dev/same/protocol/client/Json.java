package dev.same.protocol.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the protocol's records on Jackson's streaming core: records as objects of their components (nulls
 * left out), enums by name, lists, maps with string keys, strings, numbers and booleans. The client uses this
 * instead of Jackson's data binding, whose set-up (annotation introspection, serializer caches) costs a
 * short-lived CLI more than its whole warm run.
 */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** Encodes records, enums, collections, maps, strings, numbers, booleans and null. */
    static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
            write(generator, value);
        }
        return bytes.toByteArray();
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case String text -> out.writeString(text);
            case Boolean flag -> out.writeBoolean(flag);
            case Integer number -> out.writeNumber(number);
            case Long number -> out.writeNumber(number);
            case Number number -> out.writeNumber(number.doubleValue());
            case Enum<?> constant -> out.writeString(constant.name());
            case Map<?, ?> map -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.writeFieldName(String.valueOf(entry.getKey()));
                    write(out, entry.getValue());
                }
                out.writeEndObject();
            }
            case Collection<?> items -> {
                out.writeStartArray();
                for (Object item : items) {
                    write(out, item);
                }
                out.writeEndArray();
            }
            case Record record -> {
                out.writeStartObject();
                RecordShape shape = RecordShape.of(record.getClass());
                for (int i = 0; i < shape.size(); i++) {
                    Object field = shape.get(record, i);
                    if (field != null) {
                        out.writeFieldName(shape.name(i));
                        write(out, field);
                    }
                }
                out.writeEndObject();
            }
            default -> throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    /** Parses one JSON document into maps (in order), lists, strings, longs, doubles, booleans and nulls. */
    static Object parse(byte[] document) throws IOException {
        try (JsonParser parser = FACTORY.createParser(document)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("an empty JSON document");
            }
            Object value = tree(parser);
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON value in a frame");
            }
            return value;
        }
    }

    private static Object tree(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, tree(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(parser));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + parser.currentToken() + " in JSON");
        };
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
        return Enum.valueOf((Class) type, name);
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
