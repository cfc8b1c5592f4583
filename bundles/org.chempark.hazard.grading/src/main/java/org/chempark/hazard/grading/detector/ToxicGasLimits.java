package org.chempark.hazard.grading.detector;

import java.math.BigDecimal;
import java.util.Optional;

import org.chempark.hazard.grading.InvalidHazardInputException;

/**
 * Occupational exposure limits of a toxic gas (GBZ 2.1) and optionally its IDLH, all in {@link #unit()}.
 * GB/T 50493-2019 3.0.8: the OEL used is the MAC if there is one, else the PC-TWA, else the PC-STEL.
 *
 * @param unit            unit of every value below (ppm or mg/m³)
 * @param mac             最高容许浓度 MAC, or {@code null}
 * @param pcTwa           时间加权平均容许浓度 PC-TWA, or {@code null}
 * @param pcStel          短时间接触容许浓度 PC-STEL, or {@code null}
 * @param idlh            立即威胁生命和健康浓度 IDLH, or {@code null}
 * @param molarMassGPerMol molar mass for ppm ↔ mg/m³ conversion, or {@code null}
 */
public record ToxicGasLimits(MeasurementUnit unit, BigDecimal mac, BigDecimal pcTwa, BigDecimal pcStel,
                             BigDecimal idlh, BigDecimal molarMassGPerMol) {

    /** Which OEL was chosen. */
    public enum Kind { MAC, PC_TWA, PC_STEL }

    /** The chosen OEL and its kind. */
    public record Oel(Kind kind, BigDecimal value, MeasurementUnit unit) {
    }

    public ToxicGasLimits {
        if (unit != MeasurementUnit.PPM && unit != MeasurementUnit.MG_PER_M3) {
            throw new InvalidHazardInputException("toxicLimits.unit", unit, "ppm or mg/m³");
        }
        check("toxicLimits.mac", mac);
        check("toxicLimits.pcTwa", pcTwa);
        check("toxicLimits.pcStel", pcStel);
        check("toxicLimits.idlh", idlh);
        check("toxicLimits.molarMassGPerMol", molarMassGPerMol);
    }

    private static void check(String field, BigDecimal v) {
        if (v != null && v.signum() <= 0) {
            throw new InvalidHazardInputException(field, v, "a number > 0, or absent");
        }
    }

    public static ToxicGasLimits ofMac(BigDecimal mac, MeasurementUnit unit) {
        return new ToxicGasLimits(unit, mac, null, null, null, null);
    }

    public static ToxicGasLimits ofPcTwa(BigDecimal pcTwa, MeasurementUnit unit) {
        return new ToxicGasLimits(unit, null, pcTwa, null, null, null);
    }

    public ToxicGasLimits withPcStel(BigDecimal v) {
        return new ToxicGasLimits(unit, mac, pcTwa, v, idlh, molarMassGPerMol);
    }

    public ToxicGasLimits withIdlh(BigDecimal v) {
        return new ToxicGasLimits(unit, mac, pcTwa, pcStel, v, molarMassGPerMol);
    }

    public ToxicGasLimits withMolarMass(BigDecimal gPerMol) {
        return new ToxicGasLimits(unit, mac, pcTwa, pcStel, idlh, gPerMol);
    }

    /** The OEL per GB/T 50493-2019 3.0.8 priority: MAC, then PC-TWA, then PC-STEL. */
    public Optional<Oel> oel() {
        if (mac != null) {
            return Optional.of(new Oel(Kind.MAC, mac, unit));
        }
        if (pcTwa != null) {
            return Optional.of(new Oel(Kind.PC_TWA, pcTwa, unit));
        }
        if (pcStel != null) {
            return Optional.of(new Oel(Kind.PC_STEL, pcStel, unit));
        }
        return Optional.empty();
    }

    public Optional<BigDecimal> idlhValue() {
        return Optional.ofNullable(idlh);
    }
}
