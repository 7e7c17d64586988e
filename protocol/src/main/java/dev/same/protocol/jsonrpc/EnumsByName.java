package dev.same.protocol.jsonrpc;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.same.protocol.WireNamed;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Enums travel by name ({@code "DIRTY"}, or their {@link WireNamed} name), as PROTOCOL.md says, not by ordinal as lsp4j's default adapter
 * writes them: names survive reordering and read well in any client. Ordinals are still accepted on input.
 */
final class EnumsByName implements TypeAdapterFactory {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        if (!raw.isEnum()) {
            return null;
        }
        return (TypeAdapter<T>) new Adapter(raw);
    }

    private static final class Adapter<E extends Enum<E>> extends TypeAdapter<E> {
        private final Class<E> type;

        Adapter(Class<E> type) {
            this.type = type;
        }

        @Override
        public void write(JsonWriter out, E value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(WireNamed.of(value));
            }
        }

        @Override
        public E read(JsonReader in) throws IOException {
            JsonToken token = in.peek();
            if (token == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            E[] constants = type.getEnumConstants();
            String path = in.getPath();
            if (token == JsonToken.NUMBER) {
                int ordinal = in.nextInt();
                if (ordinal < 0 || ordinal >= constants.length) {
                    throw unknown(String.valueOf(ordinal), path);
                }
                return constants[ordinal];
            }
            String name = in.nextString();
            E constant = WireNamed.constant(type, name);
            if (constant == null) {
                throw unknown("\"" + name + "\"", path);
            }
            return constant;
        }

        /** In the words of Gson's own errors, so that {@link InvalidParams} names the field. */
        private JsonSyntaxException unknown(String value, String path) {
            String names = Arrays.stream(type.getEnumConstants()).map(WireNamed::of).collect(Collectors.joining(", "));
            return new JsonSyntaxException("Expected one of " + names + " but was " + value + " path " + path);
        }
    }
}
