package org.chempark.emergency;

import java.util.Map;
import java.util.Optional;

/**
 * Accident scenarios and response plans for other modules (command and dispatch, large screen).
 * Results are JSON-shaped maps: the scenario with its zones as a GeoJSON FeatureCollection in the
 * park frame, and the response plan; see {@code docs/emergency.md} for their fields.
 */
public interface EmergencyService {
    /** Computes and stores a scenario; throws a 422 {@code ProblemException} naming the invalid parameter. */
    Map<String, Object> compute(ScenarioRequest request);

    /** A stored scenario (not scoped: callers apply the caller's data scope). */
    Optional<Map<String, Object>> scenario(long id);

    /** The response plan of a stored scenario, computed on the current park and resources. */
    Map<String, Object> plan(long scenarioId);
}
