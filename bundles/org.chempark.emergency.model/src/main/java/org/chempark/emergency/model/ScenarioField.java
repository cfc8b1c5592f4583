package org.chempark.emergency.model;

import java.util.function.DoubleUnaryOperator;
import org.chempark.emergency.model.internal.Check;

/**
 * A physical effect field of an accident scenario over the park plane, used by {@link DominoAnalysis}.
 * Implementations must be side-effect free.
 */
public interface ScenarioField {

    /** What the field's values mean. */
    enum Kind {
        /** Incident thermal radiation [kW/m²]. */
        HEAT_FLUX_KW_M2,
        /** Peak side-on overpressure [kPa]. */
        OVERPRESSURE_KPA
    }

    /** @return the kind (and unit) of the values */
    Kind kind();

    /**
     * @param east easting [m]
     * @param north northing [m]
     * @return the value at the point, in the unit of {@link #kind()}
     */
    double valueAt(double east, double north);

    /**
     * A radially symmetric field around a centre.
     *
     * @param kind kind of values
     * @param centreEast centre easting [m]
     * @param centreNorth centre northing [m]
     * @param valueAtDistance value as a function of horizontal distance from the centre [m]
     * @return field
     */
    static ScenarioField radial(Kind kind, double centreEast, double centreNorth, DoubleUnaryOperator valueAtDistance) {
        Check.notNull("kind", kind);
        Check.finite("centreEast [m]", centreEast);
        Check.finite("centreNorth [m]", centreNorth);
        Check.notNull("valueAtDistance", valueAtDistance);
        return new ScenarioField() {
            @Override
            public Kind kind() {
                return kind;
            }

            @Override
            public double valueAt(double east, double north) {
                return valueAtDistance.applyAsDouble(Math.hypot(east - centreEast, north - centreNorth));
            }
        };
    }
}
