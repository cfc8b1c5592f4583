package org.chempark.hazard.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chempark.asset.Chemical;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.PointType;
import org.chempark.hazard.grading.detector.DetectorCheckResult;
import org.chempark.hazard.grading.detector.GasDetectorChecker;
import org.chempark.hazard.grading.detector.GasDetectorConfig;
import org.chempark.hazard.grading.detector.MeasurementUnit;
import org.chempark.hazard.grading.detector.ToxicGasLimits;

/**
 * Checks the alarm set points of every gas detector point of the asset model against
 * GB/T 50493-2019. Toxic limits (OEL) come from GBZ 2.1-2019, shipped as data with their source.
 */
final class DetectorCheck {
    /** One detector's result. */
    record Result(long pointId, String code, String name, String type, Long enterpriseId, Long unitId, boolean compliant,
            List<Map<String, String>> findings) {
    }

    record Oel(String cas, String nameZh, BigDecimal molarMass, BigDecimal mac, BigDecimal pcTwa, BigDecimal pcStel, String source) {
    }

    private final Map<String, Oel> oels = new HashMap<>();
    private final GasDetectorChecker checker = new GasDetectorChecker();

    DetectorCheck() {
        try (InputStream in = DetectorCheck.class.getResourceAsStream("gbz2.1-2019-oel.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null;) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                oels.put(f[0], new Oel(f[0], f[1], dec(f[2]), dec(f[3]), dec(f[4]), dec(f[5]), f[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigDecimal dec(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s.trim());
    }

    List<Result> check(List<MonitoringPoint> points, Map<Long, Chemical> chemicals) {
        List<Result> out = new ArrayList<>();
        for (MonitoringPoint p : points) {
            if (p.type() != PointType.COMBUSTIBLE_GAS && p.type() != PointType.TOXIC_GAS && p.type() != PointType.OXYGEN) {
                continue;
            }
            List<Map<String, String>> findings = new ArrayList<>();
            try {
                GasDetectorConfig config = config(p, chemicals);
                if (config == null) {
                    findings.add(finding("SET_POINTS_MISSING", "VIOLATION", "GB/T 50493-2019 5.5",
                            "no alarm set points are configured (first-level H and second-level HH, or L/H for oxygen)"));
                } else {
                    DetectorCheckResult r = checker.check(config);
                    r.findings().forEach(f -> findings.add(finding(f.rule(), f.severity().name(), f.clause(), f.message())));
                }
            } catch (IllegalArgumentException e) {
                findings.add(finding("NOT_CHECKABLE", "ADVISORY", "", e.getMessage()));
            }
            boolean compliant = findings.stream().noneMatch(f -> "VIOLATION".equals(f.get("severity")));
            out.add(new Result(p.id(), p.code(), p.name(), p.type().name(), p.enterpriseId(), p.unitId(), compliant, findings));
        }
        return out;
    }

    private GasDetectorConfig config(MonitoringPoint p, Map<Long, Chemical> chemicals) {
        double range = p.rangeHigh();
        switch (p.type()) {
            case COMBUSTIBLE_GAS:
                if (p.h() == null || p.hh() == null) {
                    return null;
                }
                return GasDetectorConfig.combustible(p.code(), p.name(), range, p.h(), p.hh());
            case OXYGEN:
                if (p.l() == null || p.h() == null) {
                    return null;
                }
                return GasDetectorConfig.oxygen(p.code(), range, p.l(), p.h());
            default:
                if (p.h() == null || p.hh() == null) {
                    return null;
                }
                Chemical gas = p.gasChemicalId() == null ? null : chemicals.get(p.gasChemicalId());
                if (gas == null) {
                    throw new IllegalArgumentException("the detector has no gas: set gasChemicalId");
                }
                Oel oel = oels.get(gas.cas());
                if (oel == null) {
                    throw new IllegalArgumentException("no GBZ 2.1-2019 exposure limit is shipped for " + gas.nameZh() + " (" + gas.cas()
                            + "); the set points of this detector cannot be checked");
                }
                ToxicGasLimits limits = oel.mac() != null ? ToxicGasLimits.ofMac(oel.mac(), MeasurementUnit.MG_PER_M3)
                        : ToxicGasLimits.ofPcTwa(oel.pcTwa(), MeasurementUnit.MG_PER_M3);
                if (oel.pcStel() != null) {
                    limits = limits.withPcStel(oel.pcStel());
                }
                limits = limits.withMolarMass(oel.molarMass());
                MeasurementUnit unit = switch (p.unit()) {
                    case "ppm" -> MeasurementUnit.PPM;
                    case "mg/m3", "mg/m³" -> MeasurementUnit.MG_PER_M3;
                    default -> throw new IllegalArgumentException("unit '" + p.unit() + "' of a toxic gas detector must be ppm or mg/m³");
                };
                return GasDetectorConfig.toxic(p.code(), gas.nameZh(), unit, range, p.h(), p.hh(), limits);
        }
    }

    private static Map<String, String> finding(String rule, String severity, String clause, String message) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rule", rule);
        m.put("severity", severity);
        m.put("clause", clause);
        m.put("message", message);
        return m;
    }
}
