package org.chempark.sdk.risk;

import java.util.List;

/**
 * Contributes factors to the real-time risk model (R-F2.3) and to enterprise classification
 * (R-F2.5): live alarms, grade, duty performance (包保履职), open hidden dangers, ongoing special
 * work, reports … Each module that knows a factor registers one provider as an OSGi service; the
 * risk model weighs every factor it finds (weights are configuration) and explains each score by
 * the factors that produced it. A provider posts {@link #CHANGED} when its values change so the
 * score follows within a second.
 */
public interface RiskFactorProvider {
    /** Event Admin topic a provider posts when values changed; property {@link #ENTERPRISE_ID} (Long) if known. */
    String CHANGED = "org/chempark/risk/factors/CHANGED";
    String ENTERPRISE_ID = "enterpriseId";

    /** The factor types this provider computes. */
    List<RiskFactorType> types();

    /** The current values of this provider's factors for one enterprise (enterprise-wide and per hazard source). */
    List<RiskFactor> factors(long enterpriseId);
}
