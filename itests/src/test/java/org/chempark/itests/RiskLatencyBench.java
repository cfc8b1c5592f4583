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
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;

/**
 * Benchmark, not a test of the normal build (its name does not end in IT): run by
 * {@code bench/risk-latency.sh}. From readings above HH handed to the telemetry module's
 * {@code ReadingSink} (durable, alarm evaluated, event posted) to the new colour visible in {@code GET /api/v1/risk/scores/units/{id}}, polled every
 * 2 ms over HTTP from inside the container. Writes {@code risk-latency.md} next to the karaf.log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RiskLatencyBench extends ChemParkTestSupport {
    static final int ROUNDS = 60;
    static final int WARMUP = 5;

    private List<Object[]> alarmPoints(long unitId) throws Exception {
        List<Object[]> out = new ArrayList<>();
        for (JsonNode p : json(get(API + "/hazard/units/" + unitId + "/monitoring")).path("points")) {
            if (p.path("hh").isNumber() && out.size() < 2) {
                double hh = p.path("hh").asDouble();
                double top = p.path("rangeHigh").isNumber() ? p.path("rangeHigh").asDouble() : hh * 1.2 + 1;
                double high = p.path("h").isNumber() ? p.path("h").asDouble() : hh;
                double low = p.path("l").isNumber() ? p.path("l").asDouble() : p.path("ll").isNumber() ? p.path("ll").asDouble()
                        : p.path("rangeLow").isNumber() ? p.path("rangeLow").asDouble() : 0;
                out.add(new Object[] { p.path("code").asText(), (hh + top) / 2, (low + high) / 2 });
            }
        }
        return out;
    }

    private void submit(List<Object[]> points, int valueIndex) throws Exception {
        ReadingSink sink = bundleContext.getService(bundleContext.getServiceReference(ReadingSink.class));
        List<Reading> readings = new ArrayList<>();
        for (Object[] p : points) {
            readings.add(Reading.good((String) p[0], Instant.now(), (Double) p[valueIndex], "bench:risk"));
        }
        sink.submit(readings).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
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
        List<Object[]> points = alarmPoints(unitId);
        assertTrue("two points with HH on unit " + unitId, points.size() == 2);
        for (int i = 0; i < ROUNDS + WARMUP; i++) {
            long t0 = System.nanoTime();
            submit(points, 1);
            double up = waitFor(unitId, "RED", t0);
            long t1 = System.nanoTime();
            submit(points, 2);
            double down = waitFor(unitId, "YELLOW", t1);
            if (i >= WARMUP) {
                raise.add(up);
                clear.add(down);
            }
        }
        String report = "# Risk colour latency (" + Instant.now() + ")\n\n"
                + "From ReadingSink.submit of two readings above HH on a 一级 major hazard source to 红 visible in GET /api/v1/risk/scores/units/{id}, "
                + "and from readings back to normal to 黄; polled every 2 ms over HTTP inside the container; " + ROUNDS + " rounds after "
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
