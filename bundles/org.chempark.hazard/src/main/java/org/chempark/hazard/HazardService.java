package org.chempark.hazard;

import java.util.List;
import java.util.Optional;

/** The current identification and grading of every unit, recomputed whenever the asset model changes. */
public interface HazardService {
    List<HazardAssessment> assessments();

    Optional<HazardAssessment> assessment(long unitId);
}
