package org.chempark.emergency.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chemical property table keyed by CAS number, loaded from the CSV resource
 * {@code org/chempark/emergency/model/chemicals.csv} shipped in this bundle (see the file header for
 * units and the {@code *_src} columns for the reference of every value group). Immutable and thread-safe.
 */
public final class ChemicalProperties {

    /** Classpath location of the shipped table. */
    public static final String RESOURCE = "/org/chempark/emergency/model/chemicals.csv";

    private static volatile ChemicalProperties defaults;

    private final Map<String, Chemical> byCas;

    private ChemicalProperties(Map<String, Chemical> byCas) {
        this.byCas = byCas;
    }

    /**
     * The shipped table (loaded once).
     *
     * @return the table
     */
    public static ChemicalProperties defaults() {
        ChemicalProperties d = defaults;
        if (d == null) {
            synchronized (ChemicalProperties.class) {
                d = defaults;
                if (d == null) {
                    try (InputStream in = ChemicalProperties.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("resource missing: " + RESOURCE);
                        }
                        d = fromCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    defaults = d;
                }
            }
        }
        return d;
    }

    /**
     * Parses a table in the format of the shipped CSV (same header; '#' comment lines; RFC 4180 quoting).
     *
     * @param reader CSV text
     * @return the table
     * @throws IllegalArgumentException on a malformed row (message names line and column)
     */
    public static ChemicalProperties fromCsv(Reader reader) {
        Map<String, Chemical> map = new LinkedHashMap<>();
        try (BufferedReader br = new BufferedReader(reader)) {
            String line;
            Map<String, Integer> header = null;
            int lineNo = 0;
            while ((line = br.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> f = split(line);
                if (header == null) {
                    header = new HashMap<>();
                    for (int i = 0; i < f.size(); i++) {
                        header.put(f.get(i).trim(), i);
                    }
                    continue;
                }
                if (f.size() != header.size()) {
                    throw new IllegalArgumentException("chemicals.csv line " + lineNo + ": " + f.size()
                            + " fields, header has " + header.size());
                }
                Chemical c = parse(f, header, lineNo);
                if (map.put(c.cas(), c) != null) {
                    throw new IllegalArgumentException("chemicals.csv line " + lineNo + ": duplicate CAS " + c.cas());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChemicalProperties(Map.copyOf(map));
    }

    /**
     * Looks up a chemical.
     *
     * @param cas CAS number, e.g. {@code "7782-50-5"} (surrounding blanks ignored)
     * @return the chemical
     * @throws UnknownChemicalException if the CAS number is not in the table (or null)
     */
    public Chemical get(String cas) {
        Chemical c = cas == null ? null : byCas.get(cas.trim());
        if (c == null) {
            throw new UnknownChemicalException(cas);
        }
        return c;
    }

    /**
     * @param cas CAS number
     * @return the chemical, or empty if not in the table
     */
    public Optional<Chemical> find(String cas) {
        return cas == null ? Optional.empty() : Optional.ofNullable(byCas.get(cas.trim()));
    }

    /** @return all chemicals of the table (unordered, immutable) */
    public Collection<Chemical> all() {
        return byCas.values();
    }

    private static Chemical parse(List<String> f, Map<String, Integer> h, int lineNo) {
        String cas = text(f, h, "cas");
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("chemicals.csv line " + lineNo + ": empty cas");
        }
        AntoineCoefficients ant = null;
        double a = num(f, h, "antoine_A", lineNo);
        if (!Double.isNaN(a)) {
            ant = new AntoineCoefficients(a, num(f, h, "antoine_B", lineNo), num(f, h, "antoine_C", lineNo),
                    num(f, h, "antoine_tmin_C", lineNo), num(f, h, "antoine_tmax_C", lineNo));
        }
        Map<String, String> src = new HashMap<>();
        for (String k : new String[] {"phys", "thermo", "flam", "tox", "antoine"}) {
            String v = text(f, h, k + "_src");
            if (!v.isEmpty()) {
                src.put(k, v);
            }
        }
        return new Chemical(cas, text(f, h, "name"), text(f, h, "name_zh"), text(f, h, "formula"),
                num(f, h, "molar_mass_g_mol", lineNo), num(f, h, "boiling_point_K", lineNo),
                num(f, h, "liquid_density_kg_m3", lineNo), text(f, h, "density_basis"),
                num(f, h, "heat_of_combustion_kJ_kg", lineNo) * 1000,
                num(f, h, "heat_of_vaporisation_kJ_kg", lineNo) * 1000,
                num(f, h, "liquid_cp_kJ_kgK", lineNo) * 1000,
                num(f, h, "lel_vol_pct", lineNo), num(f, h, "uel_vol_pct", lineNo),
                num(f, h, "idlh_ppm", lineNo), num(f, h, "idlh_mg_m3", lineNo),
                num(f, h, "erpg2_ppm", lineNo), num(f, h, "aegl2_60min_ppm", lineNo), ant,
                Boolean.parseBoolean(text(f, h, "flammable")), Boolean.parseBoolean(text(f, h, "representative")),
                src, text(f, h, "notes"));
    }

    private static String text(List<String> f, Map<String, Integer> h, String col) {
        Integer i = h.get(col);
        if (i == null) {
            throw new IllegalArgumentException("chemicals.csv: missing column " + col);
        }
        return f.get(i).trim();
    }

    private static double num(List<String> f, Map<String, Integer> h, String col, int lineNo) {
        String s = text(f, h, col);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chemicals.csv line " + lineNo + " column " + col + ": not a number: " + s,
                    e);
        }
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        sb.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    sb.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(ch);
            }
        }
        out.add(sb.toString());
        return out;
    }
}
