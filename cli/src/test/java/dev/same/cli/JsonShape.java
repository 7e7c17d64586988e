package dev.same.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.protocol.Nullable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a parsed JSON tree against a type of the contract: a record is an object of its components, each present
 * unless {@link Nullable} and then absent rather than null (the one rule for nulls, on the wire and in every
 * {@code --json} output), and nothing else; strings, integers, booleans, enum names, lists and string maps as the
 * types say.
 */
final class JsonShape {
    private JsonShape() {
    }

    static void check(Object tree, Type type) {
        check(tree, type, "$");
    }

    private static void check(Object tree, Type type, String path) {
        assertNotNull(tree, path + " is null: nulls are left out");
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            if (generic.getRawType() == List.class) {
                List<?> items = assertInstanceOf(List.class, tree, path);
                for (int i = 0; i < items.size(); i++) {
                    check(items.get(i), arguments[0], path + "[" + i + "]");
                }
            } else {
                assertEquals(Map.class, generic.getRawType(), path);
                Map<?, ?> entries = assertInstanceOf(Map.class, tree, path);
                for (Map.Entry<?, ?> entry : entries.entrySet()) {
                    check(entry.getValue(), arguments[1], path + "." + entry.getKey());
                }
            }
        } else if (type == String.class) {
            assertInstanceOf(String.class, tree, path);
        } else if (type == boolean.class || type == Boolean.class) {
            assertInstanceOf(Boolean.class, tree, path);
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            assertInstanceOf(Long.class, tree, path);
        } else if (type instanceof Class<?> named && named.isEnum()) {
            String name = assertInstanceOf(String.class, tree, path);
            assertTrue(Arrays.stream(named.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(name)),
                    path + ": " + name + " is no " + named.getSimpleName());
        } else if (type instanceof Class<?> named && named.isRecord()) {
            record(assertInstanceOf(Map.class, tree, path), named, path);
        } else {
            throw new IllegalArgumentException(path + ": " + type + " is not a type of the contract");
        }
    }

    private static void record(Map<?, ?> object, Class<?> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Set<String> names = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
        for (Object key : object.keySet()) {
            assertTrue(names.contains(key), path + "." + key + " is no component of " + type.getSimpleName());
        }
        for (RecordComponent component : components) {
            String at = path + "." + component.getName();
            if (object.containsKey(component.getName())) {
                check(object.get(component.getName()), component.getGenericType(), at);
            } else {
                assertTrue(component.isAnnotationPresent(Nullable.class), at + " is missing");
            }
        }
    }
}
