package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;
import org.chempark.emergency.model.internal.ContourBuilder;

/**
 * Gaussian plume for a continuous, passive (neutrally buoyant) release with total ground reflection.
 *
 * <p>Formula (CCPS "Guidelines for Consequence Analysis of Chemical Releases" 1999, §2.3.1, eq. 2.3.x;
 * Crowl &amp; Louvar "Chemical Process Safety", continuous elevated release with reflection; TNO Yellow
 * Book CPR 14E, ch. 4; the Gaussian model of AQ/T 3046 / GB/T 37243-2019 consequence practice):
 *
 * <pre>
 * C(x,y,z) = Q / (2π·u·σy·σz) · exp(−y²/2σy²) · [exp(−(z−H)²/2σz²) + exp(−(z+H)²/2σz²)]
 * </pre>
 *
 * <ul>
 *   <li>Q emission rate [kg/s] (result converted to mg/m³: ×10⁶)</li>
 *   <li>u wind speed at release height [m/s], &ge; {@value #MIN_WIND_SPEED} (the model is singular as u → 0)</li>
 *   <li>H effective source height (release height + plume rise) [m], 0 … 500</li>
 *   <li>σy, σz Briggs coefficients [m] ({@link DispersionCoefficients}), x from
 *       {@value DispersionCoefficients#MIN_DISTANCE} m to {@value DispersionCoefficients#MAX_DISTANCE} m</li>
 * </ul>
 *
 * <p>Limits: passive gas only (no dense-gas slumping, no plume rise computed — pass the effective
 * height), steady wind, flat terrain, no deposition or decay, no mixing-height reflection. Points with
 * x &le; 0 (upwind or at the source) return 0.
 *
 * @param emissionRate Q [kg/s], &gt; 0
 * @param sourceHeight H [m], 0 … 500
 * @param windSpeed u [m/s], {@value #MIN_WIND_SPEED} … 50
 * @param stability Pasquill–Gifford class
 * @param terrain rural or urban coefficient set
 */
public record GaussianPlume(double emissionRate, double sourceHeight, double windSpeed, StabilityClass stability,
        DispersionTerrain terrain) {

    /** Minimum wind speed accepted by the Gaussian models [m/s]. */
    public static final double MIN_WIND_SPEED = 0.5;

    /** Validates the inputs. */
    public GaussianPlume {
        Check.positive("emissionRate [kg/s]", emissionRate);
        Check.range("sourceHeight [m]", sourceHeight, 0, 500);
        Check.range("windSpeed [m/s]", windSpeed, MIN_WIND_SPEED, 50);
        Check.notNull("stability", stability);
        Check.notNull("terrain", terrain);
    }

    /**
     * Concentration at a point.
     *
     * @param x downwind distance [m]; &le; 0 returns 0, else {@value DispersionCoefficients#MIN_DISTANCE}
     *     … {@value DispersionCoefficients#MAX_DISTANCE}
     * @param y crosswind distance [m] (finite)
     * @param z height above ground [m], 0 … 5000
     * @return concentration [mg/m³]
     */
    public double concentration(double x, double y, double z) {
        Check.finite("x [m]", x);
        Check.finite("y [m]", y);
        Check.range("z [m]", z, 0, 5000);
        if (x <= 0) {
            return 0;
        }
        Check.range("downwindDistance x [m]", x, DispersionCoefficients.MIN_DISTANCE, DispersionCoefficients.MAX_DISTANCE);
        return raw(x, y, z);
    }

    /**
     * Concentration on the plume centreline (y = 0) at height z.
     *
     * @param x downwind distance [m] (see {@link #concentration})
     * @param z height [m]
     * @return concentration [mg/m³]
     */
    public double centrelineConcentration(double x, double z) {
        return concentration(x, 0, z);
    }

    /**
     * Ground-level (z = 0) centreline concentration; for H = 0 this is Q/(π·u·σy·σz).
     *
     * @param x downwind distance [m] (see {@link #concentration})
     * @return concentration [mg/m³]
     */
    public double groundCentrelineConcentration(double x) {
        return concentration(x, 0, 0);
    }

    /**
     * Farthest downwind distance at which the centreline concentration at height z reaches the threshold.
     *
     * @param threshold concentration threshold [mg/m³], &gt; 0
     * @param z evaluation height [m]
     * @return distance [m]; 0 if never reached; {@link DispersionCoefficients#MAX_DISTANCE} if still
     *     exceeded there (see {@link ThresholdContour#truncatedAtModelRange()})
     */
    public double maxThresholdDistance(double threshold, double z) {
        return thresholdContour(threshold, z).maxDownwindDistance();
    }

    /**
     * Threshold contour (outline of C &ge; threshold) at height z in the local wind frame.
     * Use {@link ThresholdContour#toPark(WindFrame)} to place it on the park map.
     *
     * @param threshold concentration threshold [mg/m³], &gt; 0
     * @param z evaluation height [m], 0 … 5000
     * @return contour
     */
    public ThresholdContour thresholdContour(double threshold, double z) {
        Check.positive("threshold [mg/m3]", threshold);
        Check.range("z [m]", z, 0, 5000);
        int cls = stability.ordinal();
        boolean urban = terrain == DispersionTerrain.URBAN;
        return ContourBuilder.build(x -> raw(x, 0, z),
                x -> DispersionCoefficients.plumeSigmaYUnchecked(cls, urban, x), threshold,
                DispersionCoefficients.MIN_DISTANCE, DispersionCoefficients.MAX_DISTANCE);
    }

    /**
     * Evaluates the concentration at height z on every cell centre of a park grid (e.g. 200 × 200 for
     * a map overlay). Plain loops, no allocation per cell. Cells upwind of the source get 0; cells closer
     * than {@value DispersionCoefficients#MIN_DISTANCE} m downwind get the value at that distance;
     * cells beyond {@value DispersionCoefficients#MAX_DISTANCE} m downwind get {@code NaN} (outside the
     * validity of the coefficients).
     *
     * @param grid grid definition
     * @param frame source position and wind direction
     * @param z evaluation height [m], 0 … 5000
     * @param out output array of length ≥ {@code grid.size()}, filled row-major [mg/m³]
     */
    public void evaluateGrid(GridSpec grid, WindFrame frame, double z, double[] out) {
        Check.notNull("grid", grid);
        Check.notNull("frame", frame);
        Check.range("z [m]", z, 0, 5000);
        Check.notNull("out", out);
        if (out.length < grid.size()) {
            throw new ModelInputException("out.length", out.length, ">= grid.size() = " + grid.size());
        }
        final double de = frame.downwindEast();
        final double dn = frame.downwindNorth();
        final int cls = stability.ordinal();
        final boolean urban = terrain == DispersionTerrain.URBAN;
        final double q = emissionRate * 1e6 / (2 * Math.PI * windSpeed);
        final double h = sourceHeight;
        final int nc = grid.columns();
        final int nr = grid.rows();
        for (int j = 0; j < nr; j++) {
            double rn = grid.cellNorth(j) - frame.sourceNorth();
            int base = j * nc;
            for (int i = 0; i < nc; i++) {
                double re = grid.cellEast(i) - frame.sourceEast();
                double x = re * de + rn * dn;
                double y = -re * dn + rn * de;
                double c;
                if (x <= 0) {
                    c = 0;
                } else if (x > DispersionCoefficients.MAX_DISTANCE) {
                    c = Double.NaN;
                } else {
                    if (x < DispersionCoefficients.MIN_DISTANCE) {
                        x = DispersionCoefficients.MIN_DISTANCE;
                    }
                    double sy = DispersionCoefficients.plumeSigmaYUnchecked(cls, urban, x);
                    double sz = DispersionCoefficients.plumeSigmaZUnchecked(cls, urban, x);
                    double a = (z - h) / sz;
                    double b = (z + h) / sz;
                    double r = y / sy;
                    c = q / (sy * sz) * Math.exp(-0.5 * r * r) * (Math.exp(-0.5 * a * a) + Math.exp(-0.5 * b * b));
                }
                out[base + i] = c;
            }
        }
    }

    private double raw(double x, double y, double z) {
        int cls = stability.ordinal();
        boolean urban = terrain == DispersionTerrain.URBAN;
        double sy = DispersionCoefficients.plumeSigmaYUnchecked(cls, urban, x);
        double sz = DispersionCoefficients.plumeSigmaZUnchecked(cls, urban, x);
        double a = (z - sourceHeight) / sz;
        double b = (z + sourceHeight) / sz;
        double r = y / sy;
        return emissionRate * 1e6 / (2 * Math.PI * windSpeed * sy * sz) * Math.exp(-0.5 * r * r)
                * (Math.exp(-0.5 * a * a) + Math.exp(-0.5 * b * b));
    }
}
