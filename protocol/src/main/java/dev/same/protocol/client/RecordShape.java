package dev.same.protocol.client;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

/**
 * A record type's components, their generic types, accessors and canonical constructor, looked up once per
 * type rather than for every value (reflection copies the components and parses their generic signatures at
 * each call).
 */
final class RecordShape {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private final Class<?> type;
    private final String[] names;
    private final Type[] types;
    private final Method[] accessors;
    private final Constructor<?> canonical;

    private RecordShape(Class<?> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        names = new String[components.length];
        types = new Type[components.length];
        accessors = new Method[components.length];
        Class<?>[] raw = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
            types[i] = components[i].getGenericType();
            accessors[i] = components[i].getAccessor();
            raw[i] = components[i].getType();
        }
        try {
            canonical = type.getDeclaredConstructor(raw);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
        }
    }

    static RecordShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    int size() {
        return names.length;
    }

    String name(int component) {
        return names[component];
    }

    Type type(int component) {
        return types[component];
    }

    Object get(Record record, int component) {
        try {
            return accessors[component].invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + names[component], e);
        }
    }

    Object create(Object[] values) {
        try {
            return canonical.newInstance(values);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("invalid " + type.getSimpleName() + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }
}
