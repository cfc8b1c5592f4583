package org.chempark.emergency.model;

/**
 * Result of {@link HoleRelease#gas}.
 *
 * @param massRate released mass flow [kg/s]
 * @param choked true if the flow is choked (sonic at the hole)
 * @param criticalPressureRatio (2/(γ+1))^(γ/(γ−1)): flow is choked when Pa/P0 ≤ this value
 * @param holeArea hole cross-section [m²]
 */
public record GasReleaseResult(double massRate, boolean choked, double criticalPressureRatio, double holeArea) {
}
