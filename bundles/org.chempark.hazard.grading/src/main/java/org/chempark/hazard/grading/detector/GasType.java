package org.chempark.hazard.grading.detector;

/** What a gas detector measures (GB/T 50493-2019). */
public enum GasType {
    /** 可燃气体, measured in %LEL. */
    COMBUSTIBLE,
    /** 有毒气体, measured in ppm or mg/m³ and judged against its OEL. */
    TOXIC,
    /** 环境氧气, measured in %VOL; first level = deficiency (欠氧) alarm, second level = enrichment (过氧) alarm. */
    OXYGEN
}
