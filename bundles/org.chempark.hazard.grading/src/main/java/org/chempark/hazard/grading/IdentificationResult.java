package org.chempark.hazard.grading;

import java.math.BigDecimal;
import java.util.List;

/**
 * Result of identification (辨识), GB 18218-2018 4.2: S = Σ qᵢ/Qᵢ; the unit is a major hazard source when S ≥ 1.
 *
 * @param unit                the unit evaluated
 * @param terms               one term per chemical, in input order
 * @param s                   S (exact when it terminates, else 20 significant digits; the S ≥ 1 test is exact)
 * @param majorHazardSource   S ≥ 1
 * @param explanation         lines for a UI, each citing its rule
 */
public record IdentificationResult(HazardUnit unit, List<IdentificationTerm> terms, BigDecimal s,
                                   boolean majorHazardSource, List<String> explanation) {
    public IdentificationResult {
        terms = List.copyOf(terms);
        explanation = List.copyOf(explanation);
    }
}
