package org.chempark.classification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.chempark.classification.internal.Model.Classification;
import org.chempark.classification.internal.Model.Commitment;
import org.chempark.classification.internal.Model.CommitmentInput;
import org.chempark.classification.internal.Model.DiagnosisInput;
import org.chempark.core.db.internal.JdbcSchemaMigrator;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.risk.RiskFactor;
import org.chempark.sdk.risk.RiskFactorProvider;
import org.chempark.sdk.risk.RiskFactorType;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily commitments (安全承诺公告), classification rules over registered factor providers and the
 * diagnosis, and the map tag, against a real PostgreSQL (R-F2.5).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassificationTest {
    static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path dir;
    static EmbeddedPostgres pg;
    static Stores stores;
    static Engine engine;
    static final MutableClock CLOCK = new MutableClock();
    static final List<Map.Entry<String, Map<String, Object>>> EVENTS = new CopyOnWriteArrayList<>();
    /** Factors another module (the report module, telemetry) would contribute. */
    static final List<RiskFactor> OTHER = new CopyOnWriteArrayList<>();

    static final class MutableClock extends Clock {
        volatile Instant now = Instant.now();

        void at(LocalDate day, int hour, int minute) {
            now = LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(CST).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MutableClock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId z) {
                    return self.withZone(z);
                }

                @Override
                public Instant instant() {
                    return self.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final LocalDate D1 = LocalDate.of(2026, 6, 1);

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setOverrideWorkingDirectory(dir.resolve("bin").toFile()).start();
        new JdbcSchemaMigrator(pg.getPostgresDatabase()).migrate("classification", ClassificationTest.class.getClassLoader(), "db/classification",
                ClassificationData.MIGRATIONS);
        Db db = new Db(pg.getPostgresDatabase());
        db.tx(c -> Db.update(c, "UPDATE classification.tracking SET started_on = ?", D1));
        stores = new Stores(db, CLOCK, CST, LocalTime.of(9, 0), 7, id -> id >= 1 && id <= 3);
        RiskFactorProvider other = new RiskFactorProvider() {
            @Override
            public List<RiskFactorType> types() {
                return List.of();
            }

            @Override
            public List<RiskFactor> factors(long enterpriseId) {
                return OTHER.stream().filter(f -> f.enterpriseId() == enterpriseId).toList();
            }
        };
        List<RiskFactorProvider> providers = List.of(new OwnFactors(stores), other);
        engine = new Engine(stores, () -> List.of(
                new Engine.EnterpriseInfo(1, "江东化工有限公司", Map.of("type", "Point", "coordinates", List.of(1.0, 2.0))),
                new Engine.EnterpriseInfo(2, "海晨精细化工有限公司", Map.of("type", "Point", "coordinates", List.of(3.0, 4.0))),
                new Engine.EnterpriseInfo(3, "南港石化有限公司", Map.of("type", "Point", "coordinates", List.of(5.0, 6.0)))),
                () -> providers, (t, p) -> EVENTS.add(Map.entry(t, p)));
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @BeforeEach
    void asParkStaff() {
        SubjectHolder.set(Subject.system("test"));
    }

    static Subject enterpriseUser(long enterpriseId) {
        return new Subject(100 + enterpriseId, "safety-" + enterpriseId, 50 + enterpriseId, OrganisationType.ENTERPRISE, enterpriseId, Set.of(),
                Set.of("enterprise-safety"), Set.of("*:read", "*:write"), "zh-CN");
    }

    static CommitmentInput commitment(long enterpriseId, LocalDate day) {
        return new CommitmentInput(enterpriseId, day, "PRODUCTION", 4, 1, 2, true, Map.of("hot-work", 2, "confined-space", 1), "王总", true,
                "今天我公司已进行安全风险研判，各项安全风险防控措施已落实到位，重大危险源安全风险得到有效管控。");
    }

    @Test
    @Order(1)
    void commitmentsAreFiledOncePerDayWithLatenessDetected() {
        CLOCK.at(D1, 8, 30);
        Commitment onTime = stores.file(commitment(3, D1));
        assertThat(onTime.late()).isFalse();
        assertThat(onTime.specialWorkTotal()).isEqualTo(3);
        assertThat(onTime.specialWork()).containsEntry("hot-work", 2);
        assertThatThrownBy(() -> stores.file(commitment(3, D1)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        CLOCK.at(D1.plusDays(1), 9, 30);
        assertThat(stores.file(commitment(3, D1.plusDays(1))).late()).isTrue(); // after 09:00 Beijing time
        assertThatThrownBy(() -> stores.file(commitment(3, D1.plusDays(2))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("day"));
        assertThatThrownBy(() -> stores.file(new CommitmentInput(3L, D1.plusDays(1), "RUNNING", -1, 0, 0, true, Map.of("welding", 1), "", true, "x")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).extracting(f -> f.field())
                        .contains("operatingState", "unitsRunning", "specialWork.welding", "principal"));
        // an enterprise user files only for its own enterprise
        SubjectHolder.set(enterpriseUser(2));
        assertThatThrownBy(() -> stores.file(commitment(1, D1.plusDays(1))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(stores.commitments(PageQuery.parse(0, 50, null, Set.of()), null, null, null, null).items()).isEmpty();
        SubjectHolder.set(Subject.system("test"));
        Map<String, Object> day = stores.day(D1.plusDays(1), List.of(1L, 2L, 3L));
        assertThat(day.get("late")).isEqualTo(List.of(3L));
        assertThat(day.get("missing")).isEqualTo(List.of(1L, 2L));
        assertThat(stores.commitmentStatistics(null, null)).containsEntry("filings", 2L).containsEntry("late", 1L);
    }

    @Test
    @Order(2)
    void classificationListsTheRulesThatFiredWithTheirClauses() {
        CLOCK.at(D1.plusDays(2), 8, 0); // 3rd day before the deadline: window is D1, D1+1
        OTHER.add(new RiskFactor("report.open-major-hidden-dangers", 1, null, 1, "1 项重大隐患未销号"));
        OTHER.add(new RiskFactor("report.open-hidden-dangers", 1, null, 1, "1 项隐患未销号"));
        OTHER.add(new RiskFactor("telemetry.active-alarms", 2, 21L, 2, "E02-PT-1101 HH, E02-LT-1102 H"));
        OTHER.add(new RiskFactor("telemetry.active-alarms", 2, 22L, 2, "E02-TT-2101 HH, E02-AT-2102 H"));
        Map<Long, Classification> r = new java.util.HashMap<>();
        engine.classifyAll().forEach(c -> r.put(c.enterpriseId(), c));

        assertThat(r.get(1L).clazz()).isEqualTo(Rules.SPECIAL_CONTROL);
        assertThat(r.get(1L).classZh()).isEqualTo("特别管控");
        assertThat(r.get(1L).fired()).extracting(Rules.Fired::ruleId).contains("major-hidden-danger", "missed-commitments");
        assertThat(r.get(1L).fired().get(0).citation()).contains("安监总管三〔2017〕121号");
        assertThat(r.get(2L).clazz()).isEqualTo(Rules.KEY_ATTENTION);
        Rules.Fired alarms = r.get(2L).fired().stream().filter(f -> f.ruleId().equals("live-alarms")).findFirst().orElseThrow();
        assertThat(alarms.value()).isEqualTo(4.0); // summed over two units
        assertThat(alarms.because()).hasSize(2);
        assertThat(r.get(3L).clazz()).isEqualTo(Rules.GENERAL);
        assertThat(r.get(3L).fired()).isEmpty();
        assertThat(r.get(3L).notEvaluated()).anyMatch(s -> s.startsWith("duty-overdue"));

        // the map tags every enterprise with its class colour
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> features = (List<Map<String, Object>>) engine.map().get("features");
        assertThat(features).hasSize(3);
        assertThat(features).anySatisfy(f -> assertThat((Map<String, Object>) f.get("properties"))
                .containsEntry("enterpriseId", 1L).containsEntry("classZh", "特别管控").containsEntry("colour", "#e02020"));
        SubjectHolder.set(enterpriseUser(2));
        assertThat(engine.current()).extracting(Classification::enterpriseId).containsExactly(2L);
        assertThat((List<?>) engine.map().get("features")).hasSize(1);
    }

    @Test
    @Order(3)
    void aRedDiagnosisMakesAnEnterpriseSpeciallyControlledAndTheChangeIsPosted() {
        CLOCK.at(D1.plusDays(2), 8, 0);
        engine.classifyAll();
        EVENTS.clear();
        // the points of a fixed row, as the API took them before rows had units
        Model.DiagnosisRecord d = stores.diagnose(new DiagnosisInput(3L, D1, "省应急厅专家组",
                List.of(new Diagnosis.Finding("1.1.1", null, 10.0, "一级重大危险源")), List.of("R1"), null));
        assertThat(d.score()).isEqualTo(90.0);
        assertThat(d.level()).isEqualTo("RED");
        assertThat(d.deductions()).singleElement().satisfies(x -> assertThat(x.note()).isEqualTo("一级重大危险源"));
        assertThat(d.bonuses()).isEmpty();
        assertThat(d.deducted()).isEqualTo(10.0);
        assertThat(d.added()).isZero();
        Classification c = engine.classify(3);
        assertThat(c.clazz()).isEqualTo(Rules.SPECIAL_CONTROL);
        assertThat(c.diagnosisLevelZh()).isEqualTo("红色");
        assertThat(c.fired()).extracting(Rules.Fired::ruleId).contains("diagnosis-red", "diagnosis-orange");
        assertThat(EVENTS).filteredOn(e -> e.getKey().equals(ClassificationModule.CHANGED_TOPIC)).singleElement()
                .satisfies(e -> assertThat(e.getValue()).containsEntry("enterpriseId", 3L).containsEntry("previous", Rules.GENERAL));
        assertThat(stores.history(3)).extracting(m -> m.get("clazz")).startsWith(Rules.SPECIAL_CONTROL, Rules.GENERAL);
        assertThatThrownBy(() -> stores.diagnose(new DiagnosisInput(9L, D1.plusDays(30), "", List.of(), List.of(), List.of())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).extracting(f -> f.field())
                        .contains("enterpriseId", "assessedOn", "assessor"));
    }

    @Test
    @Order(4)
    void countsAndBonusesAreStoredWithTheScore() {
        CLOCK.at(D1.plusDays(2), 8, 0);
        // 1.3.1 three hazardous processes ×2 = 6; 5.1.5 twelve detector gaps ×1 = 12 → 项目 5.1 capped at 10;
        // bonuses 9.1.2 标准化二级 +5 and 8.1.1 专职消防 +3: 100 - 16 + 8 = 92 → 蓝色
        Model.DiagnosisRecord d = stores.diagnose(new DiagnosisInput(2L, D1, "园区专家组",
                List.of(new Diagnosis.Finding("1.3.1", 3, null, "氯化、硝化、加氢"), new Diagnosis.Finding("5.1.5", 12, null, null)), List.of(),
                List.of(new Diagnosis.Finding("9.1.2", null, null, null), new Diagnosis.Finding("8.1.1", null, null, "园区认定"))));
        assertThat(d.score()).isEqualTo(92.0);
        assertThat(d.level()).isEqualTo("BLUE");
        assertThat(d.deducted()).isEqualTo(16.0);
        assertThat(d.added()).isEqualTo(8.0);
        assertThat(d.deductions()).extracting(Diagnosis.Finding::itemId, Diagnosis.Finding::count, Diagnosis.Finding::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.3.1", 3, 6.0), org.assertj.core.groups.Tuple.tuple("5.1.5", 12, 12.0));
        assertThat(d.bonuses()).extracting(Diagnosis.Finding::itemId).containsExactly("8.1.1", "9.1.2");
        assertThat(stores.diagnosisRecord(d.id())).isEqualTo(d);
        assertThat(engine.classify(2).diagnosisLevelZh()).isEqualTo("蓝色");
        // a bonus row among the deductions changes nothing
        long before = stores.diagnoses(PageQuery.parse(null, null, null, java.util.Set.of()), 2L).total();
        assertThatThrownBy(() -> stores.diagnose(new DiagnosisInput(2L, D1, "园区专家组", List.of(new Diagnosis.Finding("9.1.1", null, null, null)),
                List.of(), null))).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThat(stores.diagnoses(PageQuery.parse(null, null, null, java.util.Set.of()), 2L).total()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void rulesAreConfigurableWithOptimisticLocking() {
        CLOCK.at(D1.plusDays(2), 8, 0);
        Rules.Rule alarms = stores.rules().stream().filter(x -> x.id().equals("live-alarms")).findFirst().orElseThrow();
        Rules.Rule raised = stores.saveRule("live-alarms", new Rules.Rule(null, alarms.clazz(), alarms.factor(), alarms.aggregate(), ">=", 10.0,
                alarms.nameZh(), alarms.citation(), true, alarms.version()));
        assertThat(raised.version()).isEqualTo(alarms.version() + 1);
        assertThatThrownBy(() -> stores.saveRule("live-alarms", new Rules.Rule(null, alarms.clazz(), alarms.factor(), null, ">=", 1.0,
                alarms.nameZh(), alarms.citation(), true, alarms.version())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> stores.saveRule("Bad Id", new Rules.Rule(null, "RED", "x y", "AVG", "~", null, "", "", true, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).extracting(f -> f.field())
                        .contains("id", "clazz", "factor", "aggregate", "operator", "threshold", "nameZh", "citation"));
        Classification two = engine.classify(2);
        assertThat(two.fired()).extracting(Rules.Fired::ruleId).doesNotContain("live-alarms").contains("missed-commitments");
        List<String> ids = new ArrayList<>();
        stores.rules().forEach(x -> ids.add(x.id()));
        assertThat(ids).contains("major-hidden-danger", "diagnosis-red", "missed-commitments");
    }
}
