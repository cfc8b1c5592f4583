package org.chempark.hazard.grading;

/**
 * Thrown when input to identification, grading or the detector check is invalid. The message always names the
 * field, the rejected value and what is allowed, e.g. {@code Invalid quantityTonnes = -1: must be a finite number >= 0 (tonnes)}.
 */
public class InvalidHazardInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String allowed;

    public InvalidHazardInputException(String field, Object value, String allowed) {
        super("Invalid " + field + " = " + render(value) + ": " + allowed);
        this.field = field;
        this.value = render(value);
        this.allowed = allowed;
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }

    /** The name of the offending field, e.g. {@code quantityTonnes}. */
    public String field() {
        return field;
    }

    /** The rejected value as text. */
    public String value() {
        return value;
    }

    /** What would have been accepted. */
    public String allowed() {
        return allowed;
    }
}
