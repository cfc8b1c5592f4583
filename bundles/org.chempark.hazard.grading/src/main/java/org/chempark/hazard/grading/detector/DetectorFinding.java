package org.chempark.hazard.grading.detector;

/**
 * One finding of the detector check.
 *
 * @param rule     stable rule id, e.g. {@code COMBUSTIBLE_FIRST_LEVEL}
 * @param severity VIOLATION (breaks a 应/不得 requirement) or ADVISORY (deviates from a 宜 recommendation, or could
 *                 not be checked)
 * @param clause   the clause, e.g. {@code GB/T 50493-2019 5.5.3 item 1}
 * @param message  human-readable explanation with the values
 */
public record DetectorFinding(String rule, Severity severity, String clause, String message) {
    public enum Severity { VIOLATION, ADVISORY }
}
