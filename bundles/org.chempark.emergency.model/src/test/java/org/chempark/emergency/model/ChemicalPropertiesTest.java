package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.StringReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChemicalPropertiesTest {

    private static final ChemicalProperties TABLE = ChemicalProperties.defaults();

    private static final String[] REQUIRED = {"74-82-8", "74-84-0", "74-98-6", "106-97-8", "74-85-1", "115-07-1",
        "1333-74-0", "7664-41-7", "7782-50-5", "7783-06-4", "7647-01-0", "630-08-0", "71-43-2", "108-88-3",
        "1330-20-7", "100-42-5", "67-56-1", "64-17-5", "67-64-1", "141-78-6", "107-13-1", "75-01-4", "75-21-8",
        "75-56-9", "50-00-0", "75-44-5", "74-90-8", "7446-09-5", "68476-85-7", "86290-81-5", "68476-34-6",
        "106-99-0", "110-82-7", "110-54-3", "106-89-8", "64-19-7", "7697-37-2", "7664-93-9"};

    @Test
    void allRequiredChemicalsArePresentWithSources() {
        for (String cas : REQUIRED) {
            Chemical c = TABLE.get(cas);
            assertThat(c.molarMass()).as(cas).isPositive();
            assertThat(c.boilingPoint()).as(cas).isPositive();
            assertThat(c.sources()).as(cas).containsKey("phys");
            assertThat(c.name()).as(cas).isNotBlank();
            assertThat(c.nameZh()).as(cas).isNotBlank();
        }
        assertThat(TABLE.all()).hasSize(REQUIRED.length);
    }

    @Test
    void unknownCasIsAClearError() {
        assertThatThrownBy(() -> TABLE.get("0000-00-0")).isInstanceOf(UnknownChemicalException.class)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("casNumber")
                .hasMessageContaining("0000-00-0");
        assertThat(TABLE.find("0000-00-0")).isEmpty();
        assertThat(TABLE.get(" 7782-50-5 ").name()).isEqualTo("chlorine");
    }

    /** Independent consistency check: molar mass from the molecular formula (IUPAC standard atomic weights), 0.1 %. */
    @Test
    void molarMassMatchesFormula() {
        Map<String, Double> w = Map.of("C", 12.011, "H", 1.008, "N", 14.007, "O", 15.999, "S", 32.06, "Cl", 35.45);
        Pattern p = Pattern.compile("([A-Z][a-z]?)(\\d*)");
        int checked = 0;
        for (Chemical c : TABLE.all()) {
            if (c.formula().isEmpty()) {
                continue;
            }
            double m = 0;
            Matcher mt = p.matcher(c.formula());
            while (mt.find()) {
                m += w.get(mt.group(1)) * (mt.group(2).isEmpty() ? 1 : Integer.parseInt(mt.group(2)));
            }
            assertThat(c.molarMass()).as(c.name()).isCloseTo(m, withinPercentage(0.1));
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
    }

    /** Independent consistency check: the Antoine equation at the normal boiling point gives 1 atm within 2 %. */
    @Test
    void antoineGivesOneAtmosphereAtNormalBoilingPoint() {
        int checked = 0;
        for (Chemical c : TABLE.all()) {
            if (c.antoine() == null) {
                continue;
            }
            assertThat(c.vapourPressure(c.boilingPoint())).as(c.name()).isCloseTo(101_325, withinPercentage(2));
            checked++;
        }
        assertThat(checked).isGreaterThan(25);
    }

    @Test
    void flammabilityDataAreConsistent() {
        for (Chemical c : TABLE.all()) {
            if (c.flammable()) {
                assertThat(c.lel()).as(c.name()).isPositive().isLessThan(c.uel());
            } else {
                assertThat(c.lel()).as(c.name()).isNaN();
                assertThat(c.heatOfCombustion()).as(c.name()).isNaN();
            }
        }
        for (String cas : new String[] {"7782-50-5", "7647-01-0", "7446-09-5", "75-44-5", "7697-37-2", "7664-93-9"}) {
            assertThat(TABLE.get(cas).flammable()).as(cas).isFalse();
        }
        // LHV of alkanes 44–51 MJ/kg
        assertThat(TABLE.get("74-82-8").heatOfCombustion()).isBetween(49e6, 51e6);
        assertThat(TABLE.get("110-54-3").heatOfCombustion()).isBetween(44e6, 45.5e6);
    }

    @Test
    void representativeMixturesAreMarked() {
        assertThat(TABLE.get("86290-81-5").representative()).isTrue();
        assertThat(TABLE.get("68476-34-6").representative()).isTrue();
        Chemical lpg = TABLE.get("68476-85-7");
        assertThat(lpg.representative()).isTrue();
        assertThat(lpg.molarMass()).isEqualTo(TABLE.get("74-98-6").molarMass());
        assertThat(TABLE.get("74-98-6").representative()).isFalse();
    }

    @Test
    void idlhConversions() {
        // chlorine IDLH 10 ppm → 10·70.906/24.465 = 28.98 mg/m³; sulfuric acid given directly as 15 mg/m³
        assertThat(TABLE.get("7782-50-5").idlhAsMgPerM3()).isCloseTo(28.98, withinPercentage(0.1));
        assertThat(TABLE.get("7664-93-9").idlhAsMgPerM3()).isEqualTo(15.0);
        assertThat(TABLE.get("74-82-8").idlhAsMgPerM3()).isNaN();
    }

    @Test
    void malformedCsvIsReported() {
        String csv = "cas,name\n1-1-1,a,extra\n";
        assertThatThrownBy(() -> ChemicalProperties.fromCsv(new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }
}
