package org.chempark.hazard.grading;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Grades of a major hazard source, GB 18218-2018 section 5 (grading table): grade 1 is the most severe.
 * 一级 R ≥ 100; 二级 100 &gt; R ≥ 50; 三级 50 &gt; R ≥ 10; 四级 R &lt; 10.
 */
public enum HazardGrade {
    GRADE_1("一级", 1, new BigDecimal("100")),
    GRADE_2("二级", 2, new BigDecimal("50")),
    GRADE_3("三级", 3, new BigDecimal("10")),
    GRADE_4("四级", 4, null);

    private final String nameZh;
    private final int level;
    private final BigDecimal lowerBound;

    HazardGrade(String nameZh, int level, BigDecimal lowerBound) {
        this.nameZh = nameZh;
        this.level = level;
        this.lowerBound = lowerBound;
    }

    public String nameZh() {
        return nameZh;
    }

    /** 1 (most severe) … 4. */
    public int level() {
        return level;
    }

    /** The inclusive lower bound of R for this grade; empty for grade 4. */
    public Optional<BigDecimal> lowerBoundInclusive() {
        return Optional.ofNullable(lowerBound);
    }

    /** The grade for a value of R (exact comparison). */
    public static HazardGrade of(BigDecimal r) {
        if (r == null) {
            throw new InvalidHazardInputException("r", null, "a number");
        }
        for (HazardGrade g : values()) {
            if (g.lowerBound == null || r.compareTo(g.lowerBound) >= 0) {
                return g;
            }
        }
        return GRADE_4;
    }

    /** Human-readable rule, e.g. {@code 二级: 100 > R ≥ 50}. */
    public String rule() {
        return switch (this) {
            case GRADE_1 -> "一级: R ≥ 100";
            case GRADE_2 -> "二级: 100 > R ≥ 50";
            case GRADE_3 -> "三级: 50 > R ≥ 10";
            case GRADE_4 -> "四级: R < 10";
        };
    }
}
