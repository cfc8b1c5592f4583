package org.chempark.emergency.model;

import java.util.Map;
import java.util.Optional;

/**
 * Properties of one chemical from the shipped table ({@link ChemicalProperties}). All values in SI units;
 * {@code NaN} where the table has no value (not known or not applicable).
 *
 * @param cas CAS registry number (key)
 * @param name English name
 * @param nameZh Chinese name
 * @param formula Hill-order molecular formula (empty for mixtures)
 * @param molarMass molar mass [g/mol]
 * @param boilingPoint normal boiling point [K]
 * @param liquidDensity liquid density [kg/m³], at 20 °C or at the boiling point, see {@code densityBasis}
 * @param densityBasis {@code "20C"} or {@code "Tb"}
 * @param heatOfCombustion lower heating value [J/kg]
 * @param heatOfVaporisation latent heat at the normal boiling point [J/kg]
 * @param liquidHeatCapacity liquid specific heat [J/(kg·K)]
 * @param lel lower explosion limit [vol %]
 * @param uel upper explosion limit [vol %]
 * @param idlhPpm NIOSH IDLH [ppm]
 * @param idlhMgPerM3 NIOSH IDLH given as mass concentration [mg/m³] (aerosols, e.g. sulfuric acid)
 * @param erpg2Ppm AIHA ERPG-2 [ppm]
 * @param aegl2Ppm US EPA AEGL-2, 60 min [ppm]
 * @param antoine vapour-pressure coefficients, or null if not in the table
 * @param flammable true if the substance is flammable
 * @param representative true for mixtures represented by a typical value set (LPG, gasoline, diesel)
 * @param sources reference of each value group: keys {@code phys, thermo, flam, tox, antoine}
 * @param notes free-text remarks
 */
public record Chemical(String cas, String name, String nameZh, String formula, double molarMass, double boilingPoint,
        double liquidDensity, String densityBasis, double heatOfCombustion, double heatOfVaporisation,
        double liquidHeatCapacity, double lel, double uel, double idlhPpm, double idlhMgPerM3, double erpg2Ppm,
        double aegl2Ppm, AntoineCoefficients antoine, boolean flammable, boolean representative,
        Map<String, String> sources, String notes) {

    /** Makes the source map immutable. */
    public Chemical {
        sources = Map.copyOf(sources);
    }

    /** @return the Antoine coefficients if the table has them */
    public Optional<AntoineCoefficients> antoineCoefficients() {
        return Optional.ofNullable(antoine);
    }

    /**
     * Saturated vapour pressure from the Antoine coefficients.
     *
     * @param temperature [K], within the table's range for this chemical
     * @return vapour pressure [Pa]
     * @throws ModelInputException if no coefficients are tabulated or T is out of range
     */
    public double vapourPressure(double temperature) {
        if (antoine == null) {
            throw new ModelInputException("antoine coefficients of " + cas + " (" + name + ")", "missing",
                    "a chemical with Antoine coefficients in chemicals.csv");
        }
        return antoine.vapourPressure(temperature);
    }

    /**
     * IDLH as a mass concentration at 25 °C and 101 325 Pa.
     *
     * @return IDLH [mg/m³], NaN if not tabulated
     */
    public double idlhAsMgPerM3() {
        if (!Double.isNaN(idlhMgPerM3)) {
            return idlhMgPerM3;
        }
        if (Double.isNaN(idlhPpm)) {
            return Double.NaN;
        }
        return ConcentrationUnits.ppmToMgPerM3(idlhPpm, molarMass, ConcentrationUnits.REFERENCE_TEMPERATURE,
                ConcentrationUnits.STANDARD_PRESSURE);
    }
}
