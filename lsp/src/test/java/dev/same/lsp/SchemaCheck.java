package dev.same.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON Schema (draft 7) check for the keywords same.schema.json uses: type, enum, const, pattern, properties,
 * additionalProperties, propertyNames, required, items, minItems, anyOf, not and local $ref. A keyword it does
 * not know fails the check, so the schema cannot grow past what the test verifies.
 */
final class SchemaCheck {
    private static final List<String> KNOWN = List.of("$schema", "$id", "title", "description", "definitions", "type",
            "enum", "const", "pattern", "properties", "additionalProperties", "propertyNames", "required", "items",
            "minItems", "anyOf", "not", "$ref");

    private final JsonNode root;

    SchemaCheck(JsonNode root) {
        this.root = root;
    }

    /** The problems of {@code value} against the whole schema; empty when it is valid. */
    List<String> problems(JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(root, value, "$", problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String keyword = names.next();
            if (!KNOWN.contains(keyword)) {
                throw new IllegalArgumentException("keyword " + keyword + " is not checked by this test");
            }
        }
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asText()), value, at, problems);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(at + ": " + kind(value) + " is not of type " + schema.get("type"));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("const") && !equal(schema.get("const"), value)) {
            problems.add(at + ": " + value + " is not " + schema.get("const"));
        }
        if (schema.has("pattern") && value.isTextual()
                && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
            problems.add(at + ": '" + value.asText() + "' does not match " + schema.get("pattern").asText());
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode option : schema.get("anyOf")) {
                any |= subProblems(option, value, at).isEmpty();
            }
            if (!any) {
                problems.add(at + ": matches none of anyOf");
            }
        }
        if (schema.has("not") && subProblems(schema.get("not"), value, at).isEmpty()) {
            problems.add(at + ": matches what 'not' forbids: " + schema.get("not"));
        }
        if (value.isObject()) {
            object(schema, value, at, problems);
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                problems.add(at + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), at + "[" + i + "]", problems);
                }
            }
        }
    }

    private void object(JsonNode schema, JsonNode value, String at, List<String> problems) {
        JsonNode properties = schema.path("properties");
        if (schema.has("required")) {
            for (JsonNode name : schema.get("required")) {
                if (!value.has(name.asText())) {
                    problems.add(at + ": missing " + name.asText());
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String where = at + "." + field.getKey();
            if (schema.has("propertyNames")) {
                List<String> name = subProblems(schema.get("propertyNames"),
                        com.fasterxml.jackson.databind.node.TextNode.valueOf(field.getKey()), where);
                problems.addAll(name);
            }
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), where, problems);
            } else if (schema.has("additionalProperties")) {
                JsonNode additional = schema.get("additionalProperties");
                if (additional.isBoolean() && !additional.asBoolean()) {
                    problems.add(where + ": not allowed");
                } else if (additional.isObject()) {
                    check(additional, field.getValue(), where, problems);
                }
            }
        }
    }

    private List<String> subProblems(JsonNode schema, JsonNode value, String at) {
        List<String> problems = new ArrayList<>();
        check(schema, value, at, problems);
        return problems;
    }

    private JsonNode resolve(String reference) {
        if (!reference.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are checked: " + reference);
        }
        JsonNode node = root;
        for (String part : reference.substring(2).split("/")) {
            node = node.get(part);
        }
        return node;
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (equal(option, value)) {
                return true;
            }
        }
        return false;
    }

    /** JSON equality, where 1 and 1.0 are the same number. */
    private static boolean equal(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
