package org.chempark.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.chempark.sdk.export.Xlsx;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.Sensitive;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SensitiveAndXlsxTest {

    @Test
    void idCardCheckCharacterFollowsGb11643() {
        // the standard's own example number
        assertThat(Sensitive.isValidIdCard("11010519491231002X")).isTrue();
        assertThat(Sensitive.isValidIdCard("11010519491231002x")).isTrue();
        assertThat(Sensitive.isValidIdCard("110105194912310021")).isFalse(); // wrong check character
        assertThat(Sensitive.isValidIdCard("11010519491331002X")).isFalse(); // month 13
        assertThat(Sensitive.isValidIdCard("1101051949123100")).isFalse();
        assertThat(Sensitive.isValidIdCard(null)).isFalse();
    }

    @Test
    void masksUnlessTheCallerMayReadSensitiveData() throws Exception {
        assertThat(Sensitive.maskMobile("13812345678")).isEqualTo("138****5678");
        assertThat(Sensitive.maskIdCard("11010519491231002X")).isEqualTo("110***********002X");
        assertThat(Sensitive.isValidMobile("13812345678")).isTrue();
        assertThat(Sensitive.isValidMobile("12812345678")).isFalse();

        Subject plain = new Subject(5, "u", 1, OrganisationType.PARK, null, Set.of(), Set.of("r"), Set.of("*:read"), null);
        Subject allowed = new Subject(6, "v", 1, OrganisationType.PARK, null, Set.of(), Set.of("r"),
                Set.of(Sensitive.PERMISSION), null);
        assertThat(SubjectHolder.runAs(plain, () -> Sensitive.mobile("13812345678"))).isEqualTo("138****5678");
        assertThat(SubjectHolder.runAs(allowed, () -> Sensitive.mobile("13812345678"))).isEqualTo("13812345678");
        assertThat(Sensitive.idCard("11010519491231002X")).isEqualTo("110***********002X"); // nobody: masked
    }

    @Test
    void xlsxIsAWellFormedWorkbook() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Xlsx x = new Xlsx(out)) {
            x.sheet("报警 Alarms: a/b", List.of("点位 Point", "值 Value"));
            x.row("E01-LT-101 <&>", 3.25);
            x.row(null, 7);
            x.sheet("second", List.of("x"));
        }
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries).containsKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        for (byte[] xml : entries.values()) {
            f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)); // throws if not well formed
        }
        Document sheet = f.newDocumentBuilder().parse(new ByteArrayInputStream(entries.get("xl/worksheets/sheet1.xml")));
        assertThat(sheet.getElementsByTagName("row").getLength()).isEqualTo(3);
        assertThat(sheet.getDocumentElement().getTextContent()).contains("E01-LT-101 <&>", "3.25", "点位 Point");
        assertThat(new String(entries.get("xl/workbook.xml"), "UTF-8")).contains("name=\"报警 Alarms  a b\"");
    }
}
