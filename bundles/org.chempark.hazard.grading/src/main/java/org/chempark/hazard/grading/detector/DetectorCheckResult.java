package org.chempark.hazard.grading.detector;

import java.util.List;

/**
 * Result of checking one detector.
 *
 * @param config   the configuration checked
 * @param findings all findings, empty when fully compliant
 */
public record DetectorCheckResult(GasDetectorConfig config, List<DetectorFinding> findings) {
    public DetectorCheckResult {
        findings = List.copyOf(findings);
    }

    /** True when no finding is a VIOLATION. */
    public boolean compliant() {
        return findings.stream().noneMatch(f -> f.severity() == DetectorFinding.Severity.VIOLATION);
    }

    public boolean hasFinding(String rule) {
        return findings.stream().anyMatch(f -> f.rule().equals(rule));
    }
}
