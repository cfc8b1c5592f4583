package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Antoine vapour-pressure equation in the handbook form (Lange's Handbook of Chemistry):
 *
 * <pre>
 * log10(P / mmHg) = A − B / (C + T/°C)
 * </pre>
 *
 * @param a A [-]
 * @param b B [°C]
 * @param c C [°C]
 * @param minCelsius lower end of the temperature range this library applies the fit in [°C]
 * @param maxCelsius upper end of that range [°C]
 */
public record AntoineCoefficients(double a, double b, double c, double minCelsius, double maxCelsius) {

    /** Pascal per mmHg (101325/760). */
    public static final double PA_PER_MMHG = 101_325.0 / 760.0;

    /** Validates the inputs. */
    public AntoineCoefficients {
        Check.finite("antoine A", a);
        Check.positive("antoine B [degC]", b);
        Check.finite("antoine C [degC]", c);
        Check.finite("antoine tmin [degC]", minCelsius);
        Check.range("antoine tmax [degC]", maxCelsius, minCelsius, 2000);
    }

    /**
     * Saturated vapour pressure.
     *
     * @param temperature liquid temperature [K], within [minCelsius, maxCelsius] + 273.15
     * @return vapour pressure [Pa]
     */
    public double vapourPressure(double temperature) {
        Check.range("temperature [K]", temperature, minCelsius + 273.15, maxCelsius + 273.15);
        double t = temperature - 273.15;
        return Math.pow(10, a - b / (c + t)) * PA_PER_MMHG;
    }
}
