package org.chempark.sdk.rest;

import java.util.List;

/**
 * An error a client can act on, rendered as RFC 7807 problem+json with the given HTTP
 * status. Throw it from resources and services; never let a raw exception reach the client.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final String type;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, null, errors);
    }

    public ProblemException(int status, String title, String detail, String type, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.type = type;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() { return status; }
    public String title() { return title; }
    public String detail() { return getMessage(); }
    /** A URI identifying the problem type, or null for {@code about:blank}. */
    public String type() { return type; }
    public List<FieldError> errors() { return errors; }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail, List.of());
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not found", what + " '" + id + "' does not exist", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public static ProblemException conflict(String detail, FieldError error) {
        return new ProblemException(409, "Conflict", detail, List.of(error));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).message()
                : errors.size() + " fields are invalid; see 'errors'";
        return new ProblemException(422, "Validation failed", detail, errors);
    }
}
