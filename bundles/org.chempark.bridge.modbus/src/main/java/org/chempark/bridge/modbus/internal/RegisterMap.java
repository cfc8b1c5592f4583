package org.chempark.bridge.modbus.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chempark.bridge.modbus.internal.PointDef.DataType;
import org.chempark.bridge.modbus.internal.PointDef.Function;
import org.chempark.bridge.modbus.internal.PointDef.WordOrder;

/**
 * Parses a register map declared as text, one point a line:
 *
 * <pre>
 * # pointCode;function;address;type;wordOrder;scale;offset
 * E01-GT-1101;holding;0;float32;ABCD;1;0
 * E01-PT-1101;input;10;int16;;0.01;0
 * </pre>
 *
 * function is {@code holding} or {@code input}; address is the 0-based protocol address
 * (0..65535); type is {@code int16|uint16|int32|uint32|float32}; wordOrder
 * {@code ABCD|CDAB|BADC|DCBA} (empty = ABCD; ignored for 16-bit types); scale (empty = 1) and
 * offset (empty = 0) give {@code value = raw * scale + offset}. Blank lines and lines starting
 * with {@code #} are ignored. Every problem is reported with its line number, all at once.
 */
public final class RegisterMap {
    public static final String FORMAT = "pointCode;function(holding|input);address;type(int16|uint16|int32|uint32|float32);"
            + "wordOrder(ABCD|CDAB|BADC|DCBA);scale;offset";

    private RegisterMap() {
    }

    /** Parses lines given as separate values (a multi-valued configuration property) or as one text. */
    public static List<PointDef> parse(String... texts) throws RegisterMapException {
        List<String> lines = new ArrayList<>();
        if (texts != null) {
            for (String t : texts) {
                if (t != null) {
                    for (String l : t.split("\\r?\\n|\\r")) {
                        lines.add(l);
                    }
                }
            }
        }
        List<PointDef> points = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(";", -1);
            if (f.length < 4 || f.length > 7) {
                problems.add("line " + lineNo + ": expected 4 to 7 fields separated by ';' (" + FORMAT + "), found " + f.length);
                continue;
            }
            int before = problems.size();
            String code = f[0].strip();
            if (code.isEmpty()) {
                problems.add("line " + lineNo + ": pointCode is empty");
            } else if (seen.containsKey(code)) {
                problems.add("line " + lineNo + ": point " + code + " is already mapped on line " + seen.get(code));
            }
            Function function = null;
            switch (f[1].strip().toLowerCase(Locale.ROOT)) {
            case "holding", "hr", "3" -> function = Function.HOLDING;
            case "input", "ir", "4" -> function = Function.INPUT;
            default -> problems.add("line " + lineNo + ": function '" + f[1].strip() + "' must be holding or input");
            }
            int address = -1;
            try {
                address = Integer.parseInt(f[2].strip());
                if (address < 0 || address > 65535) {
                    problems.add("line " + lineNo + ": address " + address + " must be between 0 and 65535");
                }
            } catch (NumberFormatException e) {
                problems.add("line " + lineNo + ": address '" + f[2].strip() + "' is not a whole number (0-based protocol address)");
            }
            DataType type = null;
            try {
                type = DataType.valueOf(f[3].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("line " + lineNo + ": type '" + f[3].strip() + "' must be one of int16, uint16, int32, uint32, float32");
            }
            WordOrder order = WordOrder.ABCD;
            String wo = f.length > 4 ? f[4].strip() : "";
            if (!wo.isEmpty()) {
                try {
                    order = WordOrder.valueOf(wo.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + lineNo + ": wordOrder '" + wo + "' must be ABCD, CDAB, BADC or DCBA");
                }
            }
            double scale = number(f, 5, 1.0, "scale", lineNo, problems);
            double offset = number(f, 6, 0.0, "offset", lineNo, problems);
            if (scale == 0.0) {
                problems.add("line " + lineNo + ": scale must not be 0");
            }
            if (type != null && address >= 0 && address + type.words > 65536) {
                problems.add("line " + lineNo + ": a " + type.name().toLowerCase(Locale.ROOT) + " at address " + address
                        + " runs past the last register 65535");
            }
            if (problems.size() == before) {
                seen.put(code, lineNo);
                points.add(new PointDef(code, function, address, type, order, scale, offset, lineNo));
            }
        }
        if (!problems.isEmpty()) {
            throw new RegisterMapException(problems);
        }
        if (points.isEmpty()) {
            throw new RegisterMapException(List.of("the register map has no points (one line per point: " + FORMAT + ")"));
        }
        return points;
    }

    private static double number(String[] f, int i, double dflt, String name, int lineNo, List<String> problems) {
        String s = f.length > i ? f[i].strip() : "";
        if (s.isEmpty()) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                problems.add("line " + lineNo + ": " + name + " '" + s + "' must be a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add("line " + lineNo + ": " + name + " '" + s + "' is not a number");
            return dflt;
        }
    }

    /** Renders points back into the text format (one line each). */
    public static String format(List<PointDef> points) {
        StringBuilder sb = new StringBuilder();
        for (PointDef p : points) {
            sb.append(p.code()).append(';').append(p.function().name().toLowerCase(Locale.ROOT)).append(';').append(p.address())
                    .append(';').append(p.type().name().toLowerCase(Locale.ROOT)).append(';').append(p.wordOrder()).append(';')
                    .append(num(p.scale())).append(';').append(num(p.offset())).append('\n');
        }
        return sb.toString();
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
