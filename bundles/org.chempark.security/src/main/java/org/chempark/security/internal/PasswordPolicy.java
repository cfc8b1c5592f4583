package org.chempark.security.internal;

import java.util.Locale;

import org.chempark.sdk.rest.Validation;

/** Password complexity (等保 2.0 level 3: length and character classes, not the username). */
final class PasswordPolicy {
    private PasswordPolicy() {
    }

    static void check(Validation v, String field, String password, String username, Policy policy) {
        if (password == null || password.isEmpty()) {
            v.add(field, "required", field + " is required");
            return;
        }
        if (password.length() < policy.minLength()) {
            v.add(field, "minLength", "The password must have at least " + policy.minLength() + " characters");
        }
        if (password.length() > 128) {
            v.add(field, "maxLength", "The password must have at most 128 characters");
        }
        if (classes(password) < policy.minClasses()) {
            v.add(field, "complexity", "The password must mix at least " + policy.minClasses()
                    + " of: lower case letters, upper case letters, digits, symbols");
        }
        if (username != null && username.length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            v.add(field, "username", "The password must not contain the username");
        }
    }

    static int classes(String p) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else if (!Character.isWhitespace(c) || c == ' ') {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
