package org.chempark.hazard;

import java.time.Instant;
import java.util.List;

/**
 * GB 18218-2018 identification (辨识) and grading (分级) of one production or storage unit,
 * with every term explained.
 *
 * @param s                 S = Σ qᵢ/Qᵢ
 * @param majorHazardSource S ≥ 1
 * @param r                 R = α·Σ βᵢ·qᵢ/Qᵢ (null when not a major hazard source)
 * @param grade             1 (一级, most severe) … 4 (四级); null when not a major hazard source
 * @param alpha             α from the people exposed within 500 m (Table 5)
 * @param error             why the unit could not be assessed (e.g. a chemical without a hazard category); null when assessed
 */
public record HazardAssessment(long unitId, String unitCode, String unitName, Long enterpriseId, String unitType,
        Integer exposedPeople, double s, boolean majorHazardSource, Double r, Integer grade, String gradeZh, Double alpha,
        List<Term> terms, List<String> explanation, Instant computedAt, String error) {

    /**
     * One chemical's contribution.
     *
     * @param criticalQuantitySource the table row Q comes from, e.g. "GB 18218-2018 Table 1 row 65 (甲醇)"
     * @param betaSource             Table 3 row or Table 4 category
     */
    public record Term(String chemical, String cas, double quantityT, double criticalQuantityT, String criticalQuantitySource,
            double ratio, Double beta, String betaSource, Double weightedRatio) {
    }
}
