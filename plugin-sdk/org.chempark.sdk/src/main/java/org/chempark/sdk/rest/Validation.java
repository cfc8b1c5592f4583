package org.chempark.sdk.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every violated rule of a request before anything is written, then throws one
 * 422 listing all of them. Usage:
 *
 * <pre>
 * Validation v = new Validation();
 * v.required("name", body.name()).maxLength("name", body.name(), 200);
 * v.throwIfInvalid();
 * </pre>
 */
public final class Validation {
    private final List<FieldError> errors = new ArrayList<>();

    public Validation add(String field, String rule, String message) {
        errors.add(new FieldError(field, rule, message));
        return this;
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public Validation required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "required", field + " is required");
        }
        return this;
    }

    public Validation maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "maxLength", field + " must be at most " + max + " characters (got " + value.length() + ")");
        }
        return this;
    }

    public Validation pattern(String field, String value, Pattern pattern, String explanation) {
        if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
            add(field, "pattern", field + " " + explanation);
        }
        return this;
    }

    public Validation range(String field, Number value, double min, double max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max || Double.isNaN(value.doubleValue()))) {
            add(field, "range", field + " must be between " + fmt(min) + " and " + fmt(max) + " (got " + value + ")");
        }
        return this;
    }

    public Validation min(String field, Number value, double min) {
        if (value != null && (value.doubleValue() < min || Double.isNaN(value.doubleValue()))) {
            add(field, "min", field + " must be at least " + fmt(min) + " (got " + value + ")");
        }
        return this;
    }

    public Validation check(boolean ok, String field, String rule, String message) {
        if (!ok) {
            add(field, rule, message);
        }
        return this;
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
