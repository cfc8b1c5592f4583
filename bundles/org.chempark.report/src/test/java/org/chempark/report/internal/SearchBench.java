package org.chempark.report.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.chempark.core.db.internal.JdbcSchemaMigrator;
import org.chempark.report.internal.Model.HiddenDangerInput;
import org.chempark.report.internal.Model.InspectionInput;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;

/**
 * Benchmark (not a test): exact and fuzzy Chinese search over N hidden dangers on the embedded
 * PostgreSQL. Run by {@code bench/report-search.sh}; prints a Markdown table.
 * Args: number of hidden dangers (default 10000), repetitions per query (default 100), output file.
 */
public final class SearchBench {
    static final String[] WHERE = { "一号储罐区", "二号储罐区", "液氨罐区", "氯乙烯装置", "加氢装置", "甲醇合成装置", "装卸站台", "危化品仓库", "公用工程区", "中控室" };
    static final String[] WHAT = { "液位计故障未及时维修", "可燃气体报警器未定期标定", "有毒气体检测报警器失效", "紧急切断阀未与高液位联锁",
            "安全阀校验过期", "静电接地线断开", "消防通道被物料占用", "动火作业票证签批不规范", "受限空间作业未进行气体分析", "压力表超期未检",
            "防雷检测报告过期", "SIS 旁路未审批", "操作规程未及时修订", "应急器材配备不足", "围堰排水阀常开" };

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path out = args.length > 2 ? Path.of(args[2]) : null;
        Path dir = Files.createTempDirectory("report-bench");
        SubjectHolder.set(Subject.system("bench"));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
                .setOverrideWorkingDirectory(dir.resolve("bin").toFile()).start()) {
            Context.Assets assets = new Context.Assets() {
                @Override
                public boolean enterpriseExists(long enterpriseId) {
                    return enterpriseId >= 1 && enterpriseId <= 20;
                }

                @Override
                public Optional<Long> unitEnterprise(long unitId) {
                    return Optional.empty();
                }

                @Override
                public Map<Long, String> enterpriseNames() {
                    return Map.of();
                }
            };
            // a pool, as in the platform (pax-jdbc); without it every transaction would open a new PostgreSQL backend
            com.zaxxer.hikari.HikariConfig hc = new com.zaxxer.hikari.HikariConfig();
            hc.setDataSource(pg.getPostgresDatabase());
            hc.setMaximumPoolSize(4);
            com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(hc);
            ReportServiceImpl s = new ReportServiceImpl(new JdbcSchemaMigrator(pool), pool, assets,
                    (t, p) -> { }, ReportTestBase.config(dir.resolve("files"), 30, 1 << 20), java.time.Clock.systemUTC(), false);
            Random rnd = new Random(42);
            List<Long> inspections = new ArrayList<>();
            for (long e = 1; e <= 20; e++) {
                inspections.add(s.hiddenDangers.createInspection(new InspectionInput(e, "重大危险源专项督导检查", LocalDate.now().minusDays(10), "专家组", null)).id());
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String text = WHERE[rnd.nextInt(WHERE.length)] + WHAT[rnd.nextInt(WHAT.length)] + "（" + (i % 97) + "号位）";
                s.hiddenDangers.record(inspections.get(rnd.nextInt(inspections.size())), new HiddenDangerInput(null, rnd.nextInt(10) == 0 ? "MAJOR" : "GENERAL",
                        text, null, null, null));
            }
            double insertMs = (System.nanoTime() - t0) / 1e6 / n;
            System.err.printf("recorded %d hidden dangers, %.2f ms each%n", n, insertMs);
            String[] queries = { "液位计故障", "储罐液位故障", "气体报警器标定", "紧急切断阀联锁", "动火票证" };
            StringBuilder md = new StringBuilder();
            md.append("| query | match | hits | p50 ms | p95 ms |\n|---|---|---|---|---|\n");
            PageQuery page = PageQuery.parse(0, 20, null, HiddenDangerStore.SORTABLE);
            for (String q : queries) {
                for (String match : new String[] { "exact", "fuzzy" }) {
                    long[] lat = new long[reps];
                    long hits = 0;
                    for (int w = 0; w < 10; w++) {
                        s.hiddenDangers.list(page, new HiddenDangerStore.Filter(null, null, null, null, null, null, null, q, match));
                    }
                    for (int r = 0; r < reps; r++) {
                        long a = System.nanoTime();
                        hits = s.hiddenDangers.list(page, new HiddenDangerStore.Filter(null, null, null, null, null, null, null, q, match)).total();
                        lat[r] = System.nanoTime() - a;
                    }
                    Arrays.sort(lat);
                    md.append(String.format("| %s | %s | %d | %.1f | %.1f |%n", q, match, hits, lat[reps / 2] / 1e6, lat[(int) Math.ceil(reps * 0.95) - 1] / 1e6));
                }
            }
            String head = String.format("Hidden dangers: %d (20 enterprises), page size 20, %d timed repetitions per row after 10 warm-up; "
                    + "recording (三录入 entry 1 incl. bigram index) %.2f ms per hidden danger.%n%n", n, reps, insertMs);
            System.out.println(head + md);
            if (out != null) {
                Files.writeString(out, "# Report search benchmark " + LocalDate.now() + "\n\n" + head + md);
            }
            s.deactivate();
            pool.close();
        }
    }
}
