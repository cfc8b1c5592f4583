package org.chempark.hazard.grading.detector;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.chempark.hazard.grading.detector.DetectorFinding.Severity;

/**
 * Checks a gas detector's measuring range and alarm set points against GB/T 50493-2019
 * 《石油化工可燃气体和有毒气体检测报警设计标准》:
 * <ul>
 *   <li>3.0.2 — two alarm levels; the second level is the more severe, so first &lt; second;</li>
 *   <li>3.0.8 — OEL priority MAC, then PC-TWA, then PC-STEL;</li>
 *   <li>5.5.1 — combustible range 0–100 %LEL;</li>
 *   <li>5.5.2 — toxic range 0–300 % OEL, or 0–30 % IDLH when a detector cannot cover 300 % OEL; oxygen 0–25 %VOL;</li>
 *   <li>5.5.3 item 1/2 — combustible first level ≤ 25 %LEL, second level ≤ 50 %LEL;</li>
 *   <li>5.5.3 item 3 — toxic first level ≤ 100 % OEL, second ≤ 200 % OEL; when the range cannot meet the
 *       requirement, first ≤ 5 % IDLH and second ≤ 10 % IDLH;</li>
 *   <li>5.5.3 item 4 — oxygen enrichment alarm 23.5 %VOL, deficiency alarm 19.5 %VOL (宜: advisory);</li>
 *   <li>set points must lie inside the measuring range (rangeMin &lt; set point ≤ rangeMax).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class GasDetectorChecker {
    static final String STD = "GB/T 50493-2019 ";
    /** Molar volume used for ppm ↔ mg/m³ (25 °C, 101.325 kPa), L/mol. */
    public static final BigDecimal MOLAR_VOLUME_L_PER_MOL = new BigDecimal("24.45");

    private static final BigDecimal LEL_FIRST_MAX = new BigDecimal("25");
    private static final BigDecimal LEL_SECOND_MAX = new BigDecimal("50");
    private static final BigDecimal LEL_RANGE = new BigDecimal("100");
    private static final BigDecimal O2_LOW = new BigDecimal("19.5");
    private static final BigDecimal O2_HIGH = new BigDecimal("23.5");
    private static final BigDecimal O2_RANGE = new BigDecimal("25");
    private static final MathContext MC = MathContext.DECIMAL64;

    public DetectorCheckResult check(GasDetectorConfig c) {
        Objects.requireNonNull(c, "config");
        List<DetectorFinding> f = new ArrayList<>();
        switch (c.gasType()) {
            case COMBUSTIBLE -> combustible(c, f);
            case TOXIC -> toxic(c, f);
            case OXYGEN -> oxygen(c, f);
        }
        common(c, f);
        return new DetectorCheckResult(c, f);
    }

    private static void combustible(GasDetectorConfig c, List<DetectorFinding> f) {
        if (c.unit() != MeasurementUnit.PERCENT_LEL) {
            f.add(new DetectorFinding("COMBUSTIBLE_UNIT", Severity.VIOLATION, STD + "5.5.1",
                    "combustible gas detector must read in %LEL (range 0–100 %LEL), found " + c.unit()
                            + "; set points not checked"));
            return;
        }
        if (c.rangeMin().signum() != 0 || c.rangeMax().compareTo(LEL_RANGE) != 0) {
            f.add(new DetectorFinding("COMBUSTIBLE_RANGE", Severity.VIOLATION, STD + "5.5.1",
                    "measuring range of a combustible gas detector shall be 0–100 %LEL, found " + range(c)));
        }
        if (c.firstLevelAlarm().compareTo(LEL_FIRST_MAX) > 0) {
            f.add(new DetectorFinding("COMBUSTIBLE_FIRST_LEVEL", Severity.VIOLATION, STD + "5.5.3 item 1",
                    "first-level alarm " + v(c.firstLevelAlarm()) + " %LEL exceeds the maximum 25 %LEL"));
        }
        if (c.secondLevelAlarm().compareTo(LEL_SECOND_MAX) > 0) {
            f.add(new DetectorFinding("COMBUSTIBLE_SECOND_LEVEL", Severity.VIOLATION, STD + "5.5.3 item 2",
                    "second-level alarm " + v(c.secondLevelAlarm()) + " %LEL exceeds the maximum 50 %LEL"));
        }
    }

    private static void toxic(GasDetectorConfig c, List<DetectorFinding> f) {
        if (c.unit() != MeasurementUnit.PPM && c.unit() != MeasurementUnit.MG_PER_M3) {
            f.add(new DetectorFinding("TOXIC_UNIT", Severity.VIOLATION, STD + "5.5.2",
                    "toxic gas detector must read in ppm or mg/m³ so it can be compared with the OEL, found "
                            + c.unit() + "; set points not checked against the OEL"));
            return;
        }
        ToxicGasLimits limits = c.toxicLimits();
        Optional<ToxicGasLimits.Oel> oel = limits == null ? Optional.empty() : limits.oel();
        if (oel.isEmpty()) {
            f.add(new DetectorFinding("TOXIC_OEL_MISSING", Severity.ADVISORY, STD + "3.0.8, 5.5.3 item 3",
                    "no occupational exposure limit (MAC / PC-TWA / PC-STEL, GBZ 2.1) given for " + c.gasName()
                            + "; set points not checked against the OEL"));
            return;
        }
        Optional<BigDecimal> oelValue = convert(oel.get().value(), limits.unit(), c.unit(), limits.molarMassGPerMol());
        if (oelValue.isEmpty()) {
            f.add(new DetectorFinding("TOXIC_OEL_MISSING", Severity.ADVISORY, STD + "3.0.8, 5.5.3 item 3",
                    "OEL is in " + limits.unit() + " but the detector reads " + c.unit()
                            + " and no molar mass was given for the conversion; set points not checked against the OEL"));
            return;
        }
        BigDecimal o = oelValue.get();
        String oelText = oel.get().kind().name().replace('_', '-') + " " + v(o) + " " + c.unit()
                + (limits.unit() == c.unit() ? "" : " (converted from " + v(oel.get().value()) + " " + limits.unit()
                + " at 24.45 L/mol)");
        Optional<BigDecimal> idlh = limits.idlhValue()
                .flatMap(i -> convert(i, limits.unit(), c.unit(), limits.molarMassGPerMol()));
        BigDecimal threeOel = o.multiply(BigDecimal.valueOf(3));
        boolean rangeCoversOel = c.rangeMax().compareTo(threeOel) >= 0;
        boolean idlhAlternative = false;
        if (!rangeCoversOel) {
            if (idlh.isPresent() && c.rangeMax().compareTo(idlh.get().multiply(new BigDecimal("0.3"))) >= 0) {
                idlhAlternative = true;
                f.add(new DetectorFinding("TOXIC_RANGE", Severity.ADVISORY, STD + "5.5.2",
                        "range " + range(c) + " does not reach 300 % OEL (" + v(threeOel) + " " + c.unit()
                                + ", OEL = " + oelText + "); the IDLH alternative 0–30 % IDLH applies (IDLH = "
                                + v(idlh.get()) + " " + c.unit() + "), so set points are judged against 5 % / 10 % IDLH"));
            } else {
                f.add(new DetectorFinding("TOXIC_RANGE", Severity.VIOLATION, STD + "5.5.2",
                        "measuring range " + range(c) + " does not reach 300 % OEL = " + v(threeOel) + " " + c.unit()
                                + " (OEL = " + oelText + ")"
                                + (idlh.isPresent() ? " nor 30 % IDLH = " + v(idlh.get().multiply(new BigDecimal("0.3")))
                                + " " + c.unit() : "; no IDLH given for the alternative range")));
            }
        }
        if (idlhAlternative) {
            BigDecimal i = idlh.get();
            BigDecimal l1 = i.multiply(new BigDecimal("0.05"));
            BigDecimal l2 = i.multiply(new BigDecimal("0.10"));
            if (c.firstLevelAlarm().compareTo(l1) > 0) {
                f.add(new DetectorFinding("TOXIC_FIRST_LEVEL", Severity.VIOLATION, STD + "5.5.3 item 3",
                        "first-level alarm " + v(c.firstLevelAlarm()) + " " + c.unit() + " exceeds 5 % IDLH = "
                                + v(l1) + " " + c.unit()));
            }
            if (c.secondLevelAlarm().compareTo(l2) > 0) {
                f.add(new DetectorFinding("TOXIC_SECOND_LEVEL", Severity.VIOLATION, STD + "5.5.3 item 3",
                        "second-level alarm " + v(c.secondLevelAlarm()) + " " + c.unit() + " exceeds 10 % IDLH = "
                                + v(l2) + " " + c.unit()));
            }
        } else {
            BigDecimal l2 = o.multiply(BigDecimal.valueOf(2));
            if (c.firstLevelAlarm().compareTo(o) > 0) {
                f.add(new DetectorFinding("TOXIC_FIRST_LEVEL", Severity.VIOLATION, STD + "5.5.3 item 3",
                        "first-level alarm " + v(c.firstLevelAlarm()) + " " + c.unit() + " exceeds 100 % OEL = "
                                + oelText));
            }
            if (c.secondLevelAlarm().compareTo(l2) > 0) {
                f.add(new DetectorFinding("TOXIC_SECOND_LEVEL", Severity.VIOLATION, STD + "5.5.3 item 3",
                        "second-level alarm " + v(c.secondLevelAlarm()) + " " + c.unit() + " exceeds 200 % OEL = "
                                + v(l2) + " " + c.unit() + " (OEL = " + oelText + ")"));
            }
        }
    }

    private static void oxygen(GasDetectorConfig c, List<DetectorFinding> f) {
        if (c.unit() != MeasurementUnit.PERCENT_VOL) {
            f.add(new DetectorFinding("OXYGEN_UNIT", Severity.VIOLATION, STD + "5.5.2",
                    "oxygen detector must read in %VOL, found " + c.unit() + "; set points not checked"));
            return;
        }
        if (c.rangeMin().signum() != 0 || c.rangeMax().compareTo(O2_RANGE) != 0) {
            f.add(new DetectorFinding("OXYGEN_RANGE", Severity.ADVISORY, STD + "5.5.2",
                    "measuring range of an ambient oxygen detector may be 0–25 %VOL, found " + range(c)));
        }
        if (c.firstLevelAlarm().compareTo(O2_LOW) != 0) {
            f.add(new DetectorFinding("OXYGEN_LOW_ALARM", Severity.ADVISORY, STD + "5.5.3 item 4",
                    "oxygen deficiency alarm should be 19.5 %VOL, found " + v(c.firstLevelAlarm()) + " %VOL"));
        }
        if (c.secondLevelAlarm().compareTo(O2_HIGH) != 0) {
            f.add(new DetectorFinding("OXYGEN_HIGH_ALARM", Severity.ADVISORY, STD + "5.5.3 item 4",
                    "oxygen enrichment alarm should be 23.5 %VOL, found " + v(c.secondLevelAlarm()) + " %VOL"));
        }
    }

    private static void common(GasDetectorConfig c, List<DetectorFinding> f) {
        if (c.firstLevelAlarm().compareTo(c.secondLevelAlarm()) >= 0) {
            f.add(new DetectorFinding("ALARM_ORDER", Severity.VIOLATION, STD + "3.0.2",
                    c.gasType() == GasType.OXYGEN
                            ? "deficiency alarm " + v(c.firstLevelAlarm()) + " must be below the enrichment alarm "
                            + v(c.secondLevelAlarm()) + " %VOL"
                            : "first-level alarm " + v(c.firstLevelAlarm()) + " must be below the second-level alarm "
                            + v(c.secondLevelAlarm()) + " " + c.unit()));
        }
        inRange(c, "firstLevelAlarm", c.firstLevelAlarm(), f);
        inRange(c, "secondLevelAlarm", c.secondLevelAlarm(), f);
    }

    private static void inRange(GasDetectorConfig c, String which, BigDecimal sp, List<DetectorFinding> f) {
        if (sp.compareTo(c.rangeMin()) <= 0 || sp.compareTo(c.rangeMax()) > 0) {
            f.add(new DetectorFinding("SET_POINT_OUT_OF_RANGE", Severity.VIOLATION, STD + "5.5.1, 5.5.2",
                    which + " " + v(sp) + " " + c.unit() + " is outside the measuring range " + range(c)
                            + " (must be above the lower end and at most the full scale)"));
        }
    }

    /** Converts a concentration between ppm and mg/m³ (mg/m³ = ppm × M / 24.45). */
    static Optional<BigDecimal> convert(BigDecimal value, MeasurementUnit from, MeasurementUnit to, BigDecimal molarMass) {
        if (from == to) {
            return Optional.of(value);
        }
        if (molarMass == null) {
            return Optional.empty();
        }
        if (from == MeasurementUnit.PPM && to == MeasurementUnit.MG_PER_M3) {
            return Optional.of(value.multiply(molarMass).divide(MOLAR_VOLUME_L_PER_MOL, MC));
        }
        if (from == MeasurementUnit.MG_PER_M3 && to == MeasurementUnit.PPM) {
            return Optional.of(value.multiply(MOLAR_VOLUME_L_PER_MOL).divide(molarMass, MC));
        }
        return Optional.empty();
    }

    private static String range(GasDetectorConfig c) {
        return v(c.rangeMin()) + "–" + v(c.rangeMax()) + " " + c.unit();
    }

    private static String v(BigDecimal d) {
        BigDecimal s = d.round(new MathContext(6)).stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
