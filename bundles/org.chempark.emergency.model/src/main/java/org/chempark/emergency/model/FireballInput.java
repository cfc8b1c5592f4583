package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Input of {@link Fireball}.
 *
 * @param fuelMass M, flammable mass in the fireball [kg], 1 … 1e7 (CCPS: often the whole vessel inventory)
 * @param heatOfCombustion ΔHc [J/kg]
 * @param vesselPressure absolute vessel pressure before rupture [Pa], 1e5 … 1e7 (radiative fraction)
 * @param ambientTemperature Ta [K], 223 … 323
 * @param relativeHumidity RH 0 … 1
 */
public record FireballInput(double fuelMass, double heatOfCombustion, double vesselPressure, double ambientTemperature,
        double relativeHumidity) {

    /** Validates the inputs. */
    public FireballInput {
        Check.range("fuelMass M [kg]", fuelMass, 1, 1e7);
        Check.rangeOpenLow("heatOfCombustion [J/kg]", heatOfCombustion, 0, 2e8);
        Check.range("vesselPressure [Pa]", vesselPressure, 1e5, 1e7);
        Check.range("ambientTemperature [K]", ambientTemperature, 223, 323);
        Check.range("relativeHumidity [-]", relativeHumidity, 0, 1);
    }
}
