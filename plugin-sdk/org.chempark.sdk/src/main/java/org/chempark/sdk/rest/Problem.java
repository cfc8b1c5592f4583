package org.chempark.sdk.rest;

import java.util.List;

/**
 * The RFC 7807 body. {@code errors} is the extension member listing field violations.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static Problem of(ProblemException e, String instance) {
        return new Problem(e.type() == null ? "about:blank" : e.type(), e.title(), e.status(), e.detail(), instance,
                e.errors().isEmpty() ? null : e.errors());
    }
}
