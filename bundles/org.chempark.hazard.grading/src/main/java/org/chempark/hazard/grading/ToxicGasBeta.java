package org.chempark.hazard.grading;

import java.math.BigDecimal;
import java.util.List;

/**
 * One entry of GB 18218-2018 Table 3 (毒性气体校正系数β取值表).
 *
 * @param row     position in the standard's table (1–14)
 * @param nameZh  e.g. 碳酰氯
 * @param aliases e.g. 光气
 * @param cas     CAS number
 * @param beta    correction factor β
 * @param note    transcription note; empty when none
 */
public record ToxicGasBeta(int row, String nameZh, List<String> aliases, String cas, BigDecimal beta, String note) {
    public static final String TABLE = "GB 18218-2018 Table 3";

    public ToxicGasBeta {
        aliases = List.copyOf(aliases);
        note = note == null ? "" : note;
    }

    public TableCitation citation() {
        return new TableCitation(TABLE, Integer.toString(row), nameZh);
    }
}
