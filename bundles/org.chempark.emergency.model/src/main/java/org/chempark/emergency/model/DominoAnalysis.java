package org.chempark.emergency.model;

import java.util.ArrayList;
import java.util.List;
import org.chempark.emergency.model.internal.Check;

/**
 * Domino (escalation) screening: which neighbouring units receive a heat flux or overpressure at or above
 * their escalation threshold (threshold approach of Cozzani et al. 2005/2006, see
 * {@link EscalationThresholds}). The value is taken at the unit centre; exposure duration and fire
 * protection are not considered (screening level).
 */
public final class DominoAnalysis {

    private DominoAnalysis() {
    }

    /**
     * Evaluates every unit.
     *
     * @param units neighbour units (the primary unit itself should not be included)
     * @param field scenario field (heat flux in kW/m² or overpressure in kPa)
     * @param thresholds escalation thresholds
     * @return one exposure per unit, in input order
     */
    public static List<DominoExposure> assess(List<NeighbourUnit> units, ScenarioField field,
            EscalationThresholds thresholds) {
        Check.notNull("units", units);
        Check.notNull("field", field);
        Check.notNull("thresholds", thresholds);
        List<DominoExposure> out = new ArrayList<>(units.size());
        for (NeighbourUnit u : units) {
            Check.notNull("unit", u);
            double v = field.valueAt(u.east(), u.north());
            double t = thresholds.threshold(field.kind(), u.type());
            out.add(new DominoExposure(u, field.kind(), v, t, v >= t));
        }
        return List.copyOf(out);
    }

    /**
     * Only the units at or above their threshold, highest value/threshold ratio first.
     *
     * @param units neighbour units
     * @param field scenario field
     * @param thresholds escalation thresholds
     * @return escalating units
     */
    public static List<DominoExposure> escalating(List<NeighbourUnit> units, ScenarioField field,
            EscalationThresholds thresholds) {
        List<DominoExposure> all = new ArrayList<>(assess(units, field, thresholds));
        all.removeIf(e -> !e.escalation());
        all.sort((a, b) -> Double.compare(b.ratio(), a.ratio()));
        return List.copyOf(all);
    }
}
