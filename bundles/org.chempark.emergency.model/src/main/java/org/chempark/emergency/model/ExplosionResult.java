package org.chempark.emergency.model;

/**
 * Result of {@link VapourCloudExplosion#assess}.
 *
 * @param tntMass W_TNT [kg]
 * @param explosionEnergy E = W_TNT·Q_TNT [J]
 * @param deathRadius R_0.5, 50 % fatality radius [m]
 * @param seriousInjuryRadius radius of 44 kPa side-on overpressure [m]
 * @param lightInjuryRadius radius of 17 kPa side-on overpressure [m]
 * @param propertyDamageRadius property damage radius (K_II = 5.6) [m]
 * @param parameters the model parameters used
 */
public record ExplosionResult(double tntMass, double explosionEnergy, double deathRadius, double seriousInjuryRadius,
        double lightInjuryRadius, double propertyDamageRadius, TntParameters parameters) {

    /**
     * Side-on overpressure at a distance, see {@link VapourCloudExplosion#overpressure}.
     *
     * @param distance distance from the explosion centre [m], within the correlation range
     * @return overpressure [Pa]
     */
    public double overpressureAt(double distance) {
        return VapourCloudExplosion.overpressure(tntMass, distance, parameters);
    }

    /**
     * The overpressure field around the explosion centre for domino analysis (values in kPa, clamped to
     * the correlation range: closer than Z = 1 the Z = 1 value is returned (a lower bound), farther than
     * Z = 10 the Z = 10 value (an upper bound)).
     *
     * @param centreEast explosion centre easting [m]
     * @param centreNorth explosion centre northing [m]
     * @return field
     */
    public ScenarioField asField(double centreEast, double centreNorth) {
        double scale = Math.cbrt(explosionEnergy / parameters.ambientPressure());
        double p0 = parameters.ambientPressure();
        return ScenarioField.radial(ScenarioField.Kind.OVERPRESSURE_KPA, centreEast, centreNorth, r -> {
            double z = Math.min(Math.max(r / scale, VapourCloudExplosion.MIN_SCALED_DISTANCE),
                    VapourCloudExplosion.MAX_SCALED_DISTANCE);
            return VapourCloudExplosion.overpressureRatio(z) * p0 / 1000;
        });
    }
}
