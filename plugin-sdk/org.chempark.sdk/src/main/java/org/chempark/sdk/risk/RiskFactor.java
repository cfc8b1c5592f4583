package org.chempark.sdk.risk;

import java.util.Objects;

/**
 * One factor's current value for an enterprise or one of its hazard sources.
 *
 * @param type        the factor type id ({@link RiskFactorType#id()})
 * @param enterpriseId the enterprise
 * @param unitId      the hazard source's unit, or null when the factor is enterprise-wide
 * @param value       the value, in the type's unit
 * @param explanation what produced the value, for a person (e.g. "2 HH alarms: E01-PT-1101, E01-LT-1102")
 */
public record RiskFactor(String type, long enterpriseId, Long unitId, double value, String explanation) {
    public RiskFactor {
        Objects.requireNonNull(type, "type");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("risk factor value must be finite: " + value);
        }
    }
}
