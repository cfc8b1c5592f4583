package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * A unit (tank, vessel) near an accident that may be a target for escalation.
 *
 * @param id identifier (e.g. the asset id of the tank)
 * @param east easting of the unit centre [m]
 * @param north northing of the unit centre [m]
 * @param type atmospheric or pressurised
 */
public record NeighbourUnit(String id, double east, double north, EquipmentType type) {

    /** Validates the inputs. */
    public NeighbourUnit {
        Check.notNull("id", id);
        Check.finite("east [m]", east);
        Check.finite("north [m]", north);
        Check.notNull("type", type);
    }
}
