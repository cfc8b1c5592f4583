package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Conversion between mass concentration [mg/m³] and volume mixing ratio [ppm] of a gas, ideal-gas law:
 *
 * <pre>
 * ppm = C[mg/m³] · Vm / M · 1000,   Vm = R·T/P [m³/mol],  R = 8.314462618 J/(mol·K)
 * </pre>
 *
 * At 25 °C and 101 325 Pa, Vm = 24.465 L/mol, giving the familiar ppm = C·24.45/M
 * (NIOSH Pocket Guide conversion convention). Valid for T in 150 … 500 K, P in 50 … 200 kPa.
 */
public final class ConcentrationUnits {

    /** Universal gas constant [J/(mol·K)] (CODATA 2018). */
    public static final double GAS_CONSTANT = 8.314462618;
    /** Standard atmosphere [Pa]. */
    public static final double STANDARD_PRESSURE = 101_325.0;
    /** 25 °C [K], the reference temperature of NIOSH/ACGIH ppm ↔ mg/m³ conversions. */
    public static final double REFERENCE_TEMPERATURE = 298.15;

    private ConcentrationUnits() {
    }

    /**
     * @param mgPerM3 mass concentration [mg/m³], &ge; 0
     * @param molarMass molar mass [g/mol], &gt; 0
     * @param temperature air temperature [K], 150 … 500
     * @param pressure air pressure [Pa], 50 000 … 200 000
     * @return mixing ratio [ppm]
     */
    public static double mgPerM3ToPpm(double mgPerM3, double molarMass, double temperature, double pressure) {
        Check.nonNegative("concentration [mg/m3]", mgPerM3);
        return mgPerM3 * molarVolume(temperature, pressure) * 1000 / Check.positive("molarMass [g/mol]", molarMass);
    }

    /**
     * @param ppm mixing ratio [ppm], &ge; 0
     * @param molarMass molar mass [g/mol], &gt; 0
     * @param temperature air temperature [K], 150 … 500
     * @param pressure air pressure [Pa], 50 000 … 200 000
     * @return mass concentration [mg/m³]
     */
    public static double ppmToMgPerM3(double ppm, double molarMass, double temperature, double pressure) {
        Check.nonNegative("concentration [ppm]", ppm);
        return ppm * Check.positive("molarMass [g/mol]", molarMass) / (molarVolume(temperature, pressure) * 1000);
    }

    /** Molar volume of an ideal gas [m³/mol] at T [K] (150 … 500) and P [Pa] (50 000 … 200 000). */
    public static double molarVolume(double temperature, double pressure) {
        Check.range("temperature [K]", temperature, 150, 500);
        Check.range("pressure [Pa]", pressure, 50_000, 200_000);
        return GAS_CONSTANT * temperature / pressure;
    }
}
