package org.chempark.asset.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.chempark.asset.Chemical;
import org.chempark.asset.Enterprise;
import org.chempark.asset.InventoryItem;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.PointType;
import org.chempark.asset.Unit;
import org.chempark.asset.UnitType;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asset store against a real PostgreSQL and Hibernate, with the module's own migration
 * and the demo park (R-F1.1, R-A.5). Each write that breaks a rule must leave the data as it was.
 */
class AssetStoreTest {
    @TempDir
    static Path dir;
    static EmbeddedPostgres pg;
    static EntityManagerFactory emf;
    static AssetStore store;
    static DataSource ds;

    static final Subject PARK_ADMIN = Subject.system("test");

    @BeforeEach
    void asParkStaff() {
        SubjectHolder.set(PARK_ADMIN);
    }

    @BeforeAll
    static void start() throws Exception {
        SubjectHolder.set(PARK_ADMIN);
        pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setOverrideWorkingDirectory(dir.resolve("bin").toFile()).start();
        ds = pg.getPostgresDatabase();
        new org.chempark.core.db.internal.JdbcSchemaMigrator(ds).migrate("asset", AssetStoreTest.class.getClassLoader(), "db/asset",
                AssetServiceImpl.MIGRATIONS);
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", ds);
        emf = Persistence.createEntityManagerFactory("chempark.asset", props);
        store = new AssetStore(new Tx(emf));
        try (InputStream in = AssetStoreTest.class.getClassLoader().getResourceAsStream(DemoPark.RESOURCE)) {
            DemoPark.Counts c = DemoPark.load(store, in);
            assertThat(c.enterprises()).isGreaterThanOrEqualTo(10);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        emf.close();
        pg.close();
    }

    static final PageQuery ALL = PageQuery.parse(0, 500, null, Set.of());

    @Test
    void demoParkIsRealisticAndComplete() {
        Map<String, Object> stats = store.statistics();
        @SuppressWarnings("unchecked")
        Map<String, Long> totals = (Map<String, Long>) stats.get("totals");
        assertThat(totals.get("enterprises")).isGreaterThanOrEqualTo(10);
        assertThat(totals.get("units")).isGreaterThanOrEqualTo(30);
        assertThat(totals.get("points")).isGreaterThanOrEqualTo(300);
        assertThat(store.park()).isPresent();
        // every unit holds at least one real chemical with a positive quantity
        assertThat(store.allUnits()).allSatisfy(u -> assertThat(u.inventory()).isNotEmpty()
                .allSatisfy(i -> assertThat(i.quantityT()).isPositive()));
        // the map has every layer
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> features = (List<Map<String, Object>>) store.map(AssetResource.LAYERS).get("features");
        assertThat(features).extracting(f -> String.valueOf(((Map<?, ?>) f.get("properties")).get("layer")))
                .contains("park", "features", "enterprises", "units", "equipment", "points");
    }

    @Test
    void keywordSearchFindsChineseNamesAndPages() {
        Page<Unit> methanol = store.units(ALL, "甲醇", null, null);
        assertThat(methanol.total()).isPositive();
        assertThat(methanol.items()).allSatisfy(u -> assertThat(u.name() + u.code()).contains("甲醇"));
        Page<Enterprise> page = store.enterprises(PageQuery.parse(1, 5, "-code", AssetStore.ENTERPRISE_SORT), null, null);
        assertThat(page.items()).hasSize(5);
        assertThat(page.items().get(0).code()).isGreaterThan(page.items().get(4).code());
        assertThat(page.total()).isEqualTo(store.allEnterprises().size());
    }

    @Test
    void invalidEnterpriseListsEveryViolationAndWritesNothing() {
        long before = store.allEnterprises().size();
        assertThatThrownBy(() -> store.createEnterprise(new Enterprise(null, "bad code!", "", "91320681MA4LGYMW52", null, null, null,
                "abc", null, -1, Map.of("type", "Polygon", "coordinates", List.of()), null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).extracting(f -> f.field())
                            .contains("code", "name", "creditCode", "industry", "phone", "employees", "geometry");
                });
        assertThat(store.allEnterprises()).hasSize((int) before);
    }

    @Test
    void duplicateCodesAndCreditCodesAreConflicts() {
        Enterprise existing = store.allEnterprises().get(0);
        assertThatThrownBy(() -> store.createEnterprise(new Enterprise(null, existing.code(), "重复", "91350100M000100Y43", "精细化工",
                null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> store.createEnterprise(new Enterprise(null, "E-NEW", "重复", existing.creditCode(), "精细化工",
                null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errors().get(0).field()).isEqualTo("creditCode");
                });
    }

    @Test
    void optimisticLockingOnUpdate() {
        Enterprise e = store.createEnterprise(new Enterprise(null, "E-LOCK", "锁测试化工有限公司", "91320681MA1XYW1231", "精细化工", null, null, null, null, 10, null, null));
        Enterprise renamed = store.updateEnterprise(e.id(), withName(e, "改名一", e.version()));
        assertThat(renamed.version()).isEqualTo(e.version() + 1);
        assertThatThrownBy(() -> store.updateEnterprise(e.id(), withName(e, "改名二", e.version())))
                .isInstanceOfSatisfying(ProblemException.class, x -> assertThat(x.status()).isEqualTo(409));
        assertThatThrownBy(() -> store.updateEnterprise(e.id(), withName(e, "改名三", null)))
                .isInstanceOfSatisfying(ProblemException.class, x -> assertThat(x.status()).isEqualTo(422));
        assertThat(store.enterprise(e.id()).name()).isEqualTo("改名一");
        store.deleteEnterprise(e.id());
        assertThatThrownBy(() -> store.enterprise(e.id()))
                .isInstanceOfSatisfying(ProblemException.class, x -> assertThat(x.status()).isEqualTo(404));
    }

    @Test
    void unitWithUnknownChemicalIsRefusedWhole() {
        long enterpriseId = store.allEnterprises().get(0).id();
        int before = store.allUnits().size();
        assertThatThrownBy(() -> store.createUnit(new Unit(null, enterpriseId, "E01-UX", "新罐区", UnitType.STORAGE, 10, null,
                List.of(new InventoryItem(null, "67-56-1", null, 100.0), new InventoryItem(null, "7732-18-5", null, 5.0)), null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors().get(0).field()).isEqualTo("inventory[1].cas");
                });
        assertThat(store.allUnits()).hasSize(before);
        assertThatThrownBy(() -> store.createUnit(new Unit(null, 999_999L, "E01-UY", "新罐区", UnitType.STORAGE, 10, null, List.of(), null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("enterpriseId"));
        assertThatThrownBy(() -> store.createUnit(new Unit(null, enterpriseId, "E01-UZ", "新罐区", UnitType.STORAGE, 10, null,
                List.of(new InventoryItem(null, "67-56-1", null, -5.0)), null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("inventory[0].quantityT"));
    }

    @Test
    void alarmLimitsMustBeOrderedInsideTheRange() {
        MonitoringPoint p = store.allPoints().get(0);
        assertThatThrownBy(() -> store.createPoint(new MonitoringPoint(null, p.equipmentId(), "NEW-LT-1", "液位", PointType.LEVEL, "m",
                0.0, 20.0, 3.0, 2.0, 25.0, 18.0, null, null, null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).extracting(f -> f.field() + ":" + f.rule())
                        .contains("l:order", "h:range", "hh:order"));
        assertThatThrownBy(() -> store.createPoint(new MonitoringPoint(null, p.equipmentId(), "NEW-AT-1", "氨", PointType.TOXIC_GAS, "ppm",
                0.0, 100.0, null, null, 20.0, 40.0, null, null, null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("gasChemicalId"));
        MonitoringPoint ok = store.createPoint(new MonitoringPoint(null, p.equipmentId(), "NEW-LT-2", "液位", PointType.LEVEL, "m",
                0.0, 20.0, 1.0, 2.0, 17.0, 18.5, null, Map.of("type", "Point", "coordinates", List.of(10.0, 20.0)), null, null, null));
        assertThat(ok.unitId()).isNotNull();
        assertThat(ok.enterpriseId()).isNotNull();
        assertThat(store.pointByCode("NEW-LT-2")).isPresent();
        store.deletePoint(ok.id());
    }

    @Test
    void chemicalsValidateCasAndCategory() {
        assertThatThrownBy(() -> store.createChemical(new Chemical(null, "67-56-2", "甲醇", null, "12", "W99", 0.0, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).extracting(f -> f.field())
                        .containsExactlyInAnyOrder("cas", "unNumber", "hazardCategory", "criticalQuantityT"));
        Chemical methanol = store.allChemicals().stream().filter(c -> c.cas().equals("67-56-1")).findFirst().orElseThrow();
        assertThatThrownBy(() -> store.deleteChemical(methanol.id()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void migrationIsIdempotent() throws Exception {
        int v = new org.chempark.core.db.internal.JdbcSchemaMigrator(ds).migrate("asset", getClass().getClassLoader(), "db/asset",
                AssetServiceImpl.MIGRATIONS);
        assertThat(v).isEqualTo(1);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM asset.schema_history")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void enterpriseUsersSeeOnlyTheirOwnEnterprise() {
        Enterprise own = store.allEnterprises().get(1);
        Enterprise other = store.allEnterprises().get(0);
        SubjectHolder.set(new Subject(42, "safety@e02", 7, OrganisationType.ENTERPRISE, own.id(), null, Set.of("enterprise-safety"),
                Set.of("asset:read", "asset:write"), "zh-CN"));
        try {
            assertThat(store.enterprises(ALL, null, null).items()).extracting(Enterprise::id).containsExactly(own.id());
            assertThat(store.units(ALL, null, null, null).items()).allSatisfy(u -> assertThat(u.enterpriseId()).isEqualTo(own.id()));
            assertThat(store.points(ALL, null, null, null, null, null).items()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.enterpriseId()).isEqualTo(own.id()));
            assertThatThrownBy(() -> store.enterprise(other.id()))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).as("as if it did not exist").isEqualTo(404));
            long otherUnit = store.allUnits().stream().filter(u -> u.enterpriseId().equals(other.id())).findFirst().orElseThrow().id();
            assertThatThrownBy(() -> store.unit(otherUnit))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
            assertThatThrownBy(() -> store.createUnit(new Unit(null, other.id(), "E01-HACK", "越权单元", UnitType.STORAGE, 1, null, List.of(), null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
            assertThatThrownBy(() -> store.createChemical(new Chemical(null, "7732-18-5", "水", null, null, "W4", 1.0, false, null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).as("park-level data").isEqualTo(403));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> features = (List<Map<String, Object>>) store.map(AssetResource.LAYERS).get("features");
            assertThat(features).filteredOn(f -> "enterprises".equals(((Map<?, ?>) f.get("properties")).get("layer")))
                    .hasSize(1);
            @SuppressWarnings("unchecked")
            Map<String, Object> totals = (Map<String, Object>) store.statistics().get("totals");
            assertThat(totals.get("enterprises")).isEqualTo(1L);
        } finally {
            SubjectHolder.set(PARK_ADMIN);
        }
    }

    @Test
    void withoutACallerNothingIsVisible() {
        SubjectHolder.clear();
        assertThat(store.enterprises(ALL, null, null).total()).isZero();
    }

    private static Enterprise withName(Enterprise e, String name, Integer version) {
        return new Enterprise(e.id(), e.code(), name, e.creditCode(), e.industry(), e.legalRepresentative(), e.safetyContact(),
                e.phone(), e.address(), e.employees(), e.geometry(), version);
    }
}
