package org.chempark.emergency.model;

/** Thrown by {@link ChemicalProperties} when a CAS number is not in the property table. */
public class UnknownChemicalException extends ModelInputException {

    private static final long serialVersionUID = 1L;

    /**
     * @param cas the CAS number that was looked up
     */
    public UnknownChemicalException(String cas) {
        super("casNumber", cas, "one of the CAS numbers in chemicals.csv (see ChemicalProperties.all())");
    }
}
