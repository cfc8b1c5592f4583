package org.chempark.emergency.model;

/**
 * Result of {@link PoolEvaporation}.
 *
 * @param massRate evaporation rate of the whole pool [kg/s]
 * @param massFlux evaporation rate per unit area [kg/(m²·s)]
 * @param massTransferCoefficient k [m/s]
 * @param vapourPressure saturated vapour pressure used [Pa]
 * @param poolArea pool area [m²]
 */
public record EvaporationResult(double massRate, double massFlux, double massTransferCoefficient,
        double vapourPressure, double poolArea) {
}
