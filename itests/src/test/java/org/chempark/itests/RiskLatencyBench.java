package org.chempark.itests;

import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Benchmark, not a test of the normal build (its name does not end in IT): run by
 * {@code bench/risk-latency.sh}. From an alarm event (the AlarmInfo event the telemetry module
 * posts) to the new colour visible in {@code GET /api/v1/risk/scores/units/{id}}, polled every
 * 2 ms over HTTP from inside the container. Writes {@code risk-latency.md} next to the karaf.log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RiskLatencyBench extends ChemParkTestSupport {
    static final int ROUNDS = 60;
    static final int WARMUP = 5;

    private void alarm(String action, long id, long unitId, long enterpriseId) {
        EventAdmin ea = bundleContext.getService(bundleContext.getServiceReference(EventAdmin.class));
        Map<String, Object> p = new HashMap<>();
        p.put("alarmId", id);
        p.put("pointCode", "BENCH-" + id);
        p.put("unitId", unitId);
        p.put("enterpriseId", enterpriseId);
        p.put("kind", "H");
        p.put("priority", 2);
        p.put("state", action.equals("RAISED") ? "ACTIVE" : action);
        p.put("value", 1.0);
        p.put("limit", 0.5);
        p.put("raisedAt", System.currentTimeMillis());
        ea.postEvent(new Event("org/chempark/telemetry/alarm/" + action, p));
    }

    private String colour(long unitId) throws Exception {
        HttpResponse<String> r = get(API + "/risk/scores/units/" + unitId);
        return r.statusCode() == 200 ? json(r).path("colour").asText() : "NONE";
    }

    private double waitFor(long unitId, String colour, long t0) throws Exception {
        while (!colour(unitId).equals(colour)) {
            if (System.nanoTime() - t0 > Duration.ofSeconds(10).toNanos()) {
                throw new AssertionError("no " + colour + " after 10 s");
            }
            Thread.sleep(2);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    @Test
    public void alarmToColour() throws Exception {
        await("risk scores", Duration.ofSeconds(120), () -> answers(API + "/risk/scores?of=unit", j -> j.size() > 0));
        JsonNode source = null;
        for (JsonNode s : json(get(API + "/hazard/sources"))) {
            if (s.path("grade").asInt() == 1) {
                source = s;
                break;
            }
        }
        long unitId = source.path("unitId").asLong();
        long enterpriseId = source.path("enterpriseId").asLong();
        await("baseline colour", Duration.ofSeconds(30), () -> colour(unitId).equals("YELLOW"));
        List<Double> raise = new ArrayList<>();
        List<Double> clear = new ArrayList<>();
        for (int i = 0; i < ROUNDS + WARMUP; i++) {
            long a = 8_000_000L + 2L * i;
            long t0 = System.nanoTime();
            alarm("RAISED", a, unitId, enterpriseId);
            alarm("RAISED", a + 1, unitId, enterpriseId);
            double up = waitFor(unitId, "RED", t0);
            long t1 = System.nanoTime();
            alarm("CLEARED", a, unitId, enterpriseId);
            alarm("CLEARED", a + 1, unitId, enterpriseId);
            double down = waitFor(unitId, "YELLOW", t1);
            if (i >= WARMUP) {
                raise.add(up);
                clear.add(down);
            }
        }
        String report = "# Risk colour latency (" + Instant.now() + ")\n\n"
                + "From two alarm events (AlarmInfo RAISED) on a 一级 major hazard source to 红 visible in GET /api/v1/risk/scores/units/{id}, "
                + "and from their CLEARED events back to 黄; polled every 2 ms over HTTP inside the container; " + ROUNDS + " rounds after "
                + WARMUP + " warm-up rounds.\n\n| transition | median ms | p90 ms | p99 ms | max ms | within 1 s |\n|---|---|---|---|---|---|\n"
                + row("黄 → 红 (alarms raised)", raise) + row("红 → 黄 (alarms cleared)", clear);
        Path out = Path.of(System.getProperty("chempark.itest.logDir", "."), "risk-latency.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        Collections.sort(raise);
        assertTrue("p99 " + pct(raise, 0.99) + " ms", pct(raise, 0.99) < 1000);
    }

    private static String row(String what, List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        long within = s.stream().filter(x -> x < 1000).count();
        return String.format(java.util.Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %d/%d |%n", what, pct(s, 0.5), pct(s, 0.9), pct(s, 0.99),
                s.get(s.size() - 1), within, s.size());
    }

    private static double pct(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
