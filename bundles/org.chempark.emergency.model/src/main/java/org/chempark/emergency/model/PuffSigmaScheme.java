package org.chempark.emergency.model;

/** Dispersion coefficients used by {@link GaussianPuff}. */
public enum PuffSigmaScheme {
    /** Slade (1968) instantaneous-puff coefficients (CCPS 1999 Table 2.14), σx = σy. Recommended for puffs. */
    SLADE,
    /** Briggs rural plume coefficients applied to the puff (approximation: plume σ include 10-min meander averaging,
     * so peak puff concentrations tend to be underestimated), σx = σy. */
    BRIGGS_RURAL,
    /** Briggs urban plume coefficients applied to the puff, σx = σy. */
    BRIGGS_URBAN
}
