package org.chempark.emergency.model;

/** Surface type selecting the Briggs dispersion-coefficient set. */
public enum DispersionTerrain {
    /** Open country (Briggs 1973 rural fit of the Pasquill–Gifford curves). */
    RURAL,
    /** Urban / built-up area, including dense process plant (Briggs fit of McElroy–Pooler St Louis data). */
    URBAN
}
