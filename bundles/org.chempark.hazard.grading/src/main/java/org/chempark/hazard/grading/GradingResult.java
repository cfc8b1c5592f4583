package org.chempark.hazard.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Result of grading (分级), GB 18218-2018 section 5: R = α·Σ βᵢ·qᵢ/Qᵢ and the grade.
 *
 * @param identification   the S test
 * @param terms            one β-weighted term per chemical, in input order
 * @param betaWeightedSum  Σ βᵢ·qᵢ/Qᵢ
 * @param peopleExposed    people within 500 m of the plant-area boundary (Table 5 input)
 * @param exposureBand     the Table 5 band applied
 * @param alpha            α
 * @param r                R (exact when it terminates, else 20 significant digits; grade boundaries are compared exactly)
 * @param grade            the grade; empty when the unit is not a major hazard source (S &lt; 1), since only major
 *                         hazard sources are graded
 * @param explanation      lines for a UI, each citing its rule
 */
public record GradingResult(IdentificationResult identification, List<GradingTerm> terms, BigDecimal betaWeightedSum,
                            int peopleExposed, ExposureBand exposureBand, BigDecimal alpha, BigDecimal r,
                            Optional<HazardGrade> grade, List<String> explanation) {
    public GradingResult {
        terms = List.copyOf(terms);
        explanation = List.copyOf(explanation);
        grade = grade == null ? Optional.empty() : grade;
    }

    /** Convenience: {@code identification().majorHazardSource()}. */
    public boolean majorHazardSource() {
        return identification.majorHazardSource();
    }
}
