package org.chempark.hazard.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One row of GB 18218-2018 Table 1 (危险化学品名称及其临界量).
 *
 * @param row                     the standard's 序号 (1–85)
 * @param nameZh                  name and description as in the standard
 * @param aliases                 别名
 * @param casNumbers              CAS numbers (empty for 煤气 and 烷基铝; several for 天然气 and 液化石油气)
 * @param criticalQuantityTonnes  Q in tonnes
 * @param defaultCategories       NOT from GB 18218: the platform's default GB 30000 category, used only to choose
 *                                β from Table 4 when the caller gives none; may be empty
 * @param note                    transcription note (uncertain values are marked here); empty when none
 */
public record NamedChemical(int row, String nameZh, List<String> aliases, List<String> casNumbers,
                            BigDecimal criticalQuantityTonnes, Set<HazardCategory> defaultCategories, String note) {
    public static final String TABLE = "GB 18218-2018 Table 1";

    public NamedChemical {
        aliases = List.copyOf(aliases);
        casNumbers = List.copyOf(casNumbers);
        defaultCategories = Set.copyOf(defaultCategories);
        note = note == null ? "" : note;
    }

    public TableCitation citation() {
        return new TableCitation(TABLE, Integer.toString(row), nameZh);
    }
}
