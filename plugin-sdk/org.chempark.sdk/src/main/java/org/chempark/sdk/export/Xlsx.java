package org.chempark.sdk.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an Office Open XML workbook (.xlsx, one or more sheets) with text and numbers, streaming
 * rows, no dependency. Opens in Excel, WPS and LibreOffice. The first row of each sheet is bold
 * (headers). Use for every "export to Excel" so all modules' exports look the same.
 *
 * <pre>
 * try (Xlsx x = new Xlsx(out)) {
 *     x.sheet("报警 Alarms", List.of("点位 Point", "值 Value"));
 *     x.row("E01-LT-101", 3.2);
 * }
 * </pre>
 */
public final class Xlsx implements AutoCloseable {
    /** Media type of .xlsx files. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ZipOutputStream zip;
    private final Writer w;
    private final List<String> sheets = new ArrayList<>();
    private int rowNumber;
    private boolean inSheet;

    public Xlsx(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    }

    /** Starts a new sheet (names are cut to Excel's 31 characters) and writes its header row in bold. */
    public Xlsx sheet(String name, List<String> headers) throws IOException {
        endSheet();
        String clean = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
        sheets.add(clean.length() > 31 ? clean.substring(0, 31) : clean);
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheets.size() + ".xml"));
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        inSheet = true;
        rowNumber = 0;
        writeRow(1, headers.toArray());
        return this;
    }

    /** Appends a row: numbers as numbers, null as an empty cell, anything else as text. */
    public Xlsx row(Object... cells) throws IOException {
        if (!inSheet) {
            throw new IllegalStateException("call sheet(...) first");
        }
        writeRow(0, cells);
        return this;
    }

    private void writeRow(int style, Object[] cells) throws IOException {
        rowNumber++;
        w.write("<row r=\"" + rowNumber + "\">");
        for (int i = 0; i < cells.length; i++) {
            Object v = cells[i];
            if (v == null) {
                continue;
            }
            String ref = column(i) + rowNumber;
            String s = style == 0 ? "" : " s=\"" + style + "\"";
            if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                w.write("<c r=\"" + ref + "\"" + s + "><v>" + n + "</v></c>");
            } else {
                String text = v instanceof TemporalAccessor ? v.toString() : String.valueOf(v);
                w.write("<c r=\"" + ref + "\"" + s + " t=\"inlineStr\"><is><t xml:space=\"preserve\">" + escape(text)
                        + "</t></is></c>");
            }
        }
        w.write("</row>");
    }

    static String column(int index) {
        StringBuilder sb = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            sb.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    // characters XML 1.0 cannot carry are dropped
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private void endSheet() throws IOException {
        if (inSheet) {
            w.write("</sheetData></worksheet>");
            w.flush();
            zip.closeEntry();
            inSheet = false;
        }
    }

    private void entry(String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        w.write(xml);
        w.flush();
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        if (sheets.isEmpty()) {
            sheet("Sheet1", List.of());
        }
        endSheet();
        StringBuilder types = new StringBuilder("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        StringBuilder book = new StringBuilder("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
        StringBuilder rels = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 1; i <= sheets.size(); i++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            book.append("<sheet name=\"").append(escape(sheets.get(i - 1))).append("\" sheetId=\"").append(i)
                    .append("\" r:id=\"rId").append(i).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(i)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(i).append(".xml\"/>");
        }
        rels.append("<Relationship Id=\"rId").append(sheets.size() + 1)
                .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        entry("[Content_Types].xml", types.append("</Types>").toString());
        entry("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        entry("xl/workbook.xml", book.append("</sheets></workbook>").toString());
        entry("xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
        entry("xl/styles.xml", "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
                + "</styleSheet>");
        w.flush();
        zip.finish();
        zip.close();
    }
}
