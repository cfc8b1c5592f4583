package org.chempark.hazard.grading.detector;

/** Units of a gas detector reading. */
public enum MeasurementUnit {
    PERCENT_LEL("%LEL"),
    PPM("ppm"),
    MG_PER_M3("mg/m³"),
    PERCENT_VOL("%VOL");

    private final String symbol;

    MeasurementUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
