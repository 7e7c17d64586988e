package dev.same.protocol.jsonrpc;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Set;

/**
 * Gson's number adapters fail without saying where ({@code For input string: "x"}); these say which field, in
 * the words of Gson's other errors ({@code Expected a number but was STRING path $.params.parallel}), so that
 * {@link InvalidParams} can name it.
 */
final class NumbersWithPath implements TypeAdapterFactory {
    private static final Set<Class<?>> NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class, float.class, Float.class, short.class, Short.class, byte.class, Byte.class);

    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        if (!NUMBERS.contains(type.getRawType())) {
            return null;
        }
        TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
        return new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                delegate.write(out, value);
            }

            @Override
            public T read(JsonReader in) throws IOException {
                String path = in.getPath();
                var token = in.peek();
                try {
                    return delegate.read(in);
                } catch (RuntimeException e) {
                    throw new JsonSyntaxException("Expected a number but was " + token + " path " + path, e);
                }
            }
        };
    }
}
