package org.chempark.sdk.rest;

/**
 * One violated rule on one field of a request.
 *
 * @param field   JSON path of the field, e.g. {@code creditCode} or {@code limits.hh}
 * @param rule    machine-readable rule, e.g. {@code required}, {@code pattern}, {@code range}
 * @param message what is wrong and what to do, for a person
 */
public record FieldError(String field, String rule, String message) {
}
