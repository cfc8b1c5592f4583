package org.chempark.hazard.grading;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One term qᵢ/Qᵢ of S (GB 18218-2018 4.2, formula (1)).
 *
 * @param input                  the chemical as given
 * @param displayName            the name shown to users (Table 1 name, else the given substance/label)
 * @param table1Row              the matching Table 1 row, or {@code null}
 * @param quantityTonnes         q
 * @param criticalQuantityTonnes Q
 * @param criticalQuantitySource the table row Q came from
 * @param ratio                  q/Q (exact when it terminates, else 20 significant digits)
 * @param explanation            one line for a UI
 */
public record IdentificationTerm(ChemicalQuantity input, String displayName, NamedChemical table1Row,
                                 BigDecimal quantityTonnes, BigDecimal criticalQuantityTonnes,
                                 TableCitation criticalQuantitySource, BigDecimal ratio, String explanation) {
    public Optional<NamedChemical> table1Match() {
        return Optional.ofNullable(table1Row);
    }
}
