package org.chempark.sdk.module;

/** What the module registry reports for an installed module. */
public enum ModuleState {
    /** Descriptor registered and every health indicator of the module is up. */
    ACTIVE,
    /** Running, but one of its health indicators reports a problem. */
    DEGRADED,
    /** Its bundle is installed but not started (or its descriptor is not yet registered). */
    STOPPED
}
