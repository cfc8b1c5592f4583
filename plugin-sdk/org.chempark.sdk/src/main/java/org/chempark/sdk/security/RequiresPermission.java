package org.chempark.sdk.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a caller needs to invoke a JAX-RS resource method, e.g.
 * {@code @RequiresPermission("asset:read")}. On the class it applies to every method that
 * has no annotation of its own; on a method it replaces the class's. Without a token the
 * caller gets 401, without the permission 403.
 *
 * <p>The permission must be one the module declares in its
 * {@link org.chempark.sdk.module.ModuleDescriptor} ({@code <module>:<action>}), so roles
 * can grant it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RequiresPermission {
    /** {@code <module>:<action>}, e.g. {@code asset:write}. */
    String value();
}
