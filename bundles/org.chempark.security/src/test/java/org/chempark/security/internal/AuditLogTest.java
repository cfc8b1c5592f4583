package org.chempark.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail is append-only and hash-chained; tampering is found at the first changed row. */
class AuditLogTest {
    @TempDir
    Path dir;
    TestDb.MutableClock clock;
    Security sec;
    AuditLog audit;

    @BeforeEach
    void start() throws Exception {
        clock = new TestDb.MutableClock(Instant.parse("2025-03-01T08:00:00.123456789Z"));
        sec = TestDb.freshSecurity(Policy.defaults(), clock, dir.resolve("security"));
        audit = sec.audit;
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            audit.append(new AuditLog.Event((long) i, "user" + i, 1L, i % 2 == 0 ? "WRITE" : "LOGIN", "10.0.0." + i, "POST",
                    "/api/v1/asset/units", 201, i == 3 ? "名称 \"quoted\", with comma" : null));
        }
    }

    private void tamper(String sql) throws Exception {
        try (Connection c = sec.db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("SET session_replication_role = replica"); // only a superuser can bypass the append-only trigger
            st.execute(sql);
            st.execute("SET session_replication_role = DEFAULT");
        }
    }

    private long idOf(String username) {
        return audit.query(new AuditLog.Filter(username, null, null, null, null), PageQuery.parse(0, 1, null, Set.of())).items().get(0).id();
    }

    @Test
    void intactChainVerifies() {
        AuditLog.Verification v = audit.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.rowsChecked()).isEqualTo(11); // the first start's SYSTEM row and ten
    }

    @Test
    void updatesAndDeletesAreRefusedByTheDatabase() throws Exception {
        try (Connection c = sec.db.dataSource().getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE security.audit_log SET username = 'x'")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM security.audit_log")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.executeUpdate("TRUNCATE security.audit_log")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aChangedRowIsFound() throws Exception {
        long id = idOf("user4");
        tamper("UPDATE security.audit_log SET status = 200 WHERE id = " + id);
        AuditLog.Verification v = audit.verify();
        assertThat(v.firstBrokenId()).isEqualTo(id);
        assertThat(v.reason()).contains("changed");
    }

    @Test
    void aRowRewrittenWithAValidOwnHashIsFoundAtTheNextRow() throws Exception {
        long id = idOf("user4");
        long next = idOf("user5");
        AuditLog.Entry e = audit.query(new AuditLog.Filter("user4", null, null, null, null), PageQuery.parse(0, 1, null, Set.of())).items().get(0);
        AuditLog.Entry prev = audit.query(new AuditLog.Filter("user3", null, null, null, null), PageQuery.parse(0, 1, null, Set.of())).items().get(0);
        AuditLog.Entry forged = new AuditLog.Entry(e.id(), e.at(), e.userId(), "mallory", e.organisationId(), e.action(), e.source(),
                e.method(), e.path(), e.status(), e.detail(), null);
        tamper("UPDATE security.audit_log SET username = 'mallory', hash = '" + AuditLog.hash(prev.hash(), forged) + "' WHERE id = " + id);
        AuditLog.Verification v = audit.verify();
        assertThat(v.firstBrokenId()).isEqualTo(next);
        assertThat(v.reason()).contains("prev_hash");
    }

    @Test
    void aRemovedRowIsFoundAtItsSuccessor() throws Exception {
        long id = idOf("user6");
        long next = idOf("user7");
        tamper("DELETE FROM security.audit_log WHERE id = " + id);
        AuditLog.Verification v = audit.verify();
        assertThat(v.firstBrokenId()).isEqualTo(next);
        assertThat(v.reason()).contains("prev_hash");
    }

    @Test
    void queryFiltersAndCsvExport() throws Exception {
        Page<AuditLog.Entry> logins = audit.query(new AuditLog.Filter(null, null, "LOGIN", null, null), PageQuery.parse(0, 3, null, Set.of()));
        assertThat(logins.total()).isEqualTo(5);
        assertThat(logins.items()).hasSize(3).allMatch(e -> e.action().equals("LOGIN"));
        assertThat(logins.items().get(0).id()).isGreaterThan(logins.items().get(1).id());
        Instant from = Instant.parse("2025-03-01T08:00:03Z");
        Instant to = Instant.parse("2025-03-01T08:00:06Z");
        assertThat(audit.query(new AuditLog.Filter(null, null, null, from, to), PageQuery.parse(0, 20, null, Set.of())).total()).isEqualTo(3);
        assertThat(audit.query(new AuditLog.Filter(null, 2L, null, null, null), PageQuery.parse(0, 20, null, Set.of())).total()).isEqualTo(1);
        StringWriter w = new StringWriter();
        audit.exportCsv(new AuditLog.Filter("user3", null, null, null, null), w, 100);
        String csv = w.toString();
        assertThat(csv).startsWith("\uFEFFid,at,userId,username").contains("\"名称 \"\"quoted\"\", with comma\"");
        assertThat(csv.split("\r\n")).hasSize(2);
    }
}
