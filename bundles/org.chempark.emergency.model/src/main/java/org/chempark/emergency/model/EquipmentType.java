package org.chempark.emergency.model;

/** Category of a neighbouring unit for escalation thresholds (Cozzani et al.). */
public enum EquipmentType {
    /** Atmospheric storage tank / vessel. */
    ATMOSPHERIC,
    /** Pressurised vessel (e.g. LPG sphere or bullet). */
    PRESSURISED
}
