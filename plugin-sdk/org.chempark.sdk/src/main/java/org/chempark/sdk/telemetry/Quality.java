package org.chempark.sdk.telemetry;

/** Quality of a reading, aligned with OPC UA status classes. */
public enum Quality {
    GOOD, UNCERTAIN, BAD
}
