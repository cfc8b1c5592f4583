package org.chempark.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;

import java.util.stream.Stream;

import org.chempark.report.internal.Model.FileInfo;
import org.chempark.report.internal.Model.Report;
import org.chempark.report.internal.Model.ReportInput;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.risk.RiskFactor;
import org.chempark.sdk.risk.RiskFactorProvider;
import org.chempark.sdk.security.SubjectHolder;
import org.junit.jupiter.api.Test;

/** Report filing, files with checksums, expiry reminders (R-F2.4) against a real PostgreSQL. */
class ReportStoreTest extends ReportTestBase {
    static final PageQuery ALL = PageQuery.parse(0, 100, null, ReportStore.SORTABLE);

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    Report file(long enterpriseId, String type, String title, LocalDate issued, LocalDate validUntil) {
        return service.reports.create(new ReportInput(enterpriseId, null, type, title, "江苏安全技术评价有限公司", issued, validUntil,
                "总体符合安全生产条件，提出整改建议 3 条", null));
    }

    @Test
    void uploadedFileComesBackWithTheSameChecksumAndTamperingIsDetected() throws Exception {
        Report r = file(1, Model.SAFETY_ASSESSMENT, "甲醇罐区安全现状评价报告", LocalDate.of(2025, 3, 1), LocalDate.of(2028, 2, 28));
        byte[] content = pdf("安全现状评价 " + "x".repeat(5000));
        FileInfo f = service.reports.upload(r.id(), "安全现状评价报告.pdf", "application/pdf; charset=binary", new ByteArrayInputStream(content));
        assertThat(f.sha256()).isEqualTo(sha256(content));
        assertThat(f.sizeBytes()).isEqualTo(content.length);
        assertThat(service.reports.get(r.id()).files()).extracting(FileInfo::filename).containsExactly("安全现状评价报告.pdf");

        ReportStore.Download d = service.reports.download(f.id());
        assertThat(service.ctx.files.checksum(d.key())).isEqualTo(f.sha256());
        try (InputStream in = service.ctx.files.open(d.key())) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(f.sha256());
        }
        // a byte changed on disk no longer matches
        Files.write(service.ctx.files.path(d.key()), pdf("altered"));
        assertThat(service.ctx.files.checksum(d.key())).isNotEqualTo(f.sha256());
    }

    @Test
    void oversizedWrongTypeAndFakeFilesAreRefusedAndLeaveNothing() throws Exception {
        Report r = file(1, Model.SIL, "SIL 定级与验证报告", LocalDate.of(2025, 1, 10), null);
        long filesBefore = countStoredFiles();
        assertThatThrownBy(() -> service.reports.upload(r.id(), "big.pdf", "application/pdf", new ByteArrayInputStream(pdf("y".repeat(70_000)))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> service.reports.upload(r.id(), "run.exe", "application/x-msdownload", new ByteArrayInputStream(new byte[] { 'M', 'Z' })))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(415));
        assertThatThrownBy(() -> service.reports.upload(r.id(), "fake.pdf", "application/pdf", new ByteArrayInputStream("MZ not a pdf".getBytes())))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors().get(0).field()).isEqualTo("Content-Type");
                });
        assertThatThrownBy(() -> service.reports.upload(r.id(), "a/../b.pdf", "application/pdf", new ByteArrayInputStream(pdf("z")))) 
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("filename"));
        assertThat(countStoredFiles()).isEqualTo(filesBefore);
        assertThat(service.reports.get(r.id()).files()).isEmpty();
    }

    @Test
    void invalidReportListsEveryViolationAndWritesNothing() {
        long before = service.reports.list(ALL, null, null, null, null, null).total();
        assertThatThrownBy(() -> service.reports.create(new ReportInput(99L, 20L, "OTHER", " ", null, LocalDate.of(2027, 1, 1),
                LocalDate.of(2026, 1, 1), null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).extracting(x -> x.field())
                            .contains("enterpriseId", "type", "title", "agency", "issuedOn", "validUntil");
                });
        assertThatThrownBy(() -> service.reports.create(new ReportInput(1L, 20L, "SIL", "t", "a", LocalDate.of(2025, 1, 1), null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("unitId"));
        assertThat(service.reports.list(ALL, null, null, null, null, null).total()).isEqualTo(before);
    }

    @Test
    void optimisticLockingOnUpdate() {
        Report r = file(2, Model.SAFETY_ASSESSMENT, "预评价报告", LocalDate.of(2024, 5, 1), LocalDate.of(2027, 4, 30));
        Report u = service.reports.update(r.id(), new ReportInput(2L, 20L, Model.SAFETY_ASSESSMENT, "验收评价报告", r.agency(), r.issuedOn(),
                r.validUntil(), null, r.version()));
        assertThat(u.version()).isEqualTo(r.version() + 1);
        assertThat(u.unitId()).isEqualTo(20L);
        assertThatThrownBy(() -> service.reports.update(r.id(), new ReportInput(2L, null, Model.SAFETY_ASSESSMENT, "又改", r.agency(), r.issuedOn(),
                r.validUntil(), null, r.version())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(service.reports.get(r.id()).title()).isEqualTo("验收评价报告");
    }

    @Test
    void expiryRemindersFollowTheLeadDaysAndPostOneEventPerChange() {
        Report r = file(2, Model.SIL, "加氢装置 SIL 验证报告", LocalDate.of(2023, 7, 1), LocalDate.of(2026, 6, 20));
        assertThat(r.expiry()).isEqualTo("DUE"); // 19 days left, lead 30
        assertThat(r.daysToExpiry()).isEqualTo(19);
        Report far = file(2, Model.SAFETY_ASSESSMENT, "安全现状评价", LocalDate.of(2025, 7, 1), LocalDate.of(2028, 6, 30));
        assertThat(far.expiry()).isEqualTo("VALID");

        service.reports.sweepExpiry();
        EVENTS.clear();
        CLOCK.set(LocalDate.of(2026, 6, 21));
        assertThat(service.reports.sweepExpiry()).isEqualTo(1);
        assertThat(EVENTS).filteredOn(e -> e.getKey().equals(ReportModule.EXPIRY_TOPIC))
                .singleElement().satisfies(e -> {
                    assertThat(e.getValue()).containsEntry("id", r.id()).containsEntry("expiry", "EXPIRED").containsEntry("enterpriseId", 2L);
                });
        assertThat(events(RiskFactorProvider.CHANGED)).isEqualTo(1);
        assertThat(service.reports.sweepExpiry()).isZero();
        assertThat(service.reports.list(ALL, 2L, null, "EXPIRED", null, null).items()).extracting(Report::id).contains(r.id())
                .doesNotContain(far.id());
        RiskFactor expired = service.factors(2).stream().filter(f -> f.type().equals("report.expired-reports")).findFirst().orElseThrow();
        assertThat(expired.value()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void enterpriseUsersSeeAndFileOnlyTheirOwn() {
        Report own = file(1, Model.SIL, "一号企业 SIL 报告", LocalDate.of(2025, 2, 1), null);
        Report other = file(2, Model.SIL, "二号企业 SIL 报告", LocalDate.of(2025, 2, 1), null);
        SubjectHolder.set(enterpriseUser(1));
        try {
            assertThat(service.reports.list(ALL, null, null, null, null, null).items()).extracting(Report::enterpriseId).containsOnly(1L);
            assertThat(service.reports.get(own.id()).id()).isEqualTo(own.id());
            assertThatThrownBy(() -> service.reports.get(other.id()))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
            assertThatThrownBy(() -> file(2, Model.SIL, "冒名备案", LocalDate.of(2025, 2, 1), null))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
            assertThat((Long) service.reports.statistics(null, null).get("total"))
                    .isEqualTo(service.reports.list(ALL, 1L, null, null, null, null).total());
        } finally {
            SubjectHolder.set(PARK);
        }
    }

    @Test
    void chineseSearchOverReportsExactAndFuzzy() {
        Report r = file(1, Model.SAFETY_ASSESSMENT, "氯乙烯聚合装置安全现状评价报告", LocalDate.of(2025, 4, 1), null);
        assertThat(service.reports.list(ALL, null, null, null, "聚合装置", "exact").items()).extracting(Report::id).contains(r.id());
        assertThat(service.reports.list(ALL, null, null, null, "氯乙烯装置评价", "exact").items()).extracting(Report::id).doesNotContain(r.id());
        assertThat(service.reports.list(ALL, null, null, null, "氯乙烯聚合评价报告", "fuzzy").items()).extracting(Report::id).contains(r.id());
    }

    private long countStoredFiles() throws Exception {
        if (!Files.exists(dir.resolve("files"))) {
            return 0;
        }
        try (Stream<java.nio.file.Path> s = Files.walk(dir.resolve("files"))) {
            return s.filter(Files::isRegularFile).count();
        }
    }

}
