package org.chempark.hazard.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chempark.asset.Chemical;
import org.chempark.asset.InventoryItem;
import org.chempark.asset.Unit;
import org.chempark.asset.UnitType;
import org.chempark.hazard.HazardAssessment;
import org.chempark.hazard.grading.ChemicalQuantity;
import org.chempark.hazard.grading.GradingResult;
import org.chempark.hazard.grading.GradingTerm;
import org.chempark.hazard.grading.HazardCategory;
import org.chempark.hazard.grading.HazardUnit;
import org.chempark.hazard.grading.IdentificationTerm;
import org.chempark.hazard.grading.MajorHazardEvaluator;
import org.chempark.hazard.grading.NamedChemical;

/** Turns the asset model's units and inventories into GB 18218-2018 assessments (pure; no OSGi). */
final class Grader {
    private final MajorHazardEvaluator evaluator = new MajorHazardEvaluator();

    /**
     * Where a CAS number matches several Table 1 rows (e.g. ammonium nitrate: rows for its forms
     * with different Q), the row whose Q is the chemical's recorded critical quantity is used.
     */
    private ChemicalQuantity quantity(Chemical c, BigDecimal tonnes) {
        List<NamedChemical> rows = evaluator.tables().findTable1ByCas(c.cas());
        if (rows.size() > 1 && c.criticalQuantityT() != null) {
            List<NamedChemical> same = rows.stream()
                    .filter(r -> r.criticalQuantityTonnes().compareTo(BigDecimal.valueOf(c.criticalQuantityT())) == 0).toList();
            if (same.size() == 1) {
                return ChemicalQuantity.ofTable1Row(same.get(0).row(), tonnes).withLabel(c.nameZh());
            }
            throw new IllegalArgumentException(c.nameZh() + " (" + c.cas() + ") matches GB 18218-2018 Table 1 rows "
                    + rows.stream().map(r -> r.row() + " (Q " + r.criticalQuantityTonnes().stripTrailingZeros().toPlainString() + " t)").toList()
                    + "; set the chemical's critical quantity to the Q of the row that applies");
        }
        return ChemicalQuantity.ofSubstance(c.cas(), tonnes).withLabel(c.nameZh());
    }

    HazardAssessment assess(Unit unit, Map<Long, Chemical> chemicals, Instant now) {
        int people = unit.exposedPeople() == null ? 0 : unit.exposedPeople();
        try {
            List<ChemicalQuantity> quantities = new ArrayList<>();
            for (InventoryItem item : unit.inventory()) {
                Chemical c = chemicals.get(item.chemicalId());
                if (c == null) {
                    throw new IllegalArgumentException("chemical " + item.chemicalId() + " of the inventory is unknown");
                }
                ChemicalQuantity q = quantity(c, BigDecimal.valueOf(item.quantityT()));
                if (c.hazardCategory() != null) {
                    q = q.withCategories(HazardCategory.fromCode(c.hazardCategory()));
                }
                quantities.add(q);
            }
            if (quantities.isEmpty()) {
                return new HazardAssessment(unit.id(), unit.code(), unit.name(), unit.enterpriseId(), unit.type().name(), unit.exposedPeople(),
                        0, false, null, null, null, null, List.of(), List.of("S = 0: the unit holds no hazardous chemicals"), now, null);
            }
            HazardUnit hu = unit.type() == UnitType.STORAGE
                    ? HazardUnit.storage(unit.code(), unit.name(), quantities.toArray(ChemicalQuantity[]::new))
                    : HazardUnit.production(unit.code(), unit.name(), quantities.toArray(ChemicalQuantity[]::new));
            GradingResult g = evaluator.grade(hu, people);
            List<HazardAssessment.Term> terms = new ArrayList<>();
            for (GradingTerm gt : g.terms()) {
                IdentificationTerm it = gt.identification();
                terms.add(new HazardAssessment.Term(it.displayName(), it.input().substance(), it.quantityTonnes().doubleValue(),
                        it.criticalQuantityTonnes().doubleValue(), it.criticalQuantitySource().toString(), it.ratio().doubleValue(),
                        gt.beta() == null ? null : gt.beta().doubleValue(), gt.betaSource() == null ? null : gt.betaSource().toString(),
                        gt.weightedRatio() == null ? null : gt.weightedRatio().doubleValue()));
            }
            boolean major = g.majorHazardSource();
            List<String> explanation = new ArrayList<>(g.identification().explanation());
            explanation.addAll(g.explanation());
            return new HazardAssessment(unit.id(), unit.code(), unit.name(), unit.enterpriseId(), unit.type().name(), unit.exposedPeople(),
                    g.identification().s().doubleValue(), major, major ? g.r().doubleValue() : null,
                    g.grade().map(x -> x.level()).orElse(null), g.grade().map(x -> x.nameZh()).orElse(null),
                    g.alpha() == null ? null : g.alpha().doubleValue(), terms, List.copyOf(new java.util.LinkedHashSet<>(explanation)), now, null);
        } catch (IllegalArgumentException e) {
            return new HazardAssessment(unit.id(), unit.code(), unit.name(), unit.enterpriseId(), unit.type().name(), unit.exposedPeople(),
                    0, false, null, null, null, null, List.of(), List.of(), now, e.getMessage());
        }
    }
}
