package org.chempark.hazard.grading;

import java.util.Objects;

/**
 * Where a value came from: the table of the standard, the row (序号) or category key, and the row's text.
 *
 * @param table e.g. {@code GB 18218-2018 Table 1}
 * @param key   the row number or the category code, e.g. {@code 65} or {@code W5.3}
 * @param text  the row's label, e.g. {@code 甲醇}
 */
public record TableCitation(String table, String key, String text) {
    public TableCitation {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        text = text == null ? "" : text;
    }

    @Override
    public String toString() {
        boolean numeric = !key.isEmpty() && key.chars().allMatch(Character::isDigit);
        return table + (numeric ? " row " : " ") + key + (text.isEmpty() ? "" : " (" + text + ")");
    }
}
