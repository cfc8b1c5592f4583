package org.chempark.simulator.internal;

import java.util.Random;

/**
 * How each kind of point drifts when nothing happens: tank levels fill and drain slowly between
 * 20 % and 80 % of their band; temperatures, pressures and flows wander around a set point with
 * mean-reverting noise; gas detectors read near zero (a little sensor noise); oxygen stays near
 * 20.9 %VOL. Every value stays inside the point's normal band, so a quiet park raises no alarm.
 */
final class ValueModel {
    private ValueModel() {
    }

    static void init(SimPoint p, Random rnd) {
        double span = p.hi - p.lo;
        switch (p.type) {
        case LEVEL -> {
            p.value = p.lo + span * (0.3 + 0.4 * rnd.nextDouble());
            // a full fill or drain of the band takes 2-6 hours
            p.drift = (rnd.nextBoolean() ? 1 : -1) * span * 0.6 / (3600 * (2 + 4 * rnd.nextDouble()));
        }
        case COMBUSTIBLE_GAS, TOXIC_GAS -> {
            p.drift = 0;
            p.value = Math.max(p.rangeLow, p.rangeLow + gasNoiseCeiling(p) * rnd.nextDouble() * 0.3);
        }
        case OXYGEN -> {
            p.drift = clamp(20.9, p.lo + span * 0.1, p.hi - span * 0.1);
            p.value = p.drift;
        }
        default -> {
            p.drift = p.lo + span * (0.4 + 0.2 * rnd.nextDouble()); // set point
            p.value = p.drift;
        }
        }
    }

    /** Advances the model by {@code dt} seconds. */
    static void step(SimPoint p, double dt, Random rnd) {
        double span = p.hi - p.lo;
        switch (p.type) {
        case LEVEL -> {
            p.value += p.drift * dt + span * 0.0005 * rnd.nextGaussian() * Math.sqrt(dt);
            double min = p.lo + 0.2 * span;
            double max = p.lo + 0.8 * span;
            if (p.value > max && p.drift > 0 || p.value < min && p.drift < 0) {
                p.drift = -p.drift; // the operator switches from filling to sending out, or back
            }
            p.value = clamp(p.value, p.lo + 0.05 * span, p.hi - 0.05 * span);
        }
        case COMBUSTIBLE_GAS, TOXIC_GAS -> {
            double ceiling = gasNoiseCeiling(p);
            // zero drift with a little noise, pulled back towards the zero point
            p.value += -0.2 * (p.value - p.rangeLow) * Math.min(1, dt) + ceiling * 0.08 * rnd.nextGaussian() * Math.sqrt(Math.min(dt, 5));
            p.value = clamp(p.value, p.rangeLow, p.rangeLow + ceiling);
        }
        default -> {
            // Ornstein-Uhlenbeck around the set point: reverts with a time constant of ~60 s
            double theta = 1.0 / 60;
            double sigma = span * 0.01;
            p.value += theta * (p.drift - p.value) * Math.min(dt, 30) + sigma * rnd.nextGaussian() * Math.sqrt(Math.min(dt, 30));
            p.value = clamp(p.value, p.lo + 0.1 * span, p.hi - 0.1 * span);
        }
        }
    }

    /** Gas detectors read at most 10 % of the way to their first alarm when the air is clean. */
    static double gasNoiseCeiling(SimPoint p) {
        return Math.max(1e-3, (p.firstAlarm() - p.rangeLow) * 0.1);
    }

    static double clamp(double v, double min, double max) {
        return v < min ? min : v > max ? max : v;
    }
}
