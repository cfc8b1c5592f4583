package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;
import org.chempark.emergency.model.internal.ContourBuilder;

/**
 * Gaussian puff for an instantaneous, passive release of a mass M, transported by the wind, with total
 * ground reflection.
 *
 * <p>Formula (CCPS "Guidelines for Consequence Analysis of Chemical Releases" 1999, §2.3.1, puff
 * equation; Crowl &amp; Louvar "Chemical Process Safety", instantaneous puff with reflection;
 * TNO Yellow Book CPR 14E ch. 4):
 *
 * <pre>
 * C(x,y,z,t) = M / ((2π)^{3/2}·σx·σy·σz) · exp(−(x−u·t)²/2σx²) · exp(−y²/2σy²)
 *              · [exp(−(z−H)²/2σz²) + exp(−(z+H)²/2σz²)]
 * </pre>
 *
 * with σ evaluated at the distance travelled by the puff centre, u·t, σx = σy
 * ({@link PuffSigmaScheme}). The <em>peak</em> concentration at a fixed point is approximated by the
 * value when the puff centre passes it (t = x/u).
 *
 * <ul>
 *   <li>M released mass [kg] (result in mg/m³)</li>
 *   <li>u wind speed [m/s], &ge; {@value GaussianPlume#MIN_WIND_SPEED}</li>
 *   <li>H release height [m], 0 … 500</li>
 *   <li>u·t from {@value DispersionCoefficients#MIN_DISTANCE} to {@value DispersionCoefficients#MAX_DISTANCE} m</li>
 * </ul>
 *
 * @param releasedMass M [kg], &gt; 0
 * @param sourceHeight H [m], 0 … 500
 * @param windSpeed u [m/s], {@value GaussianPlume#MIN_WIND_SPEED} … 50
 * @param stability Pasquill–Gifford class
 * @param scheme dispersion coefficients
 */
public record GaussianPuff(double releasedMass, double sourceHeight, double windSpeed, StabilityClass stability,
        PuffSigmaScheme scheme) {

    /** Validates the inputs. */
    public GaussianPuff {
        Check.positive("releasedMass [kg]", releasedMass);
        Check.range("sourceHeight [m]", sourceHeight, 0, 500);
        Check.range("windSpeed [m/s]", windSpeed, GaussianPlume.MIN_WIND_SPEED, 50);
        Check.notNull("stability", stability);
        Check.notNull("scheme", scheme);
    }

    /**
     * Concentration at a point and time.
     *
     * @param x downwind coordinate from the release point [m] (finite)
     * @param y crosswind coordinate [m] (finite)
     * @param z height [m], 0 … 5000
     * @param t time since release [s]; u·t must be within
     *     [{@value DispersionCoefficients#MIN_DISTANCE}, {@value DispersionCoefficients#MAX_DISTANCE}] m
     * @return concentration [mg/m³]
     */
    public double concentration(double x, double y, double z, double t) {
        Check.finite("x [m]", x);
        Check.finite("y [m]", y);
        Check.range("z [m]", z, 0, 5000);
        Check.finite("t [s]", t);
        double travelled = windSpeed * t;
        Check.range("travelDistance u*t [m]", travelled, DispersionCoefficients.MIN_DISTANCE,
                DispersionCoefficients.MAX_DISTANCE);
        return raw(x, y, z, travelled);
    }

    /**
     * Peak concentration at a point, approximated as the value when the puff centre passes (t = x/u).
     *
     * @param x downwind distance [m]; &le; 0 returns 0, else
     *     {@value DispersionCoefficients#MIN_DISTANCE} … {@value DispersionCoefficients#MAX_DISTANCE}
     * @param y crosswind distance [m]
     * @param z height [m], 0 … 5000
     * @return peak concentration [mg/m³]
     */
    public double peakConcentration(double x, double y, double z) {
        Check.finite("x [m]", x);
        Check.finite("y [m]", y);
        Check.range("z [m]", z, 0, 5000);
        if (x <= 0) {
            return 0;
        }
        Check.range("downwindDistance x [m]", x, DispersionCoefficients.MIN_DISTANCE, DispersionCoefficients.MAX_DISTANCE);
        return raw(x, y, z, x);
    }

    /**
     * Time at which the puff centre reaches downwind distance x.
     *
     * @param x downwind distance [m], &ge; 0
     * @return x/u [s]
     */
    public double arrivalTime(double x) {
        Check.nonNegative("x [m]", x);
        return x / windSpeed;
    }

    /**
     * Farthest downwind distance at which the peak centreline concentration reaches the threshold.
     *
     * @param threshold [mg/m³], &gt; 0
     * @param z evaluation height [m]
     * @return distance [m], 0 if never reached
     */
    public double maxThresholdDistance(double threshold, double z) {
        return thresholdContour(threshold, z).maxDownwindDistance();
    }

    /**
     * Outline of the area swept by peak concentrations &ge; threshold (the puff's footprint), local frame.
     *
     * @param threshold [mg/m³], &gt; 0
     * @param z evaluation height [m], 0 … 5000
     * @return contour
     */
    public ThresholdContour thresholdContour(double threshold, double z) {
        Check.positive("threshold [mg/m3]", threshold);
        Check.range("z [m]", z, 0, 5000);
        return ContourBuilder.build(x -> raw(x, 0, z, x), this::sigmaY, threshold,
                DispersionCoefficients.MIN_DISTANCE, DispersionCoefficients.MAX_DISTANCE);
    }

    private double sigmaY(double d) {
        int cls = stability.ordinal();
        switch (scheme) {
            case SLADE:
                return DispersionCoefficients.puffSigmaYUnchecked(cls, d);
            case BRIGGS_URBAN:
                return DispersionCoefficients.plumeSigmaYUnchecked(cls, true, d);
            default:
                return DispersionCoefficients.plumeSigmaYUnchecked(cls, false, d);
        }
    }

    private double sigmaZ(double d) {
        int cls = stability.ordinal();
        switch (scheme) {
            case SLADE:
                return DispersionCoefficients.puffSigmaZUnchecked(cls, d);
            case BRIGGS_URBAN:
                return DispersionCoefficients.plumeSigmaZUnchecked(cls, true, d);
            default:
                return DispersionCoefficients.plumeSigmaZUnchecked(cls, false, d);
        }
    }

    private double raw(double x, double y, double z, double travelled) {
        double sy = sigmaY(travelled);
        double sz = sigmaZ(travelled);
        double sx = sy;
        double ax = (x - travelled) / sx;
        double ay = y / sy;
        double a = (z - sourceHeight) / sz;
        double b = (z + sourceHeight) / sz;
        return releasedMass * 1e6 / (Math.pow(2 * Math.PI, 1.5) * sx * sy * sz) * Math.exp(-0.5 * (ax * ax + ay * ay))
                * (Math.exp(-0.5 * a * a) + Math.exp(-0.5 * b * b));
    }
}
