package org.chempark.emergency;

/** What happens at the source (事故类型). */
public enum ReleaseType {
    /** Continuous gas leak through a hole (气体泄漏, choked/subsonic flow) → Gaussian plume. */
    GAS_LEAK,
    /** Continuous liquid leak through a hole (液体泄漏): flashing liquids disperse as gas, others evaporate from a pool. */
    LIQUID_LEAK,
    /** Instantaneous release of a mass (瞬时泄漏, vessel rupture) → Gaussian puff. */
    INSTANTANEOUS,
    /** Pool fire (池火). */
    POOL_FIRE,
    /** Vapour cloud explosion (蒸气云爆炸), TNT equivalence. */
    VCE,
    /** BLEVE fireball (沸腾液体扩展蒸气爆炸火球). */
    BLEVE
}
