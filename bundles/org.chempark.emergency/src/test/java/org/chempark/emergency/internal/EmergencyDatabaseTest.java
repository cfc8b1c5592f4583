package org.chempark.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.chempark.asset.Unit;
import org.chempark.emergency.ReleaseType;
import org.chempark.emergency.ScenarioRequest;
import org.chempark.emergency.Weather;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module on a real PostgreSQL (zonky embedded server) with its own migration and the demo park:
 * stored scenarios, the generated response plan (R-F6.5) and the emergency resources registry with its
 * validation, data scope and statistics (R-F6.2).
 */
class EmergencyDatabaseTest {
    @TempDir
    static Path dir;
    static EmbeddedPostgres pg;
    static DataSource ds;
    static DemoParkAssets park;
    static EmergencyServiceImpl service;
    static final Weather WEST_WIND_NIGHT = new Weather(2.0, 270.0, 0.0, false, null, 20.0, 0.7);

    static final Subject PARK_ADMIN = new Subject(1, "commander", 1, OrganisationType.PARK, null, Set.of(), Set.of("park-admin"),
            Set.of("emergency:read", "emergency:admin"), "zh-CN");
    /** Safety officer of E03 (江苏华氯化工, enterprise id 3). */
    static final Subject E03_USER = new Subject(2, "e03-safety", 3, OrganisationType.ENTERPRISE, 3L, Set.of(), Set.of("enterprise-safety"),
            Set.of("emergency:read", "emergency:admin"), "zh-CN");

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setOverrideWorkingDirectory(dir.resolve("bin").toFile()).start();
        ds = pg.getPostgresDatabase();
        new org.chempark.core.db.internal.JdbcSchemaMigrator(ds).migrate("emergency", EmergencyDatabaseTest.class.getClassLoader(),
                "db/emergency", EmergencyServiceImpl.MIGRATIONS);
        park = new DemoParkAssets();
        service = new EmergencyServiceImpl(park, ds, null, new PlanBuilder.Office("园区应急管理办公室", "值班", "0513-83350119"));
        assertThat(service.loadDemoResources()).isGreaterThan(60);
        assertThat(service.loadDemoResources()).as("loaded once only").isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        SubjectHolder.clear();
        pg.close();
    }

    @BeforeEach
    void asCommander() {
        SubjectHolder.set(PARK_ADMIN);
    }

    static Map<String, Object> chlorineLeak() {
        Unit u = park.unitByCode("E03-U03");
        return service.compute(new ScenarioRequest("液氯储罐泄漏", u.id(), null, null, null, ReleaseType.GAS_LEAK, 25.0, 600.0, null, null,
                null, null, WEST_WIND_NIGHT));
    }

    @Test
    @SuppressWarnings("unchecked")
    void scenarioIsStoredListedAndReopened() {
        Map<String, Object> s = chlorineLeak();
        long id = ((Number) s.get("id")).longValue();
        assertThat(s.get("createdBy")).isEqualTo("commander");
        assertThat(((Map<String, Object>) s.get("zones")).get("features")).asList().hasSizeGreaterThan(3);
        Map<String, Object> again = service.scenario(id).orElseThrow();
        assertThat(again.get("zones")).isEqualTo(s.get("zones"));
        Page<Map<String, Object>> page = service.scenarios.list(PageQuery.parse(0, 5, null, Set.of()));
        assertThat(page.items()).extracting(m -> m.get("id")).contains(id);
        assertThat(page.items().get(0).get("chemicalZh")).isEqualTo("氯气");

        // an enterprise user sees its own enterprise's scenarios only, and may not compute at a map point
        SubjectHolder.set(E03_USER);
        assertThat(service.scenarios.list(PageQuery.parse(0, 50, null, Set.of())).items())
                .allSatisfy(m -> assertThat(m.get("enterpriseId")).isEqualTo(3L));
        ProblemException e = expectProblem(() -> service.compute(new ScenarioRequest(null, null, 1000.0, 1000.0, "7782-50-5",
                ReleaseType.GAS_LEAK, 10.0, 500.0, null, null, null, null, WEST_WIND_NIGHT)));
        assertThat(e.status()).isEqualTo(403);
        e = expectProblem(() -> service.compute(new ScenarioRequest(null, park.unitByCode("E01-U01").id(), null, null, null, ReleaseType.VCE,
                null, null, null, 1000.0, null, null, WEST_WIND_NIGHT)));
        assertThat(e.status()).as("another enterprise's unit is invisible").isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void planOfAChlorineLeakOnTheDemoPark() {
        Map<String, Object> s = chlorineLeak();
        Map<String, Object> plan = service.plan(((Number) s.get("id")).longValue());

        List<Map<String, Object>> zones = (List<Map<String, Object>>) plan.get("zones");
        assertThat(zones).isNotEmpty();
        // the source unit's own enterprise is inside the most severe zone, with people
        Map<String, Object> idlh = zones.stream().filter(z -> z.get("code").equals("IDLH")).findFirst().orElseThrow();
        List<Map<String, Object>> ents = (List<Map<String, Object>>) idlh.get("enterprises");
        assertThat(ents).extracting(m -> m.get("code")).contains("E03");
        assertThat((Long) ents.get(0).get("peopleInsideEstimate")).isPositive();
        assertThat((List<Map<String, Object>>) idlh.get("units")).extracting(m -> m.get("code")).contains("E03-U03");
        // with a west wind the plume runs east along 纬二/纬三路: E02 (east of E03) is exposed in the widest zone
        Map<String, Object> widest = zones.stream().max((a, b) -> Double.compare((Double) a.get("distanceM"), (Double) b.get("distanceM"))).orElseThrow();
        assertThat((List<Map<String, Object>>) widest.get("enterprises")).extracting(m -> m.get("code")).contains("E02");
        assertThat((Map<String, Object>) plan.get("summary")).containsKey("peopleInsideEstimate");
        assertThat((Long) ((Map<String, Object>) plan.get("summary")).get("peopleInsideEstimate")).isPositive();

        // resources: suitable for a toxic release, usable, outside the IDLH zone, nearest first
        Map<String, List<Map<String, Object>>> res = (Map<String, List<Map<String, Object>>>) plan.get("resources");
        assertThat(res.get("TEAM")).isNotEmpty();
        assertThat(res.get("TEAM")).extracting(m -> m.get("type")).doesNotContain("ENTERPRISE"); // enterprise teams: fire only
        assertThat(res.get("MATERIAL")).extracting(m -> m.get("type")).doesNotContain("FOAM", "SANDBAG").contains("SCBA");
        assertThat(res.get("MATERIAL")).extracting(m -> m.get("code")).doesNotContain("P-MAT-AID-OLD"); // expired
        assertThat(res.get("EQUIPMENT")).extracting(m -> m.get("code")).doesNotContain("E03-GD"); // at calibration
        for (List<Map<String, Object>> list : res.values()) {
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).get("distanceM") != null) {
                    assertThat((Double) list.get(i).get("distanceM")).isGreaterThanOrEqualTo((Double) list.get(i - 1).get("distanceM"));
                }
            }
        }
        List<double[]> idlhRing = ((List<List<List<Number>>>) ((Map<String, Object>) ((List<Map<String, Object>>) ((Map<String, Object>) s
                .get("zones")).get("features")).stream().filter(f -> "IDLH".equals(((Map<String, Object>) f.get("properties")).get("code")))
                .findFirst().orElseThrow().get("geometry")).get("coordinates")).get(0).stream()
                .map(p -> new double[] { p.get(0).doubleValue(), p.get(1).doubleValue() }).toList();
        res.values().stream().flatMap(List::stream).filter(m -> m.get("east") != null).forEach(m -> assertThat(
                Geo.inside((Double) m.get("east"), (Double) m.get("north"), idlhRing)).as("%s inside IDLH", m.get("code")).isFalse());
        // experts' mobiles are masked for a commander without security:sensitive-read
        assertThat(res.get("EXPERT")).isNotEmpty().allSatisfy(m -> assertThat((String) m.get("mobile")).contains("****"));

        // assembly points: computed on roads (the demo park has none on its map), not downwind, clear of every zone
        List<Map<String, Object>> ap = (List<Map<String, Object>>) plan.get("assemblyPoints");
        assertThat(ap).hasSize(3).allSatisfy(a -> {
            assertThat((String) a.get("origin")).startsWith("computed on road");
            double de = (Double) a.get("east") - ((Number) ((Map<String, Object>) plan.get("source")).get("east")).doubleValue();
            double dist = (Double) a.get("distanceM");
            assertThat(de / dist).as("not downwind (east) of the source").isLessThan(0.5);
        });
        // notifications: the park office first, then E03's safety contact among the enterprises inside
        List<Map<String, Object>> notify = (List<Map<String, Object>>) plan.get("notifications");
        assertThat(notify.get(0).get("organisation")).isEqualTo("园区应急管理办公室");
        assertThat(notify).anySatisfy(n -> {
            assertThat(n.get("organisation")).isEqualTo("江苏华氯化工有限公司");
            assertThat(n.get("contact")).isEqualTo("周国平");
        });
        assertThat(plan.get("dominoNote").toString()).contains("no domino");

        String html = service.planHtml(service.scenario(((Number) s.get("id")).longValue()).orElseThrow());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("应急处置方案").contains("@media print").contains("window.print()")
                .contains("江苏华氯化工有限公司").contains("<svg").contains("IDLH").doesNotContain("13905130001");
    }

    @Test
    @SuppressWarnings("unchecked")
    void planOfAnLpgExplosionListsDominoUnits() {
        Unit lpg = park.unitByCode("E01-U01");
        // mass not given: the unit's whole inventory (2970 t), the documented worst case
        Map<String, Object> s = service.compute(new ScenarioRequest(null, lpg.id(), null, null, null, ReleaseType.VCE, null, null, null,
                null, null, null, WEST_WIND_NIGHT));
        Map<String, Object> plan = service.plan(((Number) s.get("id")).longValue());
        List<Map<String, Object>> domino = (List<Map<String, Object>>) plan.get("domino");
        assertThat(domino).isNotEmpty().noneMatch(d -> d.get("code").equals("E01-U01"));
        // every listed unit sees at least its threshold (16 kPa pressurised, 22 kPa atmospheric)
        assertThat(domino).allSatisfy(d -> assertThat((Double) d.get("value")).isGreaterThanOrEqualTo((Double) d.get("threshold")));
        Map<String, List<Map<String, Object>>> res = (Map<String, List<Map<String, Object>>>) plan.get("resources");
        assertThat(res.get("MATERIAL")).extracting(m -> m.get("type")).contains("FOAM");
    }

    @Test
    void resourceValidationNamesEveryField() {
        ProblemException e = expectProblem(() -> service.resources.create(item("EXPERT", null, "X-1", "无手机专家", "FIRE", null, null, null, null,
                null, null, null)));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.errors()).extracting(FieldError::field).contains("organisation", "mobile");

        e = expectProblem(() -> service.resources.create(item("MATERIAL", null, "X-2", "泡沫", "LASER", null, null, null, -3.0, null, null, null)));
        assertThat(e.errors()).extracting(FieldError::field).contains("type", "quantity", "quantityUnit", "east", "north");
        assertThat(e.errors().stream().filter(f -> f.field().equals("type")).findFirst().orElseThrow().message()).contains("FOAM");

        e = expectProblem(() -> service.resources.create(item("TEAM", null, "X-3", "队", "HAZMAT", null, null, 0, null, null, 100.0, 99_999.0)));
        assertThat(e.errors()).extracting(FieldError::field).contains("members", "north");

        e = expectProblem(() -> service.resources.create(item("EXPERT", null, "X-4", "专家", "FIRE", "机构", "12345", null, null, null, null, null)));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("mobile");

        e = expectProblem(() -> service.resources.create(item("TEAM", 77L, "X-5", "队", "HAZMAT", null, null, 5, null, null, 100.0, 100.0)));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("enterpriseId");

        e = expectProblem(() -> service.resources.create(item("TEAM", null, "P-TEAM-FIRE", "重复", "HAZMAT", null, null, 5, null, null, 100.0, 100.0)));
        assertThat(e.status()).isEqualTo(409);
        assertThat(service.resources.list(PageQuery.parse(0, 5, null, ResourceStore.SORTABLE), new ResourceStore.Filter(null, null, null, "X-", null))
                .total()).as("nothing half-written").isZero();
    }

    @Test
    void enterpriseUsersSeeAndEditOnlyTheirEnterprisesResources() {
        SubjectHolder.set(E03_USER);
        Page<EmergencyResourceItem> mine = service.resources.list(PageQuery.parse(0, 100, "code", ResourceStore.SORTABLE),
                new ResourceStore.Filter(null, null, null, null, null));
        assertThat(mine.items()).isNotEmpty().allSatisfy(i -> assertThat(i.enterpriseId()).isEqualTo(3L));
        assertThat(mine.total()).isEqualTo(mine.items().size());

        long parkTeam = idOf("P-TEAM-FIRE");
        long otherTeam = idOf("E01-TEAM");
        SubjectHolder.set(E03_USER);
        assertThat(expectProblem(() -> service.resources.get(parkTeam)).status()).isEqualTo(404);
        assertThat(expectProblem(() -> service.resources.get(otherTeam)).status()).isEqualTo(404);
        assertThat(expectProblem(() -> service.resources.delete(otherTeam)).status()).isEqualTo(404);
        ProblemException e = expectProblem(() -> service.resources.create(item("TEAM", 1L, "E03-X", "队", "HAZMAT", null, null, 5, null, null,
                100.0, 100.0)));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("enterpriseId");
        e = expectProblem(() -> service.resources.create(item("TEAM", null, "E03-Y", "队", "HAZMAT", null, null, 5, null, null, 100.0, 100.0)));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("enterpriseId");

        // own enterprise: create, update with the version read, stale version → 409, delete
        EmergencyResourceItem created = service.resources.create(item("MATERIAL", 3L, "E03-NEUT", "氯气中和剂", "NEUTRALISER", null, null, null,
                5.0, "t", 1300.0, 2300.0));
        EmergencyResourceItem changed = service.resources.update(created.id(), new EmergencyResourceItem(null, "MATERIAL", 3L, "E03-NEUT",
                "氯气中和剂（烧碱）", "NEUTRALISER", null, null, null, 6.0, "t", 1300.0, 2300.0, LocalDate.now().plusYears(1), true, null,
                created.version(), null));
        assertThat(changed.version()).isEqualTo(created.version() + 1);
        assertThat(changed.quantity()).isEqualTo(6.0);
        assertThat(expectProblem(() -> service.resources.update(created.id(), new EmergencyResourceItem(null, "MATERIAL", 3L, "E03-NEUT", "x",
                "NEUTRALISER", null, null, null, 1.0, "t", 1300.0, 2300.0, null, true, null, created.version(), null))).status()).isEqualTo(409);
        service.resources.delete(created.id());
        assertThat(expectProblem(() -> service.resources.get(created.id())).status()).isEqualTo(404);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> byEnterprise = (List<Map<String, Object>>) service.resources.statistics(service.enterpriseNames())
                .get("byEnterprise");
        assertThat(byEnterprise).singleElement().satisfies(m -> assertThat(m.get("enterpriseId")).isEqualTo(3L));
    }

    @Test
    @SuppressWarnings("unchecked")
    void statisticsByEnterpriseAndTypeWithAvailability() {
        Map<String, Object> s = service.resources.statistics(service.enterpriseNames());
        assertThat((Integer) s.get("total")).isGreaterThan(60);
        assertThat((Long) s.get("expired")).isGreaterThanOrEqualTo(1);
        List<Map<String, Object>> byType = (List<Map<String, Object>>) s.get("byType");
        Map<String, Object> aid = byType.stream().filter(t -> t.get("type").equals("FIRST_AID")).findFirst().orElseThrow();
        assertThat(aid.get("count")).isEqualTo(2);
        assertThat(aid.get("usable")).as("one batch expired").isEqualTo(1);
        Map<String, Object> gd = byType.stream().filter(t -> t.get("type").equals("GAS_DETECTOR")).findFirst().orElseThrow();
        assertThat((Integer) gd.get("count") - (Integer) gd.get("usable")).as("E03's detectors at calibration").isEqualTo(1);
        List<Map<String, Object>> byEnterprise = (List<Map<String, Object>>) s.get("byEnterprise");
        assertThat(byEnterprise).anySatisfy(m -> assertThat(m.get("enterpriseName")).isEqualTo("园区 Park"));
        assertThat(byEnterprise).hasSize(15);
        // unmasked for a caller with security:sensitive-read
        long expert = idOf("P-EXP-01");
        SubjectHolder.set(new Subject(3, "auditor", 1, OrganisationType.PARK, null, Set.of(), Set.of(), Set.of("emergency:read",
                "security:sensitive-read"), "zh-CN"));
        assertThat(service.resources.get(expert).mobile()).isEqualTo("13905130001");
        SubjectHolder.set(PARK_ADMIN);
        assertThat(service.resources.get(expert).mobile()).isEqualTo("139****0001");
    }

    private static long idOf(String code) {
        SubjectHolder.set(PARK_ADMIN);
        return service.resources.list(PageQuery.parse(0, 5, null, ResourceStore.SORTABLE), new ResourceStore.Filter(null, null, null, code, null))
                .items().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow().id();
    }

    static EmergencyResourceItem item(String cat, Long ent, String code, String name, String type, String org, String mobile, Integer members,
            Double qty, String unit, Double east, Double north) {
        return new EmergencyResourceItem(null, cat, ent, code, name, type, org, mobile, members, qty, unit, east, north, null, true, null, null,
                null);
    }

    static ProblemException expectProblem(Runnable r) {
        try {
            r.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("expected a ProblemException");
    }
}
