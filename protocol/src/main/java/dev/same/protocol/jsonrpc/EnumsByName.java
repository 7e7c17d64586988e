package dev.same.protocol.jsonrpc;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * Enums travel by name ({@code "DIRTY"}), as PROTOCOL.md says, not by ordinal as lsp4j's default adapter
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
                out.value(value.name());
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
            if (token == JsonToken.NUMBER) {
                int ordinal = in.nextInt();
                if (ordinal < 0 || ordinal >= constants.length) {
                    throw new IOException("no " + type.getSimpleName() + " with number " + ordinal);
                }
                return constants[ordinal];
            }
            String name = in.nextString();
            for (E constant : constants) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            throw new IOException("no " + type.getSimpleName() + " named '" + name + "'");
        }
    }
}
