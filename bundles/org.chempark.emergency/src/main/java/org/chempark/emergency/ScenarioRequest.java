package org.chempark.emergency;

/**
 * Input of an accident scenario (事故情景). Give a unit <em>or</em> a map point; everything else
 * not given is taken from the live park (the unit's inventory, the weather points) or from a
 * documented default that the result lists under {@code assumptions}.
 *
 * @param name            optional title
 * @param unitId          production/storage unit of the asset model where the release happens
 * @param east            map point (park frame, metres east), with {@code north}, instead of a unit
 * @param north           map point (park frame, metres north)
 * @param cas             chemical (CAS number); default: the unit's largest inventory item the model table knows
 * @param releaseType     what happens
 * @param holeDiameterMm  hole diameter [mm] (GAS_LEAK, LIQUID_LEAK)
 * @param pressureKPa     gauge pressure in the vessel/pipe [kPa] (GAS_LEAK, LIQUID_LEAK, BLEVE)
 * @param liquidHeadM     liquid height above the hole [m] (LIQUID_LEAK)
 * @param massKg          mass released (INSTANTANEOUS), in the cloud (VCE) or in the fireball (BLEVE) [kg];
 *                        default: the unit's inventory of the chemical
 * @param poolDiameterM   pool diameter [m] (POOL_FIRE, LIQUID_LEAK evaporation); default: dike-free spill, see docs
 * @param sourceHeightM   release height above ground [m], default 0
 * @param weather         weather; null fields are filled in
 */
public record ScenarioRequest(String name, Long unitId, Double east, Double north, String cas, ReleaseType releaseType,
        Double holeDiameterMm, Double pressureKPa, Double liquidHeadM, Double massKg, Double poolDiameterM, Double sourceHeightM,
        Weather weather) {
}
