package dev.same.protocol;

/**
 * An enum whose constants travel under a name of their own rather than the constant's ({@code "hashes"} for
 * {@link Subscription#HASHES}). Every JSON writer and reader of the contract, and its schema, go through
 * {@link #of(Enum)} and {@link #constant(Class, String)}.
 */
public interface WireNamed {
    String wireName();

    /** The constant's name on the wire. */
    static String of(Enum<?> constant) {
        return constant instanceof WireNamed named ? named.wireName() : constant.name();
    }

    /** The constant of {@code type} named {@code name} on the wire, or null if there is none. */
    static <E extends Enum<E>> E constant(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
