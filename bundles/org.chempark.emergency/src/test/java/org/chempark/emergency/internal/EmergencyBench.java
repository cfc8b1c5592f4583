package org.chempark.emergency.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.chempark.emergency.ReleaseType;
import org.chempark.emergency.ScenarioRequest;
import org.chempark.emergency.Weather;
import org.chempark.emergency.model.ChemicalProperties;
import org.chempark.emergency.model.DispersionTerrain;
import org.chempark.emergency.model.GaussianPlume;
import org.chempark.emergency.model.GridSpec;
import org.chempark.emergency.model.StabilityClass;
import org.chempark.emergency.model.WindFrame;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;

/**
 * Benchmark driver for {@code bench/emergency.sh} (not a test): (1) a plume on a 200 × 200 park grid
 * and its threshold iso-line (evaluateGrid + marching squares); (2) the full response plan for the
 * demo park on a real embedded PostgreSQL (compute and store the scenario, then build the plan from
 * the stored one). Prints a Markdown section with medians and p99.
 *
 * Arguments: iterations (default 200), output file (optional).
 */
public final class EmergencyBench {
    private EmergencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        StringBuilder out = new StringBuilder();
        out.append("## Emergency decision support (bench/emergency.sh)\n\n");
        out.append("JVM ").append(System.getProperty("java.version")).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs visible, ").append(n).append(" measured iterations after ").append(n / 2).append(" warm-up iterations.\n\n");
        out.append("| measurement | median | p99 | max | goal |\n|---|---|---|---|---|\n");

        // 1. plume contour on a 200 × 200 grid
        ChemicalProperties table = ChemicalProperties.defaults();
        double idlh = table.get("7782-50-5").idlhAsMgPerM3();
        GaussianPlume plume = new GaussianPlume(1.2, 0, 2, StabilityClass.F, DispersionTerrain.URBAN);
        WindFrame frame = new WindFrame(1300, 2275, 270);
        GridSpec grid = new GridSpec(0, 0, 30, 200, 200); // the demo park, 6 km × 6 km, 30 m cells
        double[] v = new double[grid.size()];
        long[] grid200 = new long[n];
        int rings = 0;
        for (int i = -n / 2; i < n; i++) {
            long t0 = System.nanoTime();
            plume.evaluateGrid(grid, frame, 0, v);
            GridContour.Lines l = GridContour.trace(grid, v, idlh);
            long t = System.nanoTime() - t0;
            rings = l.rings().size() + l.open().size();
            if (i >= 0) {
                grid200[i] = t;
            }
        }
        row(out, "plume on a 200 × 200 grid + IDLH iso-line (" + rings + " line(s))", grid200, "< 50 ms");

        // the analytic outline the API serves, for comparison
        long[] analytic = new long[n];
        for (int i = -n / 2; i < n; i++) {
            long t0 = System.nanoTime();
            plume.thresholdContour(idlh, 0).toPark(frame);
            if (i >= 0) {
                analytic[i] = System.nanoTime() - t0;
            }
        }
        row(out, "analytic IDLH outline (what a zone polygon costs)", analytic, "");

        // 2. full response plan on the demo park, real PostgreSQL
        Path dir = Files.createTempDirectory("emergency-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
                .setOverrideWorkingDirectory(dir.resolve("bin").toFile()).start()) {
            new org.chempark.core.db.internal.JdbcSchemaMigrator(pg.getPostgresDatabase()).migrate("emergency",
                    EmergencyBench.class.getClassLoader(), "db/emergency", EmergencyServiceImpl.MIGRATIONS);
            DemoParkAssets park = new DemoParkAssets();
            EmergencyServiceImpl service = new EmergencyServiceImpl(park, pg.getPostgresDatabase(), null,
                    new PlanBuilder.Office("园区应急管理办公室", "值班", "0513-83350119"));
            service.loadDemoResources();
            SubjectHolder.set(new Subject(1, "bench", 1, OrganisationType.PARK, null, Set.of(), Set.of(), Set.of("*"), "zh-CN"));
            Weather w = new Weather(2.0, 270.0, 0.0, false, null, 20.0, 0.7);
            ScenarioRequest chlorine = new ScenarioRequest(null, park.unitByCode("E03-U03").id(), null, null, null, ReleaseType.GAS_LEAK, 25.0,
                    600.0, null, null, null, null, w);
            ScenarioRequest vce = new ScenarioRequest(null, park.unitByCode("E01-U01").id(), null, null, null, ReleaseType.VCE, null, null, null,
                    null, null, null, w);
            for (ScenarioRequest req : new ScenarioRequest[] { chlorine, vce }) {
                long[] compute = new long[n], plan = new long[n], html = new long[n];
                Map<String, Object> lastPlan = null;
                for (int i = -n / 2; i < n; i++) {
                    long t0 = System.nanoTime();
                    Map<String, Object> s = service.compute(req);
                    long t1 = System.nanoTime();
                    Map<String, Object> stored = service.scenario(((Number) s.get("id")).longValue()).orElseThrow();
                    lastPlan = service.plan(stored);
                    long t2 = System.nanoTime();
                    service.planHtml(stored);
                    long t3 = System.nanoTime();
                    if (i >= 0) {
                        compute[i] = t1 - t0;
                        plan[i] = t2 - t1;
                        html[i] = t3 - t2;
                    }
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> sum = (Map<String, Object>) lastPlan.get("summary");
                String what = req.releaseType() + " at " + (req == chlorine ? "E03-U03 (chlorine)" : "E01-U01 (LPG, whole inventory)");
                row(out, what + ": compute + store scenario", compute, "");
                row(out, what + ": full response plan (read stored scenario, zones, people, domino, resources, assembly points, notifications)",
                        plan, "< 1 s");
                row(out, what + ": printable plan page", html, "");
                long[] total = new long[n];
                for (int i = 0; i < n; i++) {
                    total[i] = compute[i] + plan[i];
                }
                row(out, what + ": alarm to plan (compute + plan)", total, "< 1 s");
                out.append("| ↳ plan content | ").append(sum).append(" | | | |\n");
            }
        }
        out.append("\n");
        System.out.print(out);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), out.toString());
        }
    }

    private static void row(StringBuilder out, String what, long[] ns, String goal) {
        long[] s = ns.clone();
        Arrays.sort(s);
        out.append("| ").append(what).append(" | ").append(ms(s[s.length / 2])).append(" | ")
                .append(ms(s[(int) Math.ceil(s.length * 0.99) - 1])).append(" | ").append(ms(s[s.length - 1])).append(" | ").append(goal).append(" |\n");
    }

    private static String ms(long ns) {
        return String.format("%.2f ms", ns / 1e6);
    }
}
