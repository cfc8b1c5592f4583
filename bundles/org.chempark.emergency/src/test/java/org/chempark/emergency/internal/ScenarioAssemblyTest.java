package org.chempark.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chempark.asset.Unit;
import org.chempark.emergency.ReleaseType;
import org.chempark.emergency.ScenarioRequest;
import org.chempark.emergency.Weather;
import org.chempark.emergency.model.ChemicalProperties;
import org.chempark.emergency.model.DispersionTerrain;
import org.chempark.emergency.model.GasReleaseResult;
import org.chempark.emergency.model.GaussianPlume;
import org.chempark.emergency.model.HoleRelease;
import org.chempark.emergency.model.StabilityClass;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.telemetry.LiveValues;
import org.chempark.sdk.telemetry.Reading;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario assembly on the demo park (R-F6.5 事故后果模拟): the unit's position and inventory, the live
 * readings, the weather and its defaults, the zones as GeoJSON polygons in the park frame, and a 422
 * naming the parameter and its valid range for every invalid input.
 */
class ScenarioAssemblyTest {
    static DemoParkAssets park;
    static final ChemicalProperties TABLE = ChemicalProperties.defaults();
    static final Weather WEST_WIND_NIGHT = new Weather(2.0, 270.0, 0.0, false, null, 20.0, 0.7);

    @BeforeAll
    static void load() throws Exception {
        park = new DemoParkAssets();
    }

    static ScenarioAssembler assembler(LiveValues live) {
        return new ScenarioAssembler(park, () -> Optional.ofNullable(live), TABLE, ScenarioAssembler.Defaults.STANDARD);
    }

    static ScenarioRequest gasLeak(long unitId, String cas, Double holeMm, Double kPa, Weather w) {
        return new ScenarioRequest(null, unitId, null, null, cas, ReleaseType.GAS_LEAK, holeMm, kPa, null, null, null, null, w);
    }

    @Test
    @SuppressWarnings("unchecked")
    void chlorineLeakAtTheStorageUnitGivesDownwindZonesInTheParkFrame() {
        Unit u = park.unitByCode("E03-U03");
        ScenarioAssembler.Assembled a = assembler(null).assemble(gasLeak(u.id(), null, 10.0, 600.0, WEST_WIND_NIGHT));

        // chemical from the unit's inventory, source at the unit's centroid
        assertThat(a.inputs().chemical().cas()).isEqualTo("7782-50-5");
        double[] c = Geo.centroid(Geo.outerRing(u.geometry()));
        assertThat(a.inputs().sourceEast()).isCloseTo(c[0], within(0.01));
        assertThat(a.inputs().sourceNorth()).isCloseTo(c[1], within(0.01));
        assertThat(a.inputs().stability()).isEqualTo(StabilityClass.F); // 2 m/s, clear night
        assertThat(a.enterpriseId()).isEqualTo(3L);

        // the same numbers straight from the model library: the assembly adds nothing and loses nothing
        GasReleaseResult q = HoleRelease.gas(0.010, 1.0, 600_000 + 101_325, 293.15, TABLE.get("7782-50-5").molarMass(), 1.3, 101_325);
        GaussianPlume plume = new GaussianPlume(q.massRate(), 0, 2.0, StabilityClass.F, DispersionTerrain.URBAN);
        double idlhDistance = plume.maxThresholdDistance(TABLE.get("7782-50-5").idlhAsMgPerM3(), 0);
        ScenarioEngine.Zone idlh = a.result().zones().stream().filter(z -> z.code().equals("IDLH")).findFirst().orElseThrow();
        assertThat(idlh.distance()).isCloseTo(idlhDistance, within(0.1));
        assertThat(idlh.level()).isEqualTo(1);
        assertThat(a.result().zones()).extracting(ScenarioEngine.Zone::code).contains("IDLH", "ERPG-2", "AEGL-2");
        // chlorine is not flammable: no LEL zone
        assertThat(a.result().zones()).noneMatch(z -> z.hazard().equals("FLAMMABLE"));
        // a lower threshold reaches farther
        assertThat(a.result().zones()).allSatisfy(z -> assertThat(z.distance()).isGreaterThanOrEqualTo(idlh.distance()));

        // GeoJSON: closed polygons lying downwind (east) of the source for a west wind
        Map<String, Object> fc = (Map<String, Object>) ScenarioStore.toMap(a.document()).get("zones"); // as served (JSON)
        assertThat(fc.get("type")).isEqualTo("FeatureCollection");
        List<Map<String, Object>> features = (List<Map<String, Object>>) fc.get("features");
        List<Map<String, Object>> polygons = features.stream().filter(f -> ((Map<String, Object>) f.get("geometry")).get("type").equals("Polygon")).toList();
        assertThat(polygons).hasSize(a.result().zones().size());
        for (Map<String, Object> f : polygons) {
            List<List<Double>> ring = ((List<List<List<Double>>>) ((Map<String, Object>) f.get("geometry")).get("coordinates")).get(0);
            assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
            assertThat(ring).allSatisfy(p -> assertThat(p.get(0)).isGreaterThanOrEqualTo(c[0] - 1.0));
            double maxEast = ring.stream().mapToDouble(p -> p.get(0)).max().orElseThrow();
            Map<String, Object> props = (Map<String, Object>) f.get("properties");
            assertThat(maxEast - c[0]).isCloseTo((Double) props.get("distanceM"), within(2.0));
            assertThat(props).containsKeys("level", "threshold", "thresholdUnit", "distanceM", "model", "parameters", "assumptions");
        }
        assertThat((List<String>) a.document().get("assumptions")).noneMatch(s -> s.startsWith("Weather defaults"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void defaultsAreUsedAndSaidWhenNothingIsEntered() {
        Unit u = park.unitByCode("E08-U02"); // liquid ammonia spheres
        // only the temperature entered (the table's Antoine range for ammonia ends at 20 °C)
        ScenarioAssembler.Assembled a = assembler(null).assemble(gasLeak(u.id(), null, null, null,
                new Weather(null, null, null, null, null, 15.0, null)));
        Map<String, Object> w = (Map<String, Object>) a.document().get("weather");
        assertThat(w.get("windSpeed")).isEqualTo(1.5);
        assertThat(w.get("stability")).isEqualTo("F");
        assertThat((Map<String, String>) w.get("sources")).containsEntry("windSpeed", "default").containsEntry("windFromDegrees", "default");
        assertThat((List<String>) a.document().get("assumptions")).anyMatch(s -> s.startsWith("Weather defaults") && s.contains("40 CFR 68.22"));
        Map<String, String> sources = (Map<String, String>) a.document().get("sources");
        assertThat(sources.get("cas")).isEqualTo("largest inventory item of unit E08-U02");
        assertThat(sources.get("pressureKPa")).contains("vapour pressure of ammonia");
        // ammonia at 15 °C: about 730 kPa absolute (Lange's) → ~630 kPa gauge
        assertThat((Double) ((Map<String, Object>) a.document().get("parameters")).get("pressureKPa")).isBetween(580.0, 680.0);
        assertThat(sources.get("holeDiameterMm")).startsWith("default");
        // with 25 °C the Antoine range (≤ 20 °C) is left: the documented 500 kPa default is used and said
        ScenarioAssembler.Assembled warm = assembler(null).assemble(gasLeak(u.id(), null, null, null, null));
        assertThat(((Map<String, String>) warm.document().get("sources")).get("pressureKPa")).isEqualTo("default (500.0 kPa gauge)");
        assertThat(a.result().zones()).extracting(ScenarioEngine.Zone::hazard).contains("TOXIC", "FLAMMABLE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void liveReadingsGiveThePressureAndTheDetectorsThatSeeGas() {
        Unit u = park.unitByCode("E03-U03");
        Instant now = Instant.now();
        FixedLiveValues live = new FixedLiveValues()
                .put(Reading.good("E03-PT-3101", now, 0.75, "test"))      // MPa
                .put(Reading.good("E03-AT-3101", now, 2.4, "test"))       // ppm Cl2, far above H = 0.3
                .put(Reading.good("E03-AT-4101", now, 0.5, "test"))       // ~590 m east: downwind
                .put(Reading.good("E03-AT-1101", now, 0.2, "test"))       // ~340 m south: crosswind
                .put(Reading.good("E03-AT-5102", now, 0.01, "test"));     // background, below 10 % of H
        ScenarioAssembler.Assembled a = assembler(live).assemble(gasLeak(u.id(), null, 10.0, null, WEST_WIND_NIGHT));
        Map<String, Object> params = (Map<String, Object>) a.document().get("parameters");
        assertThat((Double) params.get("pressureKPa")).isCloseTo(750.0, within(1e-6));
        assertThat(((Map<String, String>) a.document().get("sources")).get("pressureKPa")).isEqualTo("latest pressure reading of unit E03-U03");
        List<Map<String, Object>> detectors = (List<Map<String, Object>>) a.document().get("detectors");
        assertThat(detectors).extracting(d -> d.get("code")).containsExactly("E03-AT-3101", "E03-AT-4101", "E03-AT-1101");
        assertThat(detectors.get(0).get("alarmLevel")).isEqualTo("HH");
        assertThat(detectors.get(1).get("insideZone")).as("downwind detector lies in a predicted zone").isIn("IDLH", "ERPG-2", "AEGL-2");
        assertThat(detectors.get(2).get("insideZone")).as("crosswind detector lies outside every zone").isNull();
        assertThat(a.document().get("liveData")).isEqualTo(true);

        // no place given: the source is located at the detector that sees most gas
        ScenarioAssembler.Assembled located = assembler(live).assemble(new ScenarioRequest(null, null, null, null, null, ReleaseType.GAS_LEAK,
                10.0, 600.0, null, null, null, null, WEST_WIND_NIGHT));
        assertThat(located.inputs().sourceEast()).isEqualTo(1306.1);
        assertThat(located.inputs().sourceNorth()).isEqualTo(2275.0);
        assertThat(located.unitId()).isEqualTo(u.id());
        assertThat(((Map<String, String>) located.document().get("sources")).get("source")).contains("E03-AT-3101");
    }

    @Test
    void windZeroForAPlumeIsA422NamingTheParameterAndItsRange() {
        Unit u = park.unitByCode("E03-U03");
        ProblemException e = problem(() -> assembler(null).assemble(gasLeak(u.id(), null, 10.0, 600.0,
                new Weather(0.0, 270.0, 0.0, false, null, 20.0, 0.7))));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("weather.windSpeed");
        assertThat(e.errors().get(0).message()).contains("0.5").contains("50").contains("m/s");
        // a pool fire has no plume: calm is allowed
        ScenarioAssembler.Assembled fire = assembler(null).assemble(new ScenarioRequest(null, park.unitByCode("E02-U01").id(), null, null, null,
                ReleaseType.POOL_FIRE, null, null, null, null, 15.0, null, new Weather(0.0, 270.0, 0.0, false, null, 20.0, 0.7)));
        assertThat(fire.result().zones()).isNotEmpty();
    }

    @Test
    void invalidInputsNameTheParameterAndTheValidRange() {
        long unit = park.unitByCode("E01-U01").id();
        ProblemException neg = problem(() -> assembler(null).assemble(new ScenarioRequest(null, unit, null, null, null, ReleaseType.VCE, null, null,
                null, -5.0, null, null, WEST_WIND_NIGHT)));
        assertThat(neg.status()).isEqualTo(422);
        assertThat(neg.errors()).extracting(FieldError::field).containsExactly("massKg");
        assertThat(neg.errors().get(0).message()).contains("between 1 and 10000000");

        ProblemException unknown = problem(() -> assembler(null).assemble(gasLeak(unit, "50-00-9", 10.0, 600.0, WEST_WIND_NIGHT)));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errors()).extracting(FieldError::field).containsExactly("cas");
        assertThat(unknown.errors().get(0).message()).contains("50-00-9").contains("/emergency/scenarios/chemicals");

        ProblemException outside = problem(() -> assembler(null).assemble(new ScenarioRequest(null, null, 20_000.0, 500.0, "7782-50-5",
                ReleaseType.GAS_LEAK, 10.0, 600.0, null, null, null, null, WEST_WIND_NIGHT)));
        assertThat(outside.errors()).extracting(FieldError::field).containsExactly("east");
        assertThat(outside.errors().get(0).message()).contains("between -1000 and 7000");

        ProblemException noType = problem(() -> assembler(null).assemble(new ScenarioRequest(null, unit, null, null, null, null, null, null, null,
                null, null, null, null)));
        assertThat(noType.errors()).extracting(FieldError::field).containsExactly("releaseType");

        // a model limit: chlorine cannot burn
        ProblemException notFlammable = problem(() -> assembler(null).assemble(new ScenarioRequest(null, park.unitByCode("E03-U03").id(), null,
                null, null, ReleaseType.POOL_FIRE, null, null, null, null, 10.0, null, WEST_WIND_NIGHT)));
        assertThat(notFlammable.status()).isEqualTo(422);
        assertThat(notFlammable.errors().get(0).field()).contains("7782-50-5");
        assertThat(notFlammable.errors().get(0).message()).contains("flammable");

        ProblemException noUnit = problem(() -> assembler(null).assemble(gasLeak(99_999, null, 10.0, 600.0, WEST_WIND_NIGHT)));
        assertThat(noUnit.errors()).extracting(FieldError::field).containsExactly("unitId");
    }

    @Test
    void explosionAndFireballZonesAreCirclesAroundTheSource() {
        Unit lpg = park.unitByCode("E01-U01");
        ScenarioAssembler.Assembled vce = assembler(null).assemble(new ScenarioRequest(null, lpg.id(), null, null, null, ReleaseType.VCE, null,
                null, null, 10_000.0, null, null, WEST_WIND_NIGHT));
        assertThat(vce.result().zones()).extracting(ScenarioEngine.Zone::code).containsExactly("DEATH_50", "44kPa", "17kPa", "PROPERTY");
        assertThat(vce.result().field()).isNotNull();
        for (ScenarioEngine.Zone z : vce.result().zones()) {
            for (double[] p : z.polygon()) {
                assertThat(Math.hypot(p[0] - vce.inputs().sourceEast(), p[1] - vce.inputs().sourceNorth())).isCloseTo(z.distance(), within(0.2));
            }
        }
        // mass from the inventory when not entered: 2970 t of LPG
        ScenarioAssembler.Assembled bleve = assembler(null).assemble(new ScenarioRequest(null, lpg.id(), null, null, null, ReleaseType.BLEVE, null,
                null, null, null, null, null, WEST_WIND_NIGHT));
        assertThat(bleve.inputs().mass()).isEqualTo(2_970_000.0);
        assertThat(bleve.result().zones()).extracting(ScenarioEngine.Zone::code).containsExactly("DEATH_50", "BURN_2", "BURN_1");
    }

    @Test
    void storedInputsRecomputeTheSameZones() {
        ScenarioAssembler.Assembled a = assembler(null).assemble(gasLeak(park.unitByCode("E03-U03").id(), null, 10.0, 600.0, WEST_WIND_NIGHT));
        Map<String, Object> stored = ScenarioStore.toMap(a.document().get("inputs"));
        ScenarioEngine.Result again = ScenarioEngine.compute(ScenarioAssembler.inputsFrom(stored, TABLE));
        assertThat(again.zones()).hasSameSizeAs(a.result().zones());
        for (int i = 0; i < again.zones().size(); i++) {
            assertThat(again.zones().get(i).distance()).isEqualTo(a.result().zones().get(i).distance());
        }
    }

    private static ProblemException problem(Runnable r) {
        try {
            r.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("no ProblemException");
    }

    @Test
    void problemHelperFailsWithoutAnException() {
        assertThatThrownBy(() -> problem(() -> { })).isInstanceOf(AssertionError.class);
    }
}
