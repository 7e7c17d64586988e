package dev.same.protocol;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component that may be null, and is then absent on the wire. Every other component of the contract's
 * records is always present. protocol.schema.json, which the TypeScript mirror is checked against, is generated
 * from these annotations.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {
}
