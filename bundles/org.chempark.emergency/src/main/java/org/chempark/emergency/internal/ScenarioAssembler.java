package org.chempark.emergency.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.chempark.asset.AssetService;
import org.chempark.asset.Enterprise;
import org.chempark.asset.InventoryItem;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.Park;
import org.chempark.asset.PointType;
import org.chempark.asset.Unit;
import org.chempark.emergency.ReleaseType;
import org.chempark.emergency.ScenarioRequest;
import org.chempark.emergency.Weather;
import org.chempark.emergency.model.Chemical;
import org.chempark.emergency.model.ChemicalProperties;
import org.chempark.emergency.model.DispersionTerrain;
import org.chempark.emergency.model.GaussianPlume;
import org.chempark.emergency.model.ModelInputException;
import org.chempark.emergency.model.StabilityClass;
import org.chempark.emergency.model.UnknownChemicalException;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Validation;
import org.chempark.sdk.telemetry.LiveValues;
import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;

/**
 * Resolves a {@link ScenarioRequest} against the live park — the unit's position and inventory, the
 * weather points, the latest pressure/level and gas readings — fills what is missing with documented
 * defaults, runs {@link ScenarioEngine} and shapes the result (zones as a GeoJSON FeatureCollection in
 * the park frame). Every value says where it came from: {@code entered}, a point code, or {@code default}.
 */
final class ScenarioAssembler {
    /** Documented defaults (docs/emergency.md): US EPA RMP worst case weather (40 CFR 68.22: 1.5 m/s, F) etc. */
    record Defaults(double windSpeed, double windFromDegrees, double cloudCoverOktas, boolean daytime, double solarRadiation,
            double temperatureC, double relativeHumidity, double holeDiameterMm, double gasPressureKPa, double liquidHeadM,
            DispersionTerrain terrain) {
        static final Defaults STANDARD = new Defaults(1.5, 135, 0, false, 400, 25, 0.7, 25, 500, 5, DispersionTerrain.URBAN);
    }

    /** Validity margin around the park boundary for a map point [m]. */
    static final double POINT_MARGIN = 1000;
    /** A gas detector "sees gas" from this share of its first-level alarm (H) upwards. */
    static final double DETECTING_SHARE_OF_H = 0.1;

    private final AssetService assets;
    private final java.util.function.Supplier<Optional<LiveValues>> live;
    private final ChemicalProperties table;
    private final Defaults defaults;

    ScenarioAssembler(AssetService assets, java.util.function.Supplier<Optional<LiveValues>> live, ChemicalProperties table, Defaults defaults) {
        this.assets = assets;
        this.live = live;
        this.table = table;
        this.defaults = defaults;
    }

    /** What the assembler made of a request: the engine inputs, the engine result and the scenario document. */
    record Assembled(ScenarioEngine.Inputs inputs, ScenarioEngine.Result result, Map<String, Object> document, Long unitId,
            Long enterpriseId, String name) {
    }

    Assembled assemble(ScenarioRequest r) {
        Validation v = new Validation();
        if (r == null) {
            throw ProblemException.badRequest("send a scenario as JSON: {\"unitId\": 1, \"releaseType\": \"GAS_LEAK\", ...}");
        }
        v.required("releaseType", r.releaseType());
        v.maxLength("name", r.name(), 200);
        if ((r.east() == null) != (r.north() == null)) {
            v.add(r.east() == null ? "east" : "north", "required", "give both east and north (park frame, metres) or neither");
        }
        v.range("holeDiameterMm", r.holeDiameterMm(), 0.1, 2000);
        v.range("pressureKPa", r.pressureKPa(), 0, 100_000);
        v.range("liquidHeadM", r.liquidHeadM(), 0, 200);
        v.range("massKg", r.massKg(), 1, 1e7);
        v.range("poolDiameterM", r.poolDiameterM(), 0.1, 200);
        v.range("sourceHeightM", r.sourceHeightM(), 0, 500);
        Weather w = r.weather();
        boolean dispersion = r.releaseType() == ReleaseType.GAS_LEAK || r.releaseType() == ReleaseType.LIQUID_LEAK
                || r.releaseType() == ReleaseType.INSTANTANEOUS;
        if (w != null) {
            if (w.windSpeed() != null && dispersion && (w.windSpeed() < GaussianPlume.MIN_WIND_SPEED || w.windSpeed() > 50)) {
                v.add("weather.windSpeed", "range", "weather.windSpeed must be between " + GaussianPlume.MIN_WIND_SPEED
                        + " and 50 m/s for a dispersion model (plume/puff): the Gaussian models are singular at calm (got "
                        + w.windSpeed() + "); for calm conditions enter 0.5 m/s");
            } else {
                v.range("weather.windSpeed", w.windSpeed(), 0, 50);
            }
            v.range("weather.windFromDegrees", w.windFromDegrees(), 0, 360);
            v.range("weather.cloudCoverOktas", w.cloudCoverOktas(), 0, 8);
            v.range("weather.solarRadiation", w.solarRadiation(), 0, 1400);
            v.range("weather.temperatureC", w.temperatureC(), -50, 50);
            v.range("weather.relativeHumidity", w.relativeHumidity(), 0, 1);
        }
        Park park = assets.park().orElse(null);
        double[] box = parkBox(park);
        if (r.east() != null && r.north() != null) {
            v.range("east", r.east(), box[0] - POINT_MARGIN, box[2] + POINT_MARGIN);
            v.range("north", r.north(), box[1] - POINT_MARGIN, box[3] + POINT_MARGIN);
        }
        v.throwIfInvalid();

        Map<String, String> from = new LinkedHashMap<>();
        List<MonitoringPoint> points = assets.points();
        Map<String, Reading> latest = latest(points);

        // --- where
        Unit unit = null;
        double[] src;
        if (r.unitId() != null) {
            unit = assets.unit(r.unitId()).orElseThrow(() -> new ProblemException(422, "Validation failed",
                    "unitId " + r.unitId() + " is not a unit of the asset model", List.of(new FieldError("unitId", "reference",
                            "unitId " + r.unitId() + " is not a unit of the asset model (GET /api/v1/asset/units)"))));
        }
        List<Map<String, Object>> detectors = detectors(points, latest);
        if (r.east() != null) {
            src = new double[] { r.east(), r.north() };
            from.put("source", "entered map point");
        } else if (unit != null) {
            src = Geo.anchor(unit.geometry());
            if (src == null) {
                throw invalid("unitId", "unit " + unit.code() + " has no geometry on the park map; enter east/north instead");
            }
            from.put("source", "centroid of unit " + unit.code());
        } else {
            // no place given: the detector that sees most gas relative to its first-level alarm
            Map<String, Object> strongest = detectors.stream().filter(d -> d.get("east") != null)
                    .max(Comparator.comparingDouble(d -> (Double) d.get("shareOfAlarm"))).orElse(null);
            if (strongest == null) {
                throw invalid("unitId", "give unitId or east/north: no gas detector currently sees gas to locate the source from");
            }
            src = new double[] { (Double) strongest.get("east"), (Double) strongest.get("north") };
            from.put("source", "located at detector " + strongest.get("code") + " (highest reading relative to its alarm)");
            if (strongest.get("unitId") != null) {
                unit = assets.unit((Long) strongest.get("unitId")).orElse(null);
            }
        }

        // --- what
        Chemical chemical;
        Double inventoryKg = null;
        if (r.cas() != null && !r.cas().isBlank()) {
            try {
                chemical = table.get(r.cas().trim());
            } catch (UnknownChemicalException e) {
                throw new ProblemException(422, "Validation failed", e.getMessage(), List.of(new FieldError("cas", "unknown",
                        "cas '" + r.cas() + "' is not in the consequence-model property table; known: GET /api/v1/emergency/scenarios/chemicals")));
            }
            from.put("cas", "entered");
        } else {
            if (unit == null) {
                throw invalid("cas", "cas is required for a map point (no unit inventory to take it from)");
            }
            InventoryItem best = unit.inventory() == null ? null : unit.inventory().stream()
                    .filter(i -> i.cas() != null && table.find(i.cas()).isPresent())
                    .max(Comparator.comparingDouble(i -> i.quantityT() == null ? 0 : i.quantityT())).orElse(null);
            if (best == null) {
                throw invalid("cas", "unit " + unit.code() + " holds no chemical of the consequence-model property table; enter cas");
            }
            chemical = table.get(best.cas());
            from.put("cas", "largest inventory item of unit " + unit.code());
        }
        if (unit != null && unit.inventory() != null) {
            String cas = chemical.cas();
            inventoryKg = unit.inventory().stream().filter(i -> cas.equals(i.cas()) && i.quantityT() != null)
                    .mapToDouble(i -> i.quantityT() * 1000).sum();
            if (inventoryKg <= 0) {
                inventoryKg = null;
            }
        }

        // --- weather
        Map<String, Object> weather = new LinkedHashMap<>();
        Map<String, String> weatherFrom = new LinkedHashMap<>();
        WeatherPoints wp = weatherPoints(points, latest);
        double windSpeed = pick(w == null ? null : w.windSpeed(), wp.windSpeed, wp.windSpeedCode, defaults.windSpeed, "windSpeed", weatherFrom);
        double windFrom = pick(w == null ? null : w.windFromDegrees(), wp.windFrom, wp.windFromCode, defaults.windFromDegrees,
                "windFromDegrees", weatherFrom);
        double cloud = pick(w == null ? null : w.cloudCoverOktas(), null, null, defaults.cloudCoverOktas, "cloudCoverOktas", weatherFrom);
        boolean daytime = w != null && w.daytime() != null ? w.daytime() : defaults.daytime;
        weatherFrom.put("daytime", w != null && w.daytime() != null ? "entered" : "default");
        double solar = pick(w == null ? null : w.solarRadiation(), null, null, defaults.solarRadiation, "solarRadiation", weatherFrom);
        if (!daytime) {
            weatherFrom.put("solarRadiation", "not used (night)");
        }
        double tC = pick(w == null ? null : w.temperatureC(), wp.temperature, wp.temperatureCode, defaults.temperatureC, "temperatureC",
                weatherFrom);
        double rh = pick(w == null ? null : w.relativeHumidity(), null, null, defaults.relativeHumidity, "relativeHumidity", weatherFrom);
        if (dispersion && windSpeed < GaussianPlume.MIN_WIND_SPEED) {
            throw new ProblemException(422, "Validation failed", "weather.windSpeed " + windSpeed + " m/s (from "
                    + weatherFrom.get("windSpeed") + ") is below the " + GaussianPlume.MIN_WIND_SPEED
                    + " m/s the Gaussian plume/puff needs; enter weather.windSpeed between 0.5 and 50 m/s",
                    List.of(new FieldError("weather.windSpeed", "range", "weather.windSpeed must be between 0.5 and 50 m/s for a plume/puff")));
        }
        StabilityClass stability = StabilityClass.classify(windSpeed, daytime, solar, cloud);
        weather.put("windSpeed", windSpeed);
        weather.put("windFromDegrees", windFrom);
        weather.put("cloudCoverOktas", cloud);
        weather.put("daytime", daytime);
        weather.put("solarRadiation", solar);
        weather.put("temperatureC", tC);
        weather.put("relativeHumidity", rh);
        weather.put("stability", stability.name());
        weather.put("terrain", defaults.terrain.name());
        weather.put("sources", weatherFrom);
        boolean anyDefault = weatherFrom.values().stream().anyMatch("default"::equals);

        // --- release parameters
        double tK = tC + 273.15;
        Map<String, Object> params = new LinkedHashMap<>();
        ReleaseType type = r.releaseType();
        double hole = Double.NaN, gauge = 0, head = 0, mass = Double.NaN;
        double pool = r.poolDiameterM() == null ? Double.NaN : r.poolDiameterM();
        if (type == ReleaseType.GAS_LEAK || type == ReleaseType.LIQUID_LEAK) {
            hole = valueOr(r.holeDiameterMm(), defaults.holeDiameterMm, "holeDiameterMm", "default (medium hole, 25 mm)", params, from) / 1000;
        }
        if (type == ReleaseType.GAS_LEAK || type == ReleaseType.LIQUID_LEAK || type == ReleaseType.BLEVE) {
            Double live = unit == null ? null : unitReading(unit, points, latest, PointType.PRESSURE);
            Double vapour = vapourGauge(chemical, tK);
            double fallback = type == ReleaseType.LIQUID_LEAK ? 0 : (vapour != null ? vapour : defaults.gasPressureKPa);
            String fallbackFrom = type == ReleaseType.LIQUID_LEAK ? "default (atmospheric tank, 0 kPa gauge)"
                    : vapour != null ? "vapour pressure of " + chemical.name() + " at " + tC + " °C" : "default (" + defaults.gasPressureKPa + " kPa gauge)";
            gauge = valueOr(r.pressureKPa(), live != null ? live : fallback, "pressureKPa",
                    live != null ? "latest pressure reading of unit " + unit.code() : fallbackFrom, params, from) * 1000;
        }
        if (type == ReleaseType.LIQUID_LEAK) {
            Double live = unit == null ? null : unitReading(unit, points, latest, PointType.LEVEL);
            head = valueOr(r.liquidHeadM(), live != null ? live : defaults.liquidHeadM, "liquidHeadM",
                    live != null ? "latest level reading of unit " + unit.code() : "default (" + defaults.liquidHeadM + " m)", params, from);
        }
        if (type == ReleaseType.INSTANTANEOUS || type == ReleaseType.VCE || type == ReleaseType.BLEVE) {
            if (r.massKg() == null && inventoryKg == null) {
                throw invalid("massKg", "massKg is required (1 … 1e7 kg): no unit inventory of " + chemical.cas() + " to take it from");
            }
            mass = valueOr(r.massKg(), inventoryKg, "massKg", "inventory of unit " + (unit == null ? "?" : unit.code()) + " (whole inventory, worst case)",
                    params, from);
            if (mass > 1e7) {
                throw invalid("massKg", "massKg " + mass + " (from " + from.get("massKg") + ") is above the 1e7 kg the models are valid for; enter massKg");
            }
        }
        if (!Double.isNaN(pool)) {
            params.put("poolDiameterM", pool);
            from.put("poolDiameterM", "entered");
        }
        double height = r.sourceHeightM() == null ? 0 : r.sourceHeightM();
        params.put("sourceHeightM", height);

        ScenarioEngine.Inputs inputs = new ScenarioEngine.Inputs(src[0], src[1], chemical, type, hole, gauge, head, mass, pool, height,
                windSpeed, windFrom, stability, tK, rh, defaults.terrain);
        ScenarioEngine.Result result;
        try {
            result = ScenarioEngine.compute(inputs);
        } catch (ModelInputException e) {
            throw modelProblem(e);
        }
        List<String> assumptions = new ArrayList<>(result.assumptions());
        if (anyDefault) {
            assumptions.add(0, "Weather defaults used for " + weatherFrom.entrySet().stream().filter(x -> "default".equals(x.getValue()))
                    .map(Map.Entry::getKey).toList() + ": wind " + defaults.windSpeed + " m/s, clear night (stability F at 1.5 m/s: the US EPA RMP "
                    + "worst case, 40 CFR 68.22(b)), air " + defaults.temperatureC + " °C, wind from " + defaults.windFromDegrees
                    + "° — enter the real weather or install weather points");
        }
        assumptions.add("Dispersion coefficients: Briggs " + defaults.terrain.name().toLowerCase() + " (industrial park roughness)");

        // detectors: inside which zone, consistent with the prediction?
        markDetectors(detectors, result.zones(), chemical);

        Long unitEnterprise = unit == null ? null : unit.enterpriseId();
        Enterprise ent = unitEnterprise == null ? null
                : assets.enterprises().stream().filter(e -> e.id().equals(unitEnterprise)).findFirst().orElse(null);
        String name = r.name() != null && !r.name().isBlank() ? r.name()
                : (unit != null ? unit.code() + " " + unit.name() : "(" + Math.round(src[0]) + ", " + Math.round(src[1]) + ")") + " "
                        + chemical.nameZh() + " " + typeZh(type);

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", name);
        doc.put("releaseType", type.name());
        doc.put("releaseTypeZh", typeZh(type));
        Map<String, Object> chem = new LinkedHashMap<>();
        chem.put("cas", chemical.cas());
        chem.put("name", chemical.name());
        chem.put("nameZh", chemical.nameZh());
        chem.put("flammable", chemical.flammable());
        doc.put("chemical", chem);
        doc.put("unitId", unit == null ? null : unit.id());
        doc.put("unitCode", unit == null ? null : unit.code());
        doc.put("enterpriseId", unit == null ? null : unit.enterpriseId());
        doc.put("enterpriseName", ent == null ? null : ent.name());
        doc.put("source", Map.of("east", ScenarioEngine.round(src[0], 1), "north", ScenarioEngine.round(src[1], 1)));
        doc.put("weather", weather);
        doc.put("parameters", params);
        doc.put("sources", from);
        doc.put("sourceTerm", result.sourceTerm());
        doc.put("assumptions", assumptions);
        doc.put("detectors", detectors);
        doc.put("liveData", live.get().isPresent());
        doc.put("inputs", inputsMap(inputs));
        doc.put("zones", featureCollection(result, inputs, params, assumptions));
        return new Assembled(inputs, result, doc, unit == null ? null : unit.id(), unit == null ? null : unit.enterpriseId(), name);
    }

    static String typeZh(ReleaseType t) {
        return switch (t) {
            case GAS_LEAK -> "气体泄漏";
            case LIQUID_LEAK -> "液体泄漏";
            case INSTANTANEOUS -> "瞬时泄漏";
            case POOL_FIRE -> "池火";
            case VCE -> "蒸气云爆炸";
            case BLEVE -> "沸腾液体扩展蒸气爆炸（火球）";
        };
    }

    /** The engine inputs as stored, so the plan can recompute fields exactly. */
    static Map<String, Object> inputsMap(ScenarioEngine.Inputs in) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sourceEast", in.sourceEast());
        m.put("sourceNorth", in.sourceNorth());
        m.put("cas", in.chemical().cas());
        m.put("type", in.type().name());
        m.put("holeDiameter", nan(in.holeDiameter()));
        m.put("gaugePressure", in.gaugePressure());
        m.put("liquidHead", in.liquidHead());
        m.put("mass", nan(in.mass()));
        m.put("poolDiameter", nan(in.poolDiameter()));
        m.put("sourceHeight", in.sourceHeight());
        m.put("windSpeed", in.windSpeed());
        m.put("windFromDegrees", in.windFromDegrees());
        m.put("stability", in.stability().name());
        m.put("temperature", in.temperature());
        m.put("relativeHumidity", in.relativeHumidity());
        m.put("terrain", in.terrain().name());
        return m;
    }

    static ScenarioEngine.Inputs inputsFrom(Map<String, Object> m, ChemicalProperties table) {
        return new ScenarioEngine.Inputs(d(m, "sourceEast"), d(m, "sourceNorth"), table.get((String) m.get("cas")),
                ReleaseType.valueOf((String) m.get("type")), d(m, "holeDiameter"), d(m, "gaugePressure"), d(m, "liquidHead"), d(m, "mass"),
                d(m, "poolDiameter"), d(m, "sourceHeight"), d(m, "windSpeed"), d(m, "windFromDegrees"),
                StabilityClass.valueOf((String) m.get("stability")), d(m, "temperature"), d(m, "relativeHumidity"),
                DispersionTerrain.valueOf((String) m.get("terrain")));
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static double d(Map<String, Object> m, String k) {
        Object o = m.get(k);
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    /** The zones as a GeoJSON FeatureCollection in the park frame, plus the source point. */
    static Map<String, Object> featureCollection(ScenarioEngine.Result result, ScenarioEngine.Inputs in, Map<String, Object> params,
            List<String> assumptions) {
        List<Object> features = new ArrayList<>();
        // outermost first, so a map draws the most severe zone on top
        List<ScenarioEngine.Zone> zones = new ArrayList<>(result.zones());
        zones.sort(Comparator.comparingDouble(ScenarioEngine.Zone::distance).reversed());
        for (ScenarioEngine.Zone z : zones) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("layer", "zone");
            p.put("level", z.level());
            p.put("hazard", z.hazard());
            p.put("code", z.code());
            p.put("nameZh", z.nameZh());
            p.put("nameEn", z.nameEn());
            p.put("threshold", Double.isNaN(z.threshold()) ? null : z.threshold());
            p.put("thresholdUnit", Double.isNaN(z.threshold()) ? null : z.unit());
            p.put("distanceM", z.distance());
            p.put("truncatedAtModelRange", z.truncatedAtModelRange());
            p.put("model", z.model());
            p.put("parameters", params);
            p.put("sourceTerm", result.sourceTerm());
            p.put("assumptions", assumptions);
            features.add(Map.of("type", "Feature", "geometry", Map.of("type", "Polygon", "coordinates", List.of(z.polygon())),
                    "properties", p));
        }
        Map<String, Object> sp = new LinkedHashMap<>();
        sp.put("layer", "source");
        sp.put("nameZh", "泄漏/事故源");
        sp.put("nameEn", "Release point");
        sp.put("windFromDegrees", in.windFromDegrees());
        features.add(Map.of("type", "Feature", "geometry", Map.of("type", "Point", "coordinates",
                List.of(ScenarioEngine.round(in.sourceEast(), 1), ScenarioEngine.round(in.sourceNorth(), 1))), "properties", sp));
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("crs", "local-metres");
        fc.put("features", features);
        return fc;
    }

    static ProblemException modelProblem(ModelInputException e) {
        String field = e.parameter();
        return new ProblemException(422, "Validation failed", e.getMessage(), List.of(new FieldError(field, "range",
                field + " = " + e.value() + " is outside the model's valid range " + e.validRange())));
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(422, "Validation failed", message, List.of(new FieldError(field, "required", message)));
    }

    private static double pick(Double entered, Double live, String liveCode, double dflt, String key, Map<String, String> from) {
        if (entered != null) {
            from.put(key, "entered");
            return entered;
        }
        if (live != null) {
            from.put(key, "weather point " + liveCode);
            return live;
        }
        from.put(key, "default");
        return dflt;
    }

    private static double valueOr(Double entered, Double fallback, String key, String fallbackFrom, Map<String, Object> params,
            Map<String, String> from) {
        double v = entered != null ? entered : fallback;
        params.put(key, ScenarioEngine.round(v, 3));
        from.put(key, entered != null ? "entered" : fallbackFrom);
        return v;
    }

    /** Gauge vapour pressure [kPa] of a liquefied gas at T, when above ambient and tabulated. */
    private static Double vapourGauge(Chemical c, double tK) {
        try {
            double p = c.vapourPressure(tK) - ScenarioEngine.AMBIENT_PRESSURE;
            return p > 0 ? p / 1000 : null;
        } catch (ModelInputException e) {
            return null;
        }
    }

    private static double[] parkBox(Park park) {
        if (park == null || park.boundary() == null) {
            return new double[] { -1e5, -1e5, 1e5, 1e5 };
        }
        List<double[]> ring = Geo.outerRing(park.boundary());
        return ring.isEmpty() ? new double[] { -1e5, -1e5, 1e5, 1e5 } : Geo.bbox(ring);
    }

    private Map<String, Reading> latest(List<MonitoringPoint> points) {
        Optional<LiveValues> lv = live.get();
        if (lv.isEmpty()) {
            return Map.of();
        }
        try {
            return lv.get().latest(points.stream().map(MonitoringPoint::code).toList());
        } catch (RuntimeException e) {
            return Map.of(); // live data is a bonus; the scenario works without it
        }
    }

    private static boolean good(Reading r) {
        return r != null && r.quality() == Quality.GOOD && Double.isFinite(r.value());
    }

    /** Highest latest GOOD reading of a point type in a unit, converted to kPa (pressure) or m (level). */
    private static Double unitReading(Unit unit, List<MonitoringPoint> points, Map<String, Reading> latest, PointType type) {
        Double best = null;
        for (MonitoringPoint p : points) {
            if (p.type() != type || !unit.id().equals(p.unitId())) {
                continue;
            }
            Reading r = latest.get(p.code());
            if (!good(r)) {
                continue;
            }
            double v = r.value();
            String u = p.unit() == null ? "" : p.unit().trim();
            if (type == PointType.PRESSURE) {
                v = switch (u) {
                    case "MPa" -> v * 1000;
                    case "kPa" -> v;
                    case "bar" -> v * 100;
                    default -> Double.NaN;
                };
            } else if (!u.equals("m")) {
                v = Double.NaN; // levels in % cannot be turned into a head without the tank height
            }
            if (Double.isFinite(v) && v >= 0 && (best == null || v > best)) {
                best = v;
            }
        }
        return best;
    }

    private record WeatherPoints(Double windSpeed, String windSpeedCode, Double windFrom, String windFromCode, Double temperature,
            String temperatureCode) {
    }

    /**
     * Weather points of the asset model: a point whose unit is {@code m/s} is a wind speed, one whose unit is
     * {@code °} or {@code deg} a wind direction (from), and a TEMPERATURE point whose code starts with {@code WX-} the
     * air temperature. The freshest GOOD reading of each kind is used.
     */
    private static WeatherPoints weatherPoints(List<MonitoringPoint> points, Map<String, Reading> latest) {
        Reading ws = null, wd = null, t = null;
        for (MonitoringPoint p : points) {
            Reading r = latest.get(p.code());
            if (!good(r) || p.unit() == null) {
                continue;
            }
            String u = p.unit().trim();
            if (u.equals("m/s") && r.value() >= 0 && r.value() <= 60 && newer(r, ws)) {
                ws = r;
            } else if ((u.equals("°") || u.equals("deg")) && r.value() >= 0 && r.value() <= 360 && newer(r, wd)) {
                wd = r;
            } else if (p.type() == PointType.TEMPERATURE && p.code().startsWith("WX-") && r.value() >= -50 && r.value() <= 50 && newer(r, t)) {
                t = r;
            }
        }
        return new WeatherPoints(ws == null ? null : ws.value(), ws == null ? null : ws.pointId(), wd == null ? null : wd.value(),
                wd == null ? null : wd.pointId(), t == null ? null : t.value(), t == null ? null : t.pointId());
    }

    private static boolean newer(Reading r, Reading than) {
        return than == null || r.timestamp().isAfter(than.timestamp());
    }

    /** Gas detectors that currently see gas (≥ 10 % of their first-level alarm H), strongest first. */
    private static List<Map<String, Object>> detectors(List<MonitoringPoint> points, Map<String, Reading> latest) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MonitoringPoint p : points) {
            if (p.type() != PointType.COMBUSTIBLE_GAS && p.type() != PointType.TOXIC_GAS) {
                continue;
            }
            Reading r = latest.get(p.code());
            if (!good(r)) {
                continue;
            }
            double h = p.h() != null && p.h() > 0 ? p.h() : (p.rangeHigh() != null && p.rangeHigh() > 0 ? p.rangeHigh() * 0.25 : Double.NaN);
            if (!Double.isFinite(h) || r.value() < DETECTING_SHARE_OF_H * h) {
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("code", p.code());
            d.put("name", p.name());
            d.put("type", p.type().name());
            d.put("gasChemicalId", p.gasChemicalId());
            d.put("value", r.value());
            d.put("unit", p.unit());
            d.put("timestamp", r.timestamp().toString());
            d.put("alarmLevel", p.hh() != null && r.value() >= p.hh() ? "HH" : r.value() >= h ? "H" : "below alarm");
            d.put("shareOfAlarm", ScenarioEngine.round(r.value() / h, 3));
            double[] at = Geo.anchor(p.geometry());
            d.put("east", at == null ? null : at[0]);
            d.put("north", at == null ? null : at[1]);
            d.put("unitId", p.unitId());
            d.put("enterpriseId", p.enterpriseId());
            out.add(d);
        }
        out.sort(Comparator.comparingDouble((Map<String, Object> d) -> (Double) d.get("shareOfAlarm")).reversed());
        return out;
    }

    /** Marks, for each detector seeing gas, the most severe dispersion zone it lies in ({@code insideZone}) or null. */
    private static void markDetectors(List<Map<String, Object>> detectors, Collection<ScenarioEngine.Zone> zones, Chemical c) {
        List<ScenarioEngine.Zone> dispersion = zones.stream().filter(z -> z.hazard().equals("TOXIC") || z.hazard().equals("FLAMMABLE"))
                .sorted(Comparator.comparingDouble(ScenarioEngine.Zone::distance)).collect(Collectors.toList());
        for (Map<String, Object> d : detectors) {
            String in = null;
            if (d.get("east") != null) {
                for (ScenarioEngine.Zone z : dispersion) {
                    if (Geo.inside((Double) d.get("east"), (Double) d.get("north"), z.polygon())) {
                        in = z.code();
                        break;
                    }
                }
            }
            d.put("insideZone", in);
        }
    }
}
