package org.chempark.asset;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the asset model for other modules (hazard grading, telemetry, emergency).
 * Available as an OSGi service once the asset schema is migrated.
 */
public interface AssetService {
    Optional<Park> park();

    List<Enterprise> enterprises();

    List<Unit> units();

    Optional<Unit> unit(long id);

    /** Every equipment item, ordered by code (added for the OPC UA server bridge's address space). */
    List<Equipment> equipment();

    List<MonitoringPoint> points();

    Optional<MonitoringPoint> pointByCode(String code);

    List<Chemical> chemicals();

    /** Park map features (roads, gates, fire stations, assembly points …); empty where not offered. */
    default List<MapFeature> mapFeatures() {
        return List.of();
    }
}
