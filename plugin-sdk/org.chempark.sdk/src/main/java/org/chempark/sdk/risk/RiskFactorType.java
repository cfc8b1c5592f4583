package org.chempark.sdk.risk;

import java.util.Objects;

/**
 * A kind of risk factor.
 *
 * @param id      stable id, {@code <module>.<factor>}, e.g. {@code telemetry.active-alarms}
 * @param nameZh  name in Chinese, e.g. 未消除报警数
 * @param nameEn  name in English
 * @param unit    what the value counts, e.g. {@code count}, {@code ratio}, {@code grade}
 */
public record RiskFactorType(String id, String nameZh, String nameEn, String unit) {
    public RiskFactorType {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z][a-z0-9-]*\\.[a-z][a-z0-9.-]*")) {
            throw new IllegalArgumentException("risk factor id must be <module>.<factor> in lower case: " + id);
        }
    }
}
