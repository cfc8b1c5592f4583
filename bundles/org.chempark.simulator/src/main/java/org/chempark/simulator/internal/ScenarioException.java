package org.chempark.simulator.internal;

/** A scenario request that cannot be carried out; {@link #field} names the request field at fault. */
final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;
    final boolean notFound;

    ScenarioException(String field, String message, boolean notFound) {
        super(message);
        this.field = field;
        this.notFound = notFound;
    }
}
