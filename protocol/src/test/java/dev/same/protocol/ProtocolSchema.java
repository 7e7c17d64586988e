package dev.same.protocol;

import dev.same.protocol.client.Json;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/**
 * protocol.schema.json: the contract as a JSON Schema generated from its Java definitions, for the clients in
 * other languages to check their mirrors against. {@code $defs} has every record reachable from
 * {@link SameServerApi} and {@link SameClientApi} (properties in component order; required unless
 * {@link Nullable}) and every enum (constants in declaration order); {@code x-requests} and
 * {@code x-notifications} map each Java method to its JSON-RPC method, params and result.
 */
final class ProtocolSchema {
    /** Relative to the protocol module, where Maven runs its tests. */
    static final Path FILE = Path.of("protocol.schema.json");
    static final String REGENERATE = "mvn -B -o -pl protocol test -Dtest=ProtocolSchemaTest -Dsame.writeSchema=true";

    private final Map<String, Object> defs = new TreeMap<>();

    private ProtocolSchema() {
    }

    static String generate() {
        return Json.text(new ProtocolSchema().tree(), true) + "\n";
    }

    private Map<String, Object> tree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        tree.put("title", "The same protocol, version " + Protocol.VERSION);
        tree.put("$comment", "Generated from protocol/src/main/java/dev/same/protocol by ProtocolSchemaTest; "
                + "do not edit. Regenerate: " + REGENERATE);
        tree.put("x-protocolVersion", Protocol.VERSION);
        tree.put("x-errorCodes", errorCodes());
        tree.put("x-requests", methods(SameServerApi.class, true));
        tree.put("x-notifications", methods(SameClientApi.class, false));
        tree.put("$defs", defs);
        return tree;
    }

    private static Map<String, Object> errorCodes() {
        Map<String, Object> codes = new TreeMap<>();
        for (Field field : ErrorCodes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                try {
                    codes.put(field.getName(), field.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return codes;
    }

    private Map<String, Object> methods(Class<?> api, boolean requests) {
        Map<String, Object> methods = new TreeMap<>();
        for (Method method : api.getMethods()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("method", requests ? method.getAnnotation(JsonRequest.class).value()
                    : method.getAnnotation(JsonNotification.class).value());
            if (method.getParameterCount() == 1) {
                entry.put("params", schema(method.getGenericParameterTypes()[0]));
            }
            if (requests) {
                entry.put("result", schema(((ParameterizedType) method.getGenericReturnType())
                        .getActualTypeArguments()[0]));
            }
            methods.put(method.getName(), entry);
        }
        return methods;
    }

    private Map<String, Object> schema(Type type) {
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            if (generic.getRawType() == List.class) {
                return ordered("type", "array", "items", schema(arguments[0]));
            }
            if (generic.getRawType() == Map.class && arguments[0] == String.class) {
                return ordered("type", "object", "additionalProperties", schema(arguments[1]));
            }
        } else if (type == String.class) {
            return ordered("type", "string");
        } else if (type == boolean.class || type == Boolean.class) {
            return ordered("type", "boolean");
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return ordered("type", "integer");
        } else if (type instanceof Class<?> named && (named.isEnum() || named.isRecord())) {
            if (!defs.containsKey(named.getSimpleName())) {
                defs.put(named.getSimpleName(), ordered()); // a placeholder, in case a record contains itself
                defs.put(named.getSimpleName(), named.isEnum() ? enumeration(named) : record(named));
            }
            return ordered("$ref", "#/$defs/" + named.getSimpleName());
        }
        throw new IllegalArgumentException(type.getTypeName() + " has no JSON form in the contract");
    }

    /** An object whose members keep their order (those of {@code Map.of} change from one run to the next). */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    private static Map<String, Object> enumeration(Class<?> type) {
        return ordered("type", "string", "enum",
                Arrays.stream(type.getEnumConstants()).map(constant -> WireNamed.of((Enum<?>) constant)).toList());
    }

    private Map<String, Object> record(Class<?> type) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            properties.put(component.getName(), schema(component.getGenericType()));
            if (!component.isAnnotationPresent(Nullable.class)) {
                required.add(component.getName());
            }
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "object");
        record.put("properties", properties);
        record.put("required", required);
        return record;
    }
}
