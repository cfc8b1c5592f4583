package org.chempark.emergency.model;

/**
 * Thrown when an input of a consequence model is invalid: negative or non-finite values, wind speed
 * below the model's minimum, a distance outside the validity range of a correlation, or an unknown
 * chemical. The message always names the parameter, the offending value and the valid range.
 */
public class ModelInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String value;
    private final String validRange;

    /**
     * @param parameter name of the offending parameter (with unit), e.g. {@code "windSpeed [m/s]"}
     * @param value the offending value as given by the caller
     * @param validRange human readable description of the valid range, e.g. {@code ">= 0.5"}
     */
    public ModelInputException(String parameter, Object value, String validRange) {
        super("Invalid " + parameter + " = " + value + "; valid range: " + validRange);
        this.parameter = parameter;
        this.value = String.valueOf(value);
        this.validRange = validRange;
    }

    /** @return the name of the offending parameter (with unit) */
    public String parameter() {
        return parameter;
    }

    /** @return the offending value, rendered as text */
    public String value() {
        return value;
    }

    /** @return the valid range, rendered as text */
    public String validRange() {
        return validRange;
    }
}
