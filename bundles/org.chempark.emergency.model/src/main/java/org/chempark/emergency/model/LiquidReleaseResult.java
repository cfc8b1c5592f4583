package org.chempark.emergency.model;

/**
 * Result of {@link HoleRelease#liquid}.
 *
 * @param massRate released mass flow [kg/s]
 * @param velocity mean jet velocity at the vena contracta, massRate/(ρ·A) [m/s]
 * @param volumetricRate volumetric flow [m³/s]
 * @param holeArea hole cross-section [m²]
 */
public record LiquidReleaseResult(double massRate, double velocity, double volumetricRate, double holeArea) {
}
