package org.chempark.emergency.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chempark.emergency.ReleaseType;
import org.chempark.emergency.model.Chemical;
import org.chempark.emergency.model.ConcentrationUnits;
import org.chempark.emergency.model.DispersionTerrain;
import org.chempark.emergency.model.EvaporationResult;
import org.chempark.emergency.model.ExplosionResult;
import org.chempark.emergency.model.Fireball;
import org.chempark.emergency.model.FireballInput;
import org.chempark.emergency.model.FireballResult;
import org.chempark.emergency.model.GasReleaseResult;
import org.chempark.emergency.model.GaussianPlume;
import org.chempark.emergency.model.GaussianPuff;
import org.chempark.emergency.model.HoleRelease;
import org.chempark.emergency.model.LiquidReleaseResult;
import org.chempark.emergency.model.ModelInputException;
import org.chempark.emergency.model.ParkPoint;
import org.chempark.emergency.model.PoolEvaporation;
import org.chempark.emergency.model.PoolFire;
import org.chempark.emergency.model.PoolFireInput;
import org.chempark.emergency.model.PoolFireResult;
import org.chempark.emergency.model.PuffSigmaScheme;
import org.chempark.emergency.model.ScenarioField;
import org.chempark.emergency.model.StabilityClass;
import org.chempark.emergency.model.ThresholdContour;
import org.chempark.emergency.model.TntParameters;
import org.chempark.emergency.model.VapourCloudExplosion;
import org.chempark.emergency.model.WindFrame;

/**
 * Turns fully resolved scenario inputs into zones (one polygon per threshold, in the park frame) with
 * the consequence-model library. No I/O: what the live park supplies is resolved before
 * ({@link ScenarioAssembler}). Every constant that is an assumption is listed in the result.
 */
final class ScenarioEngine {
    /** Ambient pressure [Pa]. */
    static final double AMBIENT_PRESSURE = 101_325;
    /** Heat capacity ratio used for gas outflow when the table has none (diatomic/simple polyatomic gases). */
    static final double DEFAULT_GAMMA = 1.3;
    /** Liquid discharge coefficient (sharp-edged hole, CCPS). */
    static final double LIQUID_CD = HoleRelease.DEFAULT_LIQUID_DISCHARGE_COEFFICIENT;
    /** Spill depth on concrete for a pool without a dike [m] (TNO Yellow Book: 5–10 mm on flat ground). */
    static final double POOL_DEPTH = 0.01;
    /** Spill duration assumed to size an undiked pool [s] (10 min: typical isolation time). */
    static final double SPILL_DURATION = 600;
    /** Points on a circular zone. */
    static final int CIRCLE_POINTS = 72;

    /**
     * Resolved inputs (SI units).
     *
     * @param sourceEast       source east [m]
     * @param sourceNorth      source north [m]
     * @param chemical         the chemical from the model's property table
     * @param type             release type
     * @param holeDiameter     [m]
     * @param gaugePressure    [Pa]
     * @param liquidHead       [m]
     * @param mass             [kg]
     * @param poolDiameter     [m] or NaN (derived)
     * @param sourceHeight     [m]
     * @param windSpeed        [m/s]
     * @param windFromDegrees  [deg]
     * @param stability        Pasquill–Gifford class
     * @param temperature      ambient (and contents) temperature [K]
     * @param relativeHumidity 0…1
     * @param terrain          dispersion coefficients
     */
    record Inputs(double sourceEast, double sourceNorth, Chemical chemical, ReleaseType type, double holeDiameter,
            double gaugePressure, double liquidHead, double mass, double poolDiameter, double sourceHeight, double windSpeed,
            double windFromDegrees, StabilityClass stability, double temperature, double relativeHumidity,
            DispersionTerrain terrain) {
    }

    /**
     * One zone.
     *
     * @param level     1 = most severe of its hazard
     * @param hazard    TOXIC, FLAMMABLE, HEAT, OVERPRESSURE
     * @param code      IDLH, AEGL-2, ERPG-2, LEL, 50%LEL, 37.5kW/m2 … , DEATH_50 …
     * @param threshold threshold value in {@code unit}
     * @param distance  farthest extent from the source [m]
     * @param polygon   closed ring in the park frame, [east, north] pairs (first repeated at the end)
     */
    record Zone(int level, String hazard, String code, String nameZh, String nameEn, double threshold, String unit, double distance,
            String model, boolean truncatedAtModelRange, List<double[]> polygon) {
    }

    /** Result of one computation. */
    record Result(List<Zone> zones, Map<String, Object> sourceTerm, List<String> assumptions, ScenarioField field) {
    }

    private ScenarioEngine() {
    }

    static Result compute(Inputs in) {
        List<String> assumptions = new ArrayList<>();
        Map<String, Object> source = new LinkedHashMap<>();
        List<Zone> zones = new ArrayList<>();
        ScenarioField field = null;
        Chemical c = in.chemical();
        WindFrame frame = new WindFrame(in.sourceEast(), in.sourceNorth(), in.windFromDegrees() % 360.0);
        switch (in.type()) {
            case GAS_LEAK -> {
                double pAbs = in.gaugePressure() + AMBIENT_PRESSURE;
                GasReleaseResult r = HoleRelease.gas(in.holeDiameter(), HoleRelease.DEFAULT_GAS_DISCHARGE_COEFFICIENT, pAbs,
                        in.temperature(), c.molarMass(), DEFAULT_GAMMA, AMBIENT_PRESSURE);
                source.put("model", "HoleRelease.gas (CCPS 1999 §2.1.2)");
                source.put("massRateKgPerS", round(r.massRate(), 4));
                source.put("choked", r.choked());
                assumptions.add("Gas outflow: discharge coefficient " + HoleRelease.DEFAULT_GAS_DISCHARGE_COEFFICIENT
                        + ", heat capacity ratio γ = " + DEFAULT_GAMMA + ", contents at ambient temperature, constant pressure (no depressurisation)");
                plumeZones(in, r.massRate(), frame, zones, assumptions);
            }
            case LIQUID_LEAK -> {
                LiquidReleaseResult r = HoleRelease.liquid(in.holeDiameter(), LIQUID_CD, c.liquidDensity(), in.gaugePressure(),
                        in.liquidHead());
                source.put("model", "HoleRelease.liquid (Bernoulli, CCPS 1999 §2.1.1)");
                source.put("liquidRateKgPerS", round(r.massRate(), 4));
                double emission;
                if (c.boilingPoint() < in.temperature()) {
                    emission = r.massRate();
                    source.put("flashing", true);
                    assumptions.add("Boiling point " + round(c.boilingPoint() - 273.15, 1)
                            + " °C below ambient: the whole outflow is taken as airborne (flash + aerosol, conservative)");
                } else {
                    double d = in.poolDiameter();
                    if (Double.isNaN(d)) {
                        double area = r.massRate() / c.liquidDensity() * SPILL_DURATION / POOL_DEPTH;
                        d = Math.min(PoolFire.diameterFromArea(area), 100);
                        assumptions.add("Undiked pool: " + (int) SPILL_DURATION + " s of outflow spread " + (POOL_DEPTH * 1000)
                                + " mm deep (TNO Yellow Book), diameter " + round(d, 1) + " m (at most 100 m); enter poolDiameterM for a dike");
                    }
                    EvaporationResult e = PoolEvaporation.evaporate(c, d, in.windSpeed(), in.temperature());
                    emission = Math.min(e.massRate(), r.massRate());
                    source.put("poolDiameterM", round(d, 2));
                    source.put("evaporationKgPerS", round(e.massRate(), 4));
                    assumptions.add("Pool evaporation: Mackay–Matsugu at ambient temperature; emission = min(evaporation, outflow)");
                }
                source.put("massRateKgPerS", round(emission, 4));
                plumeZones(in, emission, frame, zones, assumptions);
            }
            case INSTANTANEOUS -> {
                source.put("model", "GaussianPuff (Slade σ)");
                source.put("massKg", round(in.mass(), 1));
                GaussianPuff puff = new GaussianPuff(in.mass(), in.sourceHeight(), in.windSpeed(), in.stability(), PuffSigmaScheme.SLADE);
                for (Threshold t : concentrationThresholds(c, in.temperature())) {
                    ThresholdContour tc = puff.thresholdContour(t.mgPerM3, 0);
                    addContour(zones, t, tc, frame, "GaussianPuff footprint (peak concentration ≥ threshold)");
                }
                assumptions.add("Passive (neutrally buoyant) puff, ground level footprint of the peak concentration; dense-gas slumping not modelled");
            }
            case POOL_FIRE -> {
                double d = in.poolDiameter();
                if (Double.isNaN(d)) {
                    d = 20;
                    assumptions.add("Pool diameter 20 m (default: a typical tank dike bay); enter poolDiameterM");
                }
                PoolFireResult r = PoolFire.assess(PoolFireInput.of(c, d, in.temperature(), in.relativeHumidity()));
                source.put("model", "PoolFire (Burgess burning rate, Thomas flame height, point source)");
                source.put("poolDiameterM", d);
                source.put("burningRateKgPerM2S", round(r.burningRate(), 4));
                source.put("flameHeightM", round(r.flameHeight(), 1));
                String[][] names = { { "设备严重损坏/多米诺", "Equipment damage, domino" }, { "无保护人员死亡", "Fatal to unprotected people" },
                        { "1%死亡(1 min)/木材引燃", "1 % fatality (1 min), wood ignites" }, { "20 s 疼痛/受伤", "Pain within 20 s, injury" },
                        { "长时间暴露无不适", "No discomfort for long exposure" } };
                int level = 1;
                for (double q : PoolFireResult.STANDARD_THRESHOLDS) {
                    double dist = r.distanceTo(q);
                    if (dist > 0) {
                        zones.add(circle(level, "HEAT", q + "kW/m2", names[level - 1][0], names[level - 1][1], q, "kW/m2", dist,
                                "PoolFire", in));
                    }
                    level++;
                }
                field = r.asField(in.sourceEast(), in.sourceNorth());
                assumptions.add("Heat-flux effects after the World Bank / API 521 table; no wind tilt of the flame");
            }
            case VCE -> {
                ExplosionResult r = VapourCloudExplosion.assess(c, in.mass(), TntParameters.DEFAULTS);
                source.put("model", "VapourCloudExplosion (TNT equivalence, yield 4 %)");
                source.put("fuelMassKg", round(in.mass(), 1));
                source.put("tntMassKg", round(r.tntMass(), 1));
                zones.add(circle(1, "OVERPRESSURE", "DEATH_50", "死亡半径", "50 % fatality radius", Double.NaN, "m", r.deathRadius(),
                        "VCE R0.5 = 13.6·(W/1000)^0.37", in));
                zones.add(circle(2, "OVERPRESSURE", "44kPa", "重伤半径", "Serious injury", 44, "kPa", r.seriousInjuryRadius(), "VCE", in));
                zones.add(circle(3, "OVERPRESSURE", "17kPa", "轻伤半径", "Light injury", 17, "kPa", r.lightInjuryRadius(), "VCE", in));
                zones.add(circle(4, "OVERPRESSURE", "PROPERTY", "财产损失半径", "Property damage (K=5.6)", Double.NaN, "m",
                        r.propertyDamageRadius(), "VCE", in));
                field = r.asField(in.sourceEast(), in.sourceNorth());
                assumptions.add("The cloud is centred on the source; TNT yield factor 4 %, ground reflection 1.8 (AQ/T 3046-2013 practice)");
            }
            case BLEVE -> {
                double pAbs = in.gaugePressure() + AMBIENT_PRESSURE;
                FireballResult r = Fireball.assess(new FireballInput(in.mass(), c.heatOfCombustion(), pAbs, in.temperature(),
                        in.relativeHumidity()));
                source.put("model", "Fireball (CCPS 1999 §2.2.4)");
                source.put("fuelMassKg", round(in.mass(), 1));
                source.put("diameterM", round(r.diameter(), 1));
                source.put("durationS", round(r.duration(), 1));
                zones.add(circle(1, "HEAT", "DEATH_50", "死亡半径", "50 % fatality (Eisenberg probit)", Double.NaN, "m", r.deathRadius(),
                        "Fireball", in));
                zones.add(circle(2, "HEAT", "BURN_2", "二度烧伤半径", "50 % second-degree burns", Double.NaN, "m",
                        r.secondDegreeBurnRadius(), "Fireball", in));
                zones.add(circle(3, "HEAT", "BURN_1", "一度烧伤半径", "50 % first-degree burns", Double.NaN, "m", r.firstDegreeBurnRadius(),
                        "Fireball", in));
                field = r.asField(in.sourceEast(), in.sourceNorth());
                assumptions.add("Fireball at the vessel; probit radii for the fireball's duration; vessel fragments not modelled");
            }
            default -> throw new ModelInputException("releaseType", in.type(), "one of " + List.of(ReleaseType.values()));
        }
        zones.removeIf(z -> z.polygon().isEmpty());
        return new Result(List.copyOf(zones), source, assumptions, field);
    }

    private record Threshold(int level, String hazard, String code, String nameZh, String nameEn, double value, String unit, double mgPerM3) {
    }

    /** Toxic (IDLH, AEGL-2 60 min, ERPG-2) and flammable (LEL, ½ LEL) thresholds the table has, most severe first. */
    private static List<Threshold> concentrationThresholds(Chemical c, double temperature) {
        List<Threshold> out = new ArrayList<>();
        double idlh = c.idlhAsMgPerM3();
        List<Threshold> toxic = new ArrayList<>();
        if (!Double.isNaN(idlh)) {
            toxic.add(new Threshold(0, "TOXIC", "IDLH", "立即威胁生命健康浓度", "Immediately dangerous to life or health",
                    Double.isNaN(c.idlhPpm()) ? idlh : c.idlhPpm(), Double.isNaN(c.idlhPpm()) ? "mg/m3" : "ppm", idlh));
        }
        if (!Double.isNaN(c.aegl2Ppm())) {
            toxic.add(new Threshold(0, "TOXIC", "AEGL-2", "AEGL-2（60 min）", "AEGL-2 (60 min)", c.aegl2Ppm(), "ppm",
                    ppm(c.aegl2Ppm(), c)));
        }
        if (!Double.isNaN(c.erpg2Ppm())) {
            toxic.add(new Threshold(0, "TOXIC", "ERPG-2", "ERPG-2", "ERPG-2", c.erpg2Ppm(), "ppm", ppm(c.erpg2Ppm(), c)));
        }
        toxic.sort((a, b) -> Double.compare(b.mgPerM3, a.mgPerM3));
        int level = 1;
        for (Threshold t : toxic) {
            out.add(new Threshold(level++, t.hazard, t.code, t.nameZh, t.nameEn, t.value, t.unit, t.mgPerM3));
        }
        if (c.flammable() && !Double.isNaN(c.lel())) {
            double lel = ppm(c.lel() * 1e4, c);
            out.add(new Threshold(1, "FLAMMABLE", "LEL", "爆炸下限", "Lower explosive limit", c.lel(), "vol%", lel));
            out.add(new Threshold(2, "FLAMMABLE", "50%LEL", "50% 爆炸下限（闪火安全裕度）", "½ LEL (flash-fire margin)", c.lel() / 2, "vol%",
                    lel / 2));
        }
        if (out.isEmpty()) {
            throw new ModelInputException("cas " + c.cas() + " (" + c.name() + ")", "no IDLH, AEGL-2, ERPG-2 or LEL tabulated",
                    "a chemical with a toxic or flammable threshold in the property table");
        }
        return out;
    }

    private static double ppm(double ppm, Chemical c) {
        return ConcentrationUnits.ppmToMgPerM3(ppm, c.molarMass(), ConcentrationUnits.REFERENCE_TEMPERATURE,
                ConcentrationUnits.STANDARD_PRESSURE);
    }

    private static void plumeZones(Inputs in, double rate, WindFrame frame, List<Zone> zones, List<String> assumptions) {
        GaussianPlume plume = new GaussianPlume(rate, in.sourceHeight(), in.windSpeed(), in.stability(), in.terrain());
        for (Threshold t : concentrationThresholds(in.chemical(), in.temperature())) {
            addContour(zones, t, plume.thresholdContour(t.mgPerM3, 0), frame, "GaussianPlume (Briggs " + in.terrain() + ")");
        }
        assumptions.add("Passive Gaussian plume, steady wind, flat terrain, ground-level concentration; dense-gas effects not modelled");
    }

    private static void addContour(List<Zone> zones, Threshold t, ThresholdContour tc, WindFrame frame, String model) {
        if (tc.isEmpty()) {
            return;
        }
        List<double[]> ring = new ArrayList<>();
        for (ParkPoint p : tc.toPark(frame)) {
            ring.add(new double[] { round(p.east(), 1), round(p.north(), 1) });
        }
        ring.add(ring.get(0));
        zones.add(new Zone(t.level, t.hazard, t.code, t.nameZh, t.nameEn, t.value, t.unit, round(tc.maxDownwindDistance(), 1), model,
                tc.truncatedAtModelRange(), ring));
    }

    private static Zone circle(int level, String hazard, String code, String nameZh, String nameEn, double threshold, String unit,
            double radius, String model, Inputs in) {
        List<double[]> ring = new ArrayList<>();
        if (radius > 0 && Double.isFinite(radius)) {
            for (int i = 0; i <= CIRCLE_POINTS; i++) {
                double a = 2 * Math.PI * (i % CIRCLE_POINTS) / CIRCLE_POINTS;
                ring.add(new double[] { round(in.sourceEast() + radius * Math.sin(a), 1), round(in.sourceNorth() + radius * Math.cos(a), 1) });
            }
        }
        return new Zone(level, hazard, code, nameZh, nameEn, threshold, unit, round(radius, 1), model, false, ring);
    }

    static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
