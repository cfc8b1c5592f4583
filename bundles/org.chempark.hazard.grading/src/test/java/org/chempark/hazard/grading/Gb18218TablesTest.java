package org.chempark.hazard.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gb18218TablesTest {
    private final Gb18218Tables tables = Gb18218Tables.standard();

    @Test
    void table1HasAll85RowsNumberedOnceInOrder() {
        assertThat(tables.table1()).hasSize(85);
        Set<Integer> rows = new HashSet<>();
        for (int i = 0; i < 85; i++) {
            NamedChemical c = tables.table1().get(i);
            assertThat(c.row()).isEqualTo(i + 1);
            assertThat(rows.add(c.row())).isTrue();
            assertThat(c.nameZh()).isNotBlank();
            assertThat(c.criticalQuantityTonnes()).isPositive();
            assertThat(c.citation().table()).isEqualTo("GB 18218-2018 Table 1");
        }
    }

    @ParameterizedTest(name = "{1} {0} Q = {2} t")
    @CsvSource({
            "7664-41-7, 氨, 10",
            "7782-50-5, 氯, 5",
            "7783-06-4, 硫化氢, 5",
            "67-56-1, 甲醇, 500",
            "71-43-2, 苯, 50",
            "108-88-3, 甲苯, 500",
            "68476-85-7, 液化石油气（含丙烷、丁烷及其混合物）, 50",
            "74-98-6, 液化石油气（含丙烷、丁烷及其混合物）, 50",
            "8006-14-2, 甲烷，天然气, 50",
            "74-82-8, 甲烷，天然气, 50",
            "1333-74-0, 氢, 5",
            "75-21-8, 环氧乙烷, 10",
            "107-13-1, 2-丙烯腈, 50",
            "75-01-4, 氯乙烯, 50",
            "86290-81-5, 汽油（乙醇汽油、甲醇汽油）, 200",
            "75-44-5, 碳酰氯, 0.3",
            "624-83-9, 异氰酸甲酯, 0.75",
            "7757-79-1, 硝酸钾, 1000",
            "74-90-8, 氰化氢, 1",
            "7440-23-5, 钠, 10",
    })
    void keyTable1RowsByCas(String cas, String name, BigDecimal q) {
        assertThat(tables.findTable1ByCas(cas)).singleElement().satisfies(c -> {
            assertThat(c.nameZh()).isEqualTo(name);
            assertThat(c.criticalQuantityTonnes()).isEqualByComparingTo(q);
        });
    }

    @Test
    void namesAliasesAndWidthVariantsAreFound() {
        assertThat(tables.findTable1ByName("光气")).singleElement().extracting(NamedChemical::row).isEqualTo(6);
        assertThat(tables.findTable1ByName("液化石油气")).singleElement().extracting(NamedChemical::row).isEqualTo(52);
        assertThat(tables.findTable1ByName("天然气")).singleElement().extracting(NamedChemical::row).isEqualTo(49);
        assertThat(tables.findTable1ByName("汽油")).singleElement().extracting(NamedChemical::row).isEqualTo(66);
        assertThat(tables.findTable1ByName("1，3-丁二烯")).singleElement().extracting(NamedChemical::row).isEqualTo(47);
        assertThat(tables.findTable1ByName("1,3-丁二烯")).singleElement().extracting(NamedChemical::row).isEqualTo(47);
        assertThat(tables.findTable1ByName("煤气")).singleElement().satisfies(c ->
                assertThat(c.criticalQuantityTonnes()).isEqualByComparingTo("20"));
        assertThat(tables.findTable1ByCas("6484-52-2")).extracting(NamedChemical::row).containsExactly(43, 44, 45);
        assertThat(tables.findTable1ByCas("9004-70-0")).hasSize(6);
    }

    @ParameterizedTest(name = "Table 2 {0} Q = {1} t")
    @CsvSource({
            "J1, 5", "J2, 50", "J3, 50", "J4, 50", "J5, 500",
            "W1.1, 1", "W1.2, 10", "W1.3, 50", "W2, 10", "W3, 150", "W4, 50",
            "W5.1, 10", "W5.2, 50", "W5.3, 1000", "W5.4, 5000",
            "W6.1, 10", "W6.2, 50", "W7.1, 10", "W7.2, 50", "W8, 50",
            "W9.1, 50", "W9.2, 200", "W10, 200", "W11, 200",
    })
    void table2(String code, BigDecimal q) {
        CategoryThreshold t = tables.threshold(HazardCategory.fromCode(code));
        assertThat(t.criticalQuantityTonnes()).isEqualByComparingTo(q);
        assertThat(t.citation().toString()).startsWith("GB 18218-2018 Table 2 " + code);
    }

    @ParameterizedTest(name = "Table 3 {1} β = {2}")
    @CsvSource({
            "630-08-0, 一氧化碳, 2", "7446-09-5, 二氧化硫, 2", "7664-41-7, 氨, 2", "75-21-8, 环氧乙烷, 2",
            "7647-01-0, 氯化氢, 3", "74-83-9, 溴甲烷, 3", "7782-50-5, 氯, 4", "7783-06-4, 硫化氢, 5",
            "7664-39-3, 氟化氢, 5", "10102-44-0, 二氧化氮, 10", "74-90-8, 氰化氢, 10", "75-44-5, 碳酰氯, 20",
            "7803-51-2, 磷化氢, 20", "624-83-9, 异氰酸甲酯, 20",
    })
    void table3(String cas, String name, BigDecimal beta) {
        assertThat(tables.table3()).hasSize(14);
        assertThat(tables.findTable3(cas)).hasValueSatisfying(t -> {
            assertThat(t.nameZh()).isEqualTo(name);
            assertThat(t.beta()).isEqualByComparingTo(beta);
        });
        assertThat(tables.findTable3(name)).isPresent();
    }

    @ParameterizedTest(name = "Table 4 {0} β = {1}")
    @CsvSource({
            "J1, 4", "J2, 1", "J3, 2", "J4, 2", "J5, 1", "W1.1, 2", "W1.2, 2", "W1.3, 2", "W2, 1.5", "W3, 1",
            "W4, 1", "W5.1, 1.5", "W5.2, 1", "W5.3, 1", "W5.4, 1", "W6.1, 1.5", "W6.2, 1", "W7.1, 1.5", "W7.2, 1",
            "W8, 1", "W9.1, 1", "W9.2, 1", "W10, 1", "W11, 1",
    })
    void table4(String code, BigDecimal beta) {
        assertThat(tables.beta(HazardCategory.fromCode(code)).beta()).isEqualByComparingTo(beta);
    }

    @ParameterizedTest(name = "{0} people → α = {1}")
    @CsvSource({"0, 0.5", "1, 1.0", "29, 1.0", "30, 1.2", "49, 1.2", "50, 1.5", "99, 1.5", "100, 2.0", "100000, 2.0"})
    void table5(int people, BigDecimal alpha) {
        assertThat(tables.exposureBand(people).alpha()).isEqualByComparingTo(alpha);
        assertThat(tables.table5()).hasSize(5);
    }

    @Test
    void everyCategoryIsInTables2And4AndCodesRoundTrip() {
        for (HazardCategory c : HazardCategory.values()) {
            assertThat(tables.table2()).containsKey(c);
            assertThat(tables.table4()).containsKey(c);
            assertThat(HazardCategory.fromCode(c.code())).isEqualTo(c);
        }
        assertThat(HazardCategory.fromCode("w5_3")).isEqualTo(HazardCategory.W5_3);
    }

    @Test
    void uncertainValuesAreMarkedInNotes() {
        assertThat(tables.table1().stream().filter(c -> c.note().startsWith("uncertain"))).isNotEmpty();
        assertThat(tables.table4().get(HazardCategory.W5_1).note()).startsWith("uncertain");
    }
}
