package org.chempark.hazard.grading.detector;

import java.math.BigDecimal;

import org.chempark.hazard.grading.InvalidHazardInputException;

/**
 * The configuration of one fixed gas detector to check against GB/T 50493-2019.
 *
 * @param tag              detector tag, e.g. {@code GT-101}
 * @param gasName          the measured gas, e.g. 甲烷
 * @param gasType          combustible, toxic or oxygen
 * @param unit             unit of range and set points
 * @param rangeMin         lower end of the measuring range
 * @param rangeMax         upper end (full scale) of the measuring range
 * @param firstLevelAlarm  一级报警设定值 (for oxygen: the deficiency/low alarm)
 * @param secondLevelAlarm 二级报警设定值 (for oxygen: the enrichment/high alarm)
 * @param toxicLimits      OEL/IDLH of the gas; used only for toxic detectors, may be {@code null}
 */
public record GasDetectorConfig(String tag, String gasName, GasType gasType, MeasurementUnit unit,
                                BigDecimal rangeMin, BigDecimal rangeMax, BigDecimal firstLevelAlarm,
                                BigDecimal secondLevelAlarm, ToxicGasLimits toxicLimits) {

    public GasDetectorConfig {
        tag = tag == null ? "" : tag;
        gasName = gasName == null ? "" : gasName;
        if (gasType == null) {
            throw new InvalidHazardInputException("gasType", null, "COMBUSTIBLE, TOXIC or OXYGEN");
        }
        if (unit == null) {
            throw new InvalidHazardInputException("unit", null, "%LEL, ppm, mg/m³ or %VOL");
        }
        nonNegative("rangeMin", rangeMin);
        nonNegative("rangeMax", rangeMax);
        nonNegative("firstLevelAlarm", firstLevelAlarm);
        nonNegative("secondLevelAlarm", secondLevelAlarm);
        if (rangeMax.compareTo(rangeMin) <= 0) {
            throw new InvalidHazardInputException("rangeMax", rangeMax,
                    "a full-scale value greater than rangeMin = " + rangeMin.toPlainString());
        }
    }

    private static void nonNegative(String field, BigDecimal v) {
        if (v == null || v.signum() < 0) {
            throw new InvalidHazardInputException(field, v, "a finite number >= 0");
        }
    }

    static BigDecimal of(String field, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v < 0) {
            throw new InvalidHazardInputException(field, v, "a finite number >= 0");
        }
        return BigDecimal.valueOf(v);
    }

    /** A combustible-gas detector in %LEL with range 0..rangeMax. */
    public static GasDetectorConfig combustible(String tag, String gasName, double rangeMax, double firstLevel,
                                                double secondLevel) {
        return new GasDetectorConfig(tag, gasName, GasType.COMBUSTIBLE, MeasurementUnit.PERCENT_LEL, BigDecimal.ZERO,
                of("rangeMax", rangeMax), of("firstLevelAlarm", firstLevel), of("secondLevelAlarm", secondLevel), null);
    }

    /** A toxic-gas detector with range 0..rangeMax. */
    public static GasDetectorConfig toxic(String tag, String gasName, MeasurementUnit unit, double rangeMax,
                                          double firstLevel, double secondLevel, ToxicGasLimits limits) {
        return new GasDetectorConfig(tag, gasName, GasType.TOXIC, unit, BigDecimal.ZERO, of("rangeMax", rangeMax),
                of("firstLevelAlarm", firstLevel), of("secondLevelAlarm", secondLevel), limits);
    }

    /** An oxygen detector in %VOL with range 0..rangeMax, low (deficiency) and high (enrichment) alarms. */
    public static GasDetectorConfig oxygen(String tag, double rangeMax, double lowAlarm, double highAlarm) {
        return new GasDetectorConfig(tag, "氧气", GasType.OXYGEN, MeasurementUnit.PERCENT_VOL, BigDecimal.ZERO,
                of("rangeMax", rangeMax), of("lowAlarm", lowAlarm), of("highAlarm", highAlarm), null);
    }
}
