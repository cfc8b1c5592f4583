package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Escalation (domino) threshold values for equipment damage.
 *
 * <p>Defaults ({@link #COZZANI}) from Cozzani V., Gubinelli G., Antonioni G., Spadoni G., Zanelli S.,
 * "The assessment of risk caused by domino effect in quantitative area risk analysis", J. Hazard. Mater.
 * 127 (2005) 14–30, and Cozzani V., Gubinelli G., Salzano E., "Escalation thresholds in the assessment
 * of domino accidental events", J. Hazard. Mater. A129 (2006) 1–21: heat radiation 15 kW/m² for
 * atmospheric and 45 kW/m² for pressurised equipment (long exposure, &gt; 10 min), peak overpressure
 * 22 kPa for atmospheric and 16 kPa for pressurised equipment (Cozzani &amp; Salzano, J. Loss Prev.
 * Process Ind. 17 (2004) 437–447). The pressurised heat-radiation value is given as 45 kW/m² from the
 * author's reading of these papers; some secondary sources quote 50 kW/m² — use
 * {@link #withPressurisedHeatFlux(double)} to apply another value.
 *
 * @param heatFluxAtmospheric [kW/m²]
 * @param heatFluxPressurised [kW/m²]
 * @param overpressureAtmospheric [kPa]
 * @param overpressurePressurised [kPa]
 */
public record EscalationThresholds(double heatFluxAtmospheric, double heatFluxPressurised,
        double overpressureAtmospheric, double overpressurePressurised) {

    /** 15 / 45 kW/m², 22 / 16 kPa (atmospheric / pressurised). */
    public static final EscalationThresholds COZZANI = new EscalationThresholds(15, 45, 22, 16);

    /** Validates the inputs. */
    public EscalationThresholds {
        Check.positive("heatFluxAtmospheric [kW/m2]", heatFluxAtmospheric);
        Check.positive("heatFluxPressurised [kW/m2]", heatFluxPressurised);
        Check.positive("overpressureAtmospheric [kPa]", overpressureAtmospheric);
        Check.positive("overpressurePressurised [kPa]", overpressurePressurised);
    }

    /**
     * @param kind field kind
     * @param type equipment type
     * @return the threshold in the unit of the field kind
     */
    public double threshold(ScenarioField.Kind kind, EquipmentType type) {
        boolean atm = type == EquipmentType.ATMOSPHERIC;
        if (kind == ScenarioField.Kind.HEAT_FLUX_KW_M2) {
            return atm ? heatFluxAtmospheric : heatFluxPressurised;
        }
        return atm ? overpressureAtmospheric : overpressurePressurised;
    }

    /**
     * @param value new pressurised-equipment heat-flux threshold [kW/m²]
     * @return a copy with that value
     */
    public EscalationThresholds withPressurisedHeatFlux(double value) {
        return new EscalationThresholds(heatFluxAtmospheric, value, overpressureAtmospheric, overpressurePressurised);
    }
}
