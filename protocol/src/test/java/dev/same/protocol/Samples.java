package dev.same.protocol;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/** A value of any type of the contract with every component set (nothing null, collections of one). */
public final class Samples {
    private Samples() {
    }

    public static Object of(Type type) {
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            Class<?> raw = (Class<?>) generic.getRawType();
            if (raw == List.class) {
                return List.of(of(arguments[0]));
            }
            if (raw == Map.class) {
                return Map.of("key", of(arguments[1]));
            }
            throw new IllegalArgumentException("no sample of " + type);
        }
        Class<?> target = (Class<?>) type;
        if (target == String.class) {
            return "text";
        }
        if (target == boolean.class || target == Boolean.class) {
            return true;
        }
        if (target == int.class || target == Integer.class) {
            return 7;
        }
        if (target == long.class || target == Long.class) {
            return 7L;
        }
        if (target.isEnum()) {
            Object[] constants = target.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (target.isRecord()) {
            return record(target);
        }
        throw new IllegalArgumentException("no sample of " + type);
    }

    private static Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] raw = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            raw[i] = components[i].getType();
            values[i] = of(components[i].getGenericType());
        }
        try {
            return type.getDeclaredConstructor(raw).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + type.getName(), e);
        }
    }
}
