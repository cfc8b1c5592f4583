package org.chempark.hazard.grading;

import java.math.BigDecimal;

/**
 * One row of GB 18218-2018 Table 4 (未在表3中列举的危险化学品校正系数β取值表).
 *
 * @param category J1 … W11
 * @param beta     correction factor β
 * @param note     transcription note; empty when none
 */
public record CategoryBeta(HazardCategory category, BigDecimal beta, String note) {
    public static final String TABLE = "GB 18218-2018 Table 4";

    public CategoryBeta {
        note = note == null ? "" : note;
    }

    public TableCitation citation() {
        return new TableCitation(TABLE, category.code(), "");
    }
}
