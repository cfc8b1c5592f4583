package org.chempark.security.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A method a user who must change the password may still call (change password, who am I, logout). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface BeforePasswordChange {
}
