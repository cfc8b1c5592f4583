package org.chempark.hazard.grading;

import java.math.BigDecimal;

/**
 * One row of GB 18218-2018 Table 2 (未在表1中列举的危险化学品类别及其临界量).
 *
 * @param category               J1 … W11
 * @param hazardClassZh          e.g. 易燃液体
 * @param descriptionZh          the category's description, e.g. 不属于W5.1或W5.2的其他类别2
 * @param criticalQuantityTonnes Q in tonnes
 * @param note                   transcription note; empty when none
 */
public record CategoryThreshold(HazardCategory category, String hazardClassZh, String descriptionZh,
                                BigDecimal criticalQuantityTonnes, String note) {
    public static final String TABLE = "GB 18218-2018 Table 2";

    public CategoryThreshold {
        note = note == null ? "" : note;
    }

    public TableCitation citation() {
        return new TableCitation(TABLE, category.code(), hazardClassZh + " " + descriptionZh);
    }
}
