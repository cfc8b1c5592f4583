package org.chempark.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.PointType;
import org.chempark.asset.Unit;

/**
 * The simulated park: every monitoring point of the asset model with its value model, and the
 * active scenarios layered on top. Time comes from the caller ({@link #tick(Instant)}), so tests
 * run hours of park time in milliseconds. Thread-safe: ticks and scenario changes are
 * synchronized; {@link #value(String)} reads a published snapshot.
 */
public final class ParkModel {
    /** Longest scenario accepted. */
    static final Duration MAX_DURATION = Duration.ofHours(24);
    static final double DEFAULT_LEAK_RADIUS_M = 80;

    private final Map<String, SimPoint> points = new LinkedHashMap<>();
    private final Map<String, double[]> unitCentres = new LinkedHashMap<>();
    private final Map<String, Long> unitIdsByCode = new LinkedHashMap<>();
    private final Set<String> devices;
    private final Random rnd;
    private final Map<String, Scenario> scenarios = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Map<String, Double> snapshot = Map.of();
    private Instant last;

    /**
     * @param devices names of the simulated devices a scenario may take offline
     */
    public ParkModel(Collection<MonitoringPoint> assetPoints, Collection<Unit> units, Set<String> devices, long seed) {
        this.rnd = new Random(seed);
        this.devices = new TreeSet<>(devices);
        for (Unit u : units) {
            double[] c = Geometry.centre(u.geometry());
            if (c != null) {
                unitCentres.put(u.code(), c);
            }
            unitIdsByCode.put(u.code(), u.id());
        }
        for (MonitoringPoint mp : assetPoints) {
            double[] xy = Geometry.centre(mp.geometry());
            SimPoint p = new SimPoint(mp, xy == null ? Double.NaN : xy[0], xy == null ? Double.NaN : xy[1]);
            ValueModel.init(p, rnd);
            points.put(p.code, p);
        }
        publish(null);
    }

    public Collection<String> pointCodes() {
        return points.keySet();
    }

    SimPoint point(String code) {
        return points.get(code);
    }

    /** The current value of a point (base model with scenarios applied), NaN when unknown. */
    public double value(String code) {
        Double v = snapshot.get(code);
        return v == null ? Double.NaN : v;
    }

    /** Advances every value model to {@code now} and applies the active scenarios. */
    public synchronized void tick(Instant now) {
        double dt = last == null ? 1.0 : Math.max(0, Duration.between(last, now).toMillis() / 1000.0);
        last = now;
        for (SimPoint p : points.values()) {
            ValueModel.step(p, dt, rnd);
        }
        scenarios.values().removeIf(s -> !now.isBefore(s.endsAt()));
        publish(now);
    }

    private void publish(Instant now) {
        Map<String, Double> out = new ConcurrentHashMap<>(points.size() * 2);
        for (SimPoint p : points.values()) {
            out.put(p.code, p.value);
        }
        if (now != null) {
            for (Scenario s : scenarios.values().stream().sorted(Comparator.comparing(Scenario::startedAt)).toList()) {
                if (!s.activeAt(now)) {
                    continue;
                }
                double f = Math.min(1, Duration.between(s.startedAt(), now).toMillis() / 1000.0 / s.rampSeconds());
                for (Map.Entry<String, Double> e : s.points().entrySet()) {
                    double base = out.get(e.getKey());
                    out.put(e.getKey(), s.type() == Scenario.Type.FREEZE ? e.getValue() : base + (e.getValue() - base) * f);
                }
            }
        }
        snapshot = out;
    }

    /** Devices that an active OFFLINE scenario takes down now. */
    public Set<String> offlineDevices(Instant now) {
        Set<String> out = new TreeSet<>();
        for (Scenario s : scenarios.values()) {
            if (s.type() == Scenario.Type.OFFLINE && s.activeAt(now)) {
                out.addAll(s.devices());
            }
        }
        return out;
    }

    public List<Scenario> scenarios() {
        return scenarios.values().stream().sorted(Comparator.comparing(Scenario::startedAt).thenComparing(Scenario::id)).toList();
    }

    public synchronized boolean cancel(String id) {
        boolean removed = scenarios.remove(id) != null;
        if (removed && last != null) {
            publish(last);
        }
        return removed;
    }

    /** The request of a scenario, as the REST API receives it. */
    public record Request(String type, String pointCode, String unitCode, String device, Long durationSeconds, Double radiusM) {
    }

    /** Starts a scenario now; throws {@link ScenarioException} naming the field at fault. */
    public synchronized Scenario start(Request r, Instant now) {
        if (r == null || r.type() == null || r.type().isBlank()) {
            throw new ScenarioException("type", "type is required: one of LEAK, OVERPRESSURE, FREEZE, OFFLINE", false);
        }
        Scenario.Type type;
        try {
            type = Scenario.Type.valueOf(r.type().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("type", "type '" + r.type() + "' is unknown: use LEAK, OVERPRESSURE, FREEZE or OFFLINE", false);
        }
        if (r.durationSeconds() == null) {
            throw new ScenarioException("durationSeconds", "durationSeconds is required (1 to " + MAX_DURATION.toSeconds() + ")", false);
        }
        if (r.durationSeconds() < 1 || r.durationSeconds() > MAX_DURATION.toSeconds()) {
            throw new ScenarioException("durationSeconds",
                    "durationSeconds " + r.durationSeconds() + " must be between 1 and " + MAX_DURATION.toSeconds() + " (24 h)", false);
        }
        Instant ends = now.plusSeconds(r.durationSeconds());
        String id = "s" + ids.incrementAndGet();
        Scenario s = switch (type) {
        case LEAK -> leak(id, r, now, ends);
        case OVERPRESSURE -> overpressure(id, r, now, ends);
        case FREEZE -> {
            SimPoint p = requirePoint(r.pointCode());
            yield new Scenario(id, type, p.code, now, ends, Map.of(p.code, value(p.code)), List.of());
        }
        case OFFLINE -> {
            if (r.device() == null || r.device().isBlank()) {
                throw new ScenarioException("device", "device is required for OFFLINE: one of " + devices, false);
            }
            if (!devices.contains(r.device())) {
                throw new ScenarioException("device", "device '" + r.device() + "' is not simulated; known devices: " + devices, true);
            }
            yield new Scenario(id, type, r.device(), now, ends, Map.of(), List.of(r.device()));
        }
        };
        scenarios.put(id, s);
        publish(now);
        return s;
    }

    private Scenario leak(String id, Request r, Instant now, Instant ends) {
        double radius = r.radiusM() == null ? DEFAULT_LEAK_RADIUS_M : r.radiusM();
        if (!(radius > 0 && radius <= 2000)) {
            throw new ScenarioException("radiusM", "radiusM " + r.radiusM() + " must be more than 0 and at most 2000 m", false);
        }
        double[] source;
        String target;
        if (r.pointCode() != null && !r.pointCode().isBlank()) {
            SimPoint p = requirePoint(r.pointCode());
            if (Double.isNaN(p.x)) {
                throw new ScenarioException("pointCode", "point " + p.code + " has no position on the park map; give unitCode instead", false);
            }
            source = new double[] { p.x, p.y };
            target = p.code;
        } else if (r.unitCode() != null && !r.unitCode().isBlank()) {
            source = unitCentres.get(r.unitCode());
            if (source == null) {
                throw new ScenarioException("unitCode", unitIdsByCode.containsKey(r.unitCode())
                        ? "unit " + r.unitCode() + " has no outline on the park map" : "unit '" + r.unitCode() + "' does not exist", true);
            }
            target = r.unitCode();
        } else {
            throw new ScenarioException("pointCode", "LEAK needs pointCode (where it leaks) or unitCode", false);
        }
        Map<String, Double> affected = new LinkedHashMap<>();
        SimPoint nearest = null;
        double nearestD = Double.MAX_VALUE;
        for (SimPoint p : points.values()) {
            if (!p.isGas() || Double.isNaN(p.x)) {
                continue;
            }
            double d = p.distanceTo(source[0], source[1]);
            if (d < nearestD) {
                nearestD = d;
                nearest = p;
            }
            if (d <= radius) {
                affected.put(p.code, leakPeak(p, d / radius));
            }
        }
        if (affected.isEmpty()) {
            if (nearest == null) {
                throw new ScenarioException("pointCode", "the park has no gas detector on the map", false);
            }
            affected.put(nearest.code, leakPeak(nearest, 0));
        }
        return new Scenario(id, Scenario.Type.LEAK, target, now, ends, affected, List.of());
    }

    /** Concentration a detector heads for: above its second level at the source, above its first level at the radius. */
    static double leakPeak(SimPoint p, double relDistance) {
        double first = p.firstAlarm();
        double second = Math.max(p.secondAlarm(), first * 1.2);
        double peak = second * 1.15 - (second * 1.15 - first * 1.15) * Math.min(1, relDistance);
        return Math.min(peak, p.rangeHigh);
    }

    private Scenario overpressure(String id, Request r, Instant now, Instant ends) {
        SimPoint p = requirePoint(r.pointCode());
        Map<String, Double> affected = new LinkedHashMap<>();
        for (SimPoint q : points.values()) {
            if (q.type == PointType.PRESSURE && q.equipmentId != null && q.equipmentId.equals(p.equipmentId)) {
                double peak = Math.min(q.rangeHigh, q.secondAlarm() * 1.05);
                affected.put(q.code, Math.max(peak, q.firstAlarm() * 1.05));
            }
        }
        if (affected.isEmpty()) {
            throw new ScenarioException("pointCode", "the equipment of point " + p.code + " has no pressure point; give a PRESSURE point", false);
        }
        return new Scenario(id, Scenario.Type.OVERPRESSURE, p.code, now, ends, affected, List.of());
    }

    private SimPoint requirePoint(String code) {
        if (code == null || code.isBlank()) {
            throw new ScenarioException("pointCode", "pointCode is required", false);
        }
        SimPoint p = points.get(code);
        if (p == null) {
            throw new ScenarioException("pointCode", "point '" + code + "' does not exist in the asset model", true);
        }
        return p;
    }

    /** Codes of the points of the given enterprise that a device of the given kind serves. */
    List<SimPoint> points(Long enterpriseId, boolean detectors) {
        List<SimPoint> out = new ArrayList<>();
        for (SimPoint p : points.values()) {
            if (java.util.Objects.equals(p.enterpriseId, enterpriseId) && p.isDetector() == detectors) {
                out.add(p);
            }
        }
        return out;
    }
}
