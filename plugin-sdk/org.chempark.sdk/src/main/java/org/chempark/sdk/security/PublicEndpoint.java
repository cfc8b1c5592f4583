package org.chempark.sdk.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JAX-RS resource method (or every method of a class) anyone may call without logging
 * in: login, token refresh, health. Use it sparingly; everything else needs
 * {@link RequiresPermission} or {@link Authenticated}. When a valid token is sent anyway,
 * the caller is still available through {@link CurrentSubject#find()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface PublicEndpoint {
}
