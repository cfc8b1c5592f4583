package org.chempark.hazard.grading.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal RFC 4180-style CSV reader for the shipped tables: UTF-8, first non-comment line is the header, lines
 * starting with {@code #} are comments, fields may be double-quoted (a doubled quote inside is one quote).
 */
public final class Csv {
    private Csv() {
    }

    /** One data row with its 1-based line number in the file, fields looked up by header name. */
    public record Row(String resource, int line, Map<String, String> fields) {
        public String get(String column) {
            String v = fields.get(column);
            if (v == null) {
                throw new IllegalStateException(resource + " line " + line + ": missing column '" + column + "'");
            }
            return v.trim();
        }

        public IllegalStateException error(String message) {
            return new IllegalStateException(resource + " line " + line + ": " + message);
        }
    }

    public static List<Row> read(Class<?> anchor, String resource) {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("table resource not found: " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Row> rows = new ArrayList<>();
            List<String> header = null;
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (no == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = split(line, resource, no);
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (cells.size() != header.size()) {
                    throw new IllegalStateException(resource + " line " + no + ": expected " + header.size()
                            + " fields, found " + cells.size());
                }
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i).trim(), cells.get(i));
                }
                rows.add(new Row(resource, no, Map.copyOf(m)));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static List<String> split(String line, String resource, int no) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalStateException(resource + " line " + no + ": unterminated quote");
        }
        out.add(cur.toString());
        return out;
    }
}
