package org.chempark.hazard.grading;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One row of GB 18218-2018 Table 5 (暴露人员校正系数α取值表): the number of people exposed within 500 m of the
 * plant-area boundary of the major hazard source, and its α.
 *
 * @param minPeople inclusive lower bound
 * @param maxPeople inclusive upper bound; {@code null} for "100 and more"
 * @param alpha     correction factor α
 * @param bandZh    the band as printed, e.g. 50人～99人
 * @param note      transcription note; empty when none
 */
public record ExposureBand(int minPeople, Integer maxPeople, BigDecimal alpha, String bandZh, String note) {
    public static final String TABLE = "GB 18218-2018 Table 5";

    public ExposureBand {
        note = note == null ? "" : note;
    }

    public Optional<Integer> maxPeopleInclusive() {
        return Optional.ofNullable(maxPeople);
    }

    public boolean contains(int people) {
        return people >= minPeople && (maxPeople == null || people <= maxPeople);
    }

    public TableCitation citation() {
        return new TableCitation(TABLE, bandZh, "α = " + alpha.toPlainString());
    }
}
