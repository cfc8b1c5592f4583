package org.chempark.security.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.SubjectHolder;

/**
 * Benchmark (not a test): the per-request cost of authentication and scoping, i.e. what
 * {@link SecurityFilter} adds to a read, against a real embedded PostgreSQL. Run by
 * {@code bench/auth-overhead.sh}; prints a Markdown table. See docs/benchmarks.md.
 *
 * <p>Per sample: the public path (a {@code @PublicEndpoint} without a token: rule lookup only) vs
 * the scoped read path (bearer token parsed, HS256 signature checked, session and user from the
 * 30 s cache, permission checked, subject set, {@code DataScope.current().sqlPredicate(..)} built,
 * subject cleared) for a park user and an enterprise user; and the cache-miss path (session and
 * subject loaded from PostgreSQL), which a session pays once per 30 s.
 */
public final class AuthOverheadBench {
    static final String PASSWORD = "Chem-Park-2025";

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int missSamples = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path dir = Files.createTempDirectory("auth-bench");
        Security sec = TestDb.freshSecurity(Policy.defaults(), Clock.systemUTC(), dir.resolve("security"));
        long park = sec.directory.organisations().stream().filter(o -> o.type() == OrganisationType.PARK).findFirst().orElseThrow().id();
        long ent = sec.directory.createOrganisation(new Dto.Organisation(null, "ent-bench", "基准企业", OrganisationType.ENTERPRISE, park, 42L,
                List.of(), true), Actor.system()).id();
        String parkToken = token(sec, "bench.park", park, "park-regulator");
        String entToken = token(sec, "bench.ent", ent, "enterprise-safety");

        SecurityFilter.Rule pub = new SecurityFilter.Rule(SecurityFilter.Rule.Kind.PUBLIC, null);
        SecurityFilter.Rule read = new SecurityFilter.Rule(SecurityFilter.Rule.Kind.PERMISSION, "asset:read");
        AuthService auth = sec.auth;
        long sink = 0;
        // warm-up: JIT, caches
        for (int i = 0; i < 100_000; i++) {
            sink += publicPath(pub, auth) + scopedPath(read, "Bearer " + parkToken, auth) + scopedPath(read, "Bearer " + entToken, auth);
        }
        long[] p = new long[samples];
        long[] s = new long[samples];
        long[] e = new long[samples];
        String parkHeader = "Bearer " + parkToken;
        String entHeader = "Bearer " + entToken;
        for (int i = 0; i < samples; i++) { // interleaved, so drift hits all three alike
            long t0 = System.nanoTime();
            sink += publicPath(pub, auth);
            long t1 = System.nanoTime();
            sink += scopedPath(read, parkHeader, auth);
            long t2 = System.nanoTime();
            sink += scopedPath(read, entHeader, auth);
            long t3 = System.nanoTime();
            p[i] = t1 - t0;
            s[i] = t2 - t1;
            e[i] = t3 - t2;
        }
        long[] miss = new long[missSamples];
        for (int i = 0; i < missSamples; i++) {
            auth.invalidateCache();
            long t0 = System.nanoTime();
            sink += scopedPath(read, entHeader, auth);
            miss[i] = System.nanoTime() - t0;
        }
        System.out.println("| path | samples | p50 µs | p95 µs | p99 µs |");
        System.out.println("|---|---:|---:|---:|---:|");
        row("public endpoint, no token (baseline)", p);
        row("scoped read, park user (token, session cache hit, permission, DataScope)", s);
        row("scoped read, enterprise user (same, DataScope with an enterprise filter)", e);
        row("scoped read, session cache miss (session + subject from PostgreSQL; once per 30 s per session)", miss);
        System.out.printf(Locale.ROOT, "%nRESULT overhead_p95_us=%.1f overhead_p50_us=%.1f miss_p95_us=%.1f sink=%d%n",
                (pct(e, 95) - pct(p, 95)) / 1000.0, (pct(e, 50) - pct(p, 50)) / 1000.0, pct(miss, 95) / 1000.0, sink % 7);
        System.exit(0);
    }

    private static long publicPath(SecurityFilter.Rule rule, AuthService auth) {
        Principal pr = SecurityFilter.decide(rule, null, false, auth);
        return pr == null ? 1 : 2;
    }

    private static long scopedPath(SecurityFilter.Rule rule, String header, AuthService auth) {
        Principal pr = SecurityFilter.decide(rule, header, false, auth);
        SubjectHolder.set(pr.subject());
        try {
            return DataScope.current().sqlPredicate("u.enterprise_id").length();
        } finally {
            SubjectHolder.clear();
        }
    }

    private static String token(Security sec, String username, long org, String role) throws Exception {
        long id = sec.directory.createUser(new Dto.UserInput(username, username, org, List.of(role), null, null, null, null, PASSWORD),
                Actor.system(), sec.auth.hasher(), sec.policy).user().id();
        try (Connection c = sec.db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE security.user_account SET must_change_password = false WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        return sec.auth.login(username, PASSWORD, "127.0.0.1").accessToken();
    }

    private static double pct(long[] v, int q) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[Math.min(c.length - 1, (int) Math.ceil(q / 100.0 * c.length) - 1)];
    }

    private static void row(String name, long[] v) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", name, v.length, pct(v, 50) / 1000.0, pct(v, 95) / 1000.0,
                pct(v, 99) / 1000.0);
    }
}
