package org.chempark.emergency.model;

/**
 * Exposure of one neighbour unit to a scenario field.
 *
 * @param unit the unit
 * @param kind kind of the value
 * @param value the value the unit sees (kW/m² or kPa)
 * @param threshold the escalation threshold for its type (same unit)
 * @param escalation true if value ≥ threshold
 */
public record DominoExposure(NeighbourUnit unit, ScenarioField.Kind kind, double value, double threshold,
        boolean escalation) {

    /** @return value / threshold */
    public double ratio() {
        return value / threshold;
    }
}
