package org.chempark.hazard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.chempark.asset.Unit;
import org.chempark.asset.UnitType;
import org.chempark.hazard.internal.Duty.Frequency;
import org.chempark.hazard.internal.Duty.ItemResult;
import org.chempark.hazard.internal.Duty.Person;
import org.chempark.hazard.internal.Duty.PersonInput;
import org.chempark.hazard.internal.Duty.RecordInput;
import org.chempark.hazard.internal.Duty.RecordItemInput;
import org.chempark.hazard.internal.Duty.Role;
import org.chempark.hazard.internal.Duty.Stat;
import org.chempark.hazard.internal.Duty.Task;
import org.chempark.hazard.internal.Duty.TaskStatus;
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
 * 包保 responsibility (R-F2.1) against a real PostgreSQL: persons per hazard source, tasks per role
 * and schedule (应急厅〔2021〕12号), itemised records with evidence, overdue detection, statistics,
 * enterprise scoping.
 */
class DutyStoreTest {
    @TempDir
    static Path dir;
    static EmbeddedPostgres pg;
    static DataSource ds;
    static DutyStore store;
    /** The test's clock: Monday 2026-06-01 09:00 in Shanghai. */
    static final MutableClock clock = new MutableClock(LocalDate.of(2026, 6, 1).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());

    static final Subject ADMIN = Subject.system("test");
    static final Subject ENTERPRISE_7 = new Subject(42, "e7-safety", 70, OrganisationType.ENTERPRISE, 7L, Set.of(), Set.of("enterprise-safety"),
            Set.of("hazard:*"), "zh-CN");
    static final Map<Long, Unit> UNITS = Map.of(
            101L, new Unit(101L, 7L, "E07-U01", "甲醇储罐区", UnitType.STORAGE, 50, null, List.of(), 0),
            102L, new Unit(102L, 7L, "E07-U02", "液氨储罐区", UnitType.STORAGE, 50, null, List.of(), 0),
            201L, new Unit(201L, 8L, "E08-U01", "氯乙烯装置", UnitType.PRODUCTION, 50, null, List.of(), 0));

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setOverrideWorkingDirectory(dir.resolve("bin").toFile()).start();
        ds = pg.getPostgresDatabase();
        new org.chempark.core.db.internal.JdbcSchemaMigrator(ds).migrate("hazard", DutyStoreTest.class.getClassLoader(), "db/hazard",
                HazardServiceImpl.MIGRATIONS);
        store = new DutyStore(new Db(ds), clock, id -> Optional.ofNullable(UNITS.get(id)), dir.resolve("evidence"), 4096);
        SubjectHolder.set(ADMIN);
        store.createPerson(new PersonInput(101L, Role.PRINCIPAL, "张伟", "总经理", "13812345678", null, null));
        store.createPerson(new PersonInput(101L, Role.TECHNICAL, "李娜", "技术总监", "13912345678", null, null));
        store.createPerson(new PersonInput(101L, Role.OPERATIONAL, "王强", "罐区班长", "13712345678", null, null));
        store.createPerson(new PersonInput(201L, Role.OPERATIONAL, "赵敏", "装置主任", "13612345678", null, null));
        store.generateAndMarkOverdue();
    }

    @AfterAll
    static void stop() throws Exception {
        SubjectHolder.clear();
        pg.close();
    }

    @BeforeEach
    void asAdmin() {
        SubjectHolder.set(ADMIN);
    }

    @Test
    void periodsFollowTheCalendar() {
        LocalDate d = LocalDate.of(2026, 8, 20); // a Thursday
        assertThat(DutyStore.periodStart(Frequency.WEEKLY, d)).isEqualTo(LocalDate.of(2026, 8, 17));
        assertThat(DutyStore.periodStart(Frequency.MONTHLY, d)).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(DutyStore.periodStart(Frequency.QUARTERLY, d)).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(DutyStore.periodEnd(Frequency.QUARTERLY, LocalDate.of(2026, 7, 1)))
                .isEqualTo(Instant.parse("2026-09-30T16:00:00Z")); // midnight 1 October in Shanghai
    }

    @Test
    void eachRoleGetsItsScheduledTasksOncePerPeriod() {
        List<Task> tasks = store.tasks(PageQuery.parse(0, 500, null, Set.of()), null, null, 101L, null).items().stream()
                .filter(t -> t.periodStart().isBefore(LocalDate.of(2026, 6, 2))).toList(); // other tests move the clock on
        // principal quarterly, technical monthly, operational weekly + daily
        assertThat(tasks).extracting(Task::templateCode).containsExactlyInAnyOrder("principal-quarterly-inspection",
                "technical-monthly-inspection", "operational-weekly-inspection", "operational-daily-patrol");
        assertThat(tasks).filteredOn(t -> t.templateCode().equals("technical-monthly-inspection")).singleElement()
                .satisfies(t -> {
                    assertThat(t.periodStart()).isEqualTo(LocalDate.of(2026, 6, 1));
                    assertThat(t.dueAt()).isEqualTo(Instant.parse("2026-06-30T16:00:00Z"));
                    assertThat(t.status()).isEqualTo(TaskStatus.OPEN);
                });
        // running the schedule again creates nothing new
        long before = store.tasks(PageQuery.parse(0, 500, null, Set.of()), null, null, null, null).total();
        store.generateAndMarkOverdue();
        assertThat(store.tasks(PageQuery.parse(0, 500, null, Set.of()), null, null, null, null).total()).isEqualTo(before);
    }

    @Test
    void missedTasksBecomeOverdueAndLateRecordsCountAsLate() {
        Instant saved = clock.now;
        try {
            Task daily = dailyTaskOf(201L);
            clock.now = saved.plusSeconds(24 * 3600); // next day
            DutyStore.ScheduleRun run = store.runSchedule();
            assertThat(run.enterprises()).contains(8L);
            assertThat(run.overdue()).filteredOn(o -> o.taskId() == daily.id()).singleElement()
                    .satisfies(o -> assertThat(o.personName()).isEqualTo("赵敏"));
            assertThat(store.runSchedule().overdue()).isEmpty(); // reported once
            assertThat(store.task(daily.id()).status()).isEqualTo(TaskStatus.OVERDUE);
            assertThat(store.overdueByUnit(8L)).containsKey(201L);
            // recorded late: DONE, late
            store.record(daily.id(), fullRecord(daily));
            Task done = store.task(daily.id());
            assertThat(done.status()).isEqualTo(TaskStatus.DONE);
            assertThat(done.late()).isTrue();
            assertThat(store.overdueByUnit(8L).getOrDefault(201L, List.of())).doesNotContain(daily.personName());
            List<Stat> stats = store.statistics("enterprise", null, null);
            assertThat(stats).filteredOn(s -> s.key().equals("8")).singleElement().satisfies(s -> {
                assertThat(s.doneLate()).isEqualTo(1);
                assertThat(s.done()).isEqualTo(1);
            });
            assertThat(store.statistics("unit", null, null)).extracting(Stat::key).contains("201", "101");
            assertThat(store.statistics("person", null, null)).extracting(Stat::name).contains("赵敏");
            assertThatThrownBy(() -> store.statistics("colour", null, null))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
        } finally {
            clock.now = saved;
        }
    }

    @Test
    void aRecordMustCoverEveryItemAndCannotBeRepeated() {
        Task weekly = store.tasks(PageQuery.parse(0, 500, null, Set.of()), null, null, 101L, null).items().stream()
                .filter(t -> t.templateCode().equals("operational-weekly-inspection")).findFirst().orElseThrow();
        assertThatThrownBy(() -> store.record(weekly.id(), new RecordInput("x", List.of(new RecordItemInput(weekly.items().get(0),
                ItemResult.OK, null))))).isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("items"));
                });
        assertThat(store.task(weekly.id()).status()).isEqualTo(TaskStatus.OPEN);
        List<RecordItemInput> items = weekly.items().stream().map(i -> new RecordItemInput(i, ItemResult.ISSUE, null)).toList();
        assertThatThrownBy(() -> store.record(weekly.id(), new RecordInput(null, items)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).endsWith(".remark")));
        var rec = store.record(weekly.id(), fullRecord(weekly));
        assertThat(rec.items()).hasSize(weekly.items().size());
        assertThat(rec.recordedBy()).isEqualTo("system:test");
        assertThat(store.task(weekly.id()).late()).isFalse();
        assertThatThrownBy(() -> store.record(weekly.id(), fullRecord(weekly)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));

        // evidence: a real PNG header is accepted and checksummed; a text file posing as a PNG and a too large file are not
        byte[] png = new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
        var a = store.attach(rec.id(), "现场照片.png", "image/png", new ByteArrayInputStream(png));
        assertThat(a.sha256()).hasSize(64);
        assertThat(a.sizeBytes()).isEqualTo(png.length);
        assertThat(store.file(a.id()).content()).isEqualTo(png);
        assertThatThrownBy(() -> store.attach(rec.id(), "x.png", "image/png", new ByteArrayInputStream("hello world".getBytes())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> store.attach(rec.id(), "x.exe", "application/x-msdownload", new ByteArrayInputStream(png)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
        byte[] big = new byte[10_000];
        big[0] = '%'; big[1] = 'P'; big[2] = 'D'; big[3] = 'F'; big[4] = '-';
        assertThatThrownBy(() -> store.attach(rec.id(), "big.pdf", "application/pdf", new ByteArrayInputStream(big)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThat(store.dutyRecord(rec.id()).attachments()).hasSize(1);
    }

    @Test
    void personsAreValidatedUniquePerRoleMaskedAndScoped() throws Exception {
        assertThatThrownBy(() -> store.createPerson(new PersonInput(101L, Role.PRINCIPAL, "重复", "副总", "13800000000", null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> store.createPerson(new PersonInput(999L, null, "", "x", "123", null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).extracting(f -> f.field()).contains("unitId", "role", "name", "mobile");
                });
        // the system subject lacks security:sensitive-read → masked (pattern * does imply it; use an explicit user)
        Subject viewer = new Subject(5, "viewer", 1, OrganisationType.PARK, null, Set.of(), Set.of(), Set.of("hazard:read"), "zh-CN");
        List<Person> seen = SubjectHolder.runAs(viewer, () -> store.persons(101L, null, false));
        assertThat(seen).extracting(Person::mobile).contains("138****5678");
        // enterprise 7 sees its own persons and tasks only, and gets 404 for enterprise 8's
        List<Person> own = SubjectHolder.runAs(ENTERPRISE_7, () -> store.persons(null, null, false));
        assertThat(own).isNotEmpty().allSatisfy(p -> assertThat(p.enterpriseId()).isEqualTo(7L));
        long foreignTask = dailyTaskOf(201L).id();
        assertThatThrownBy(() -> SubjectHolder.runAs(ENTERPRISE_7, () -> store.task(foreignTask)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> SubjectHolder.runAs(ENTERPRISE_7,
                () -> store.createPerson(new PersonInput(201L, Role.PRINCIPAL, "越权", "x", "13800000000", null, null))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
        // optimistic locking on change
        Person p = store.persons(101L, null, false).stream().filter(x -> x.role() == Role.TECHNICAL).findFirst().orElseThrow();
        store.updatePerson(p.id(), new PersonInput(null, null, "李娜", "总工程师", "13912345678", null, p.version()));
        assertThatThrownBy(() -> store.updatePerson(p.id(), new PersonInput(null, null, "李娜", "技术总监", "13912345678", null, p.version())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(store.person(p.id()).position()).isEqualTo("总工程师");
        assertThat(Files.exists(dir)).isTrue();
    }

    private static Task dailyTaskOf(long unitId) {
        return store.tasks(PageQuery.parse(0, 500, null, Set.of()), null, null, unitId, null).items().stream()
                .filter(t -> t.templateCode().equals("operational-daily-patrol")).findFirst().orElseThrow();
    }

    private static RecordInput fullRecord(Task t) {
        return new RecordInput("all checked", t.items().stream().map(i -> new RecordItemInput(i, ItemResult.OK, null)).toList());
    }
}
