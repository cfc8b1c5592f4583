package org.chempark.hazard.grading;

import java.math.BigDecimal;

/**
 * One term βᵢ·qᵢ/Qᵢ of R (GB 18218-2018 section 5, formula (2)).
 *
 * @param identification the q/Q term
 * @param beta           β
 * @param betaSource     Table 3 row, or Table 4 category
 * @param weightedRatio  β·q/Q
 * @param explanation    one line for a UI
 */
public record GradingTerm(IdentificationTerm identification, BigDecimal beta, TableCitation betaSource,
                          BigDecimal weightedRatio, String explanation) {
}
