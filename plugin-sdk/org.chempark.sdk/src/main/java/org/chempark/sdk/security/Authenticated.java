package org.chempark.sdk.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JAX-RS resource method (or class) any logged-in caller may use, whatever its
 * permissions: e.g. "my profile", "my notifications". Records it returns must still be
 * limited to the caller (use {@link CurrentSubject} and {@link DataScope}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Authenticated {
}
