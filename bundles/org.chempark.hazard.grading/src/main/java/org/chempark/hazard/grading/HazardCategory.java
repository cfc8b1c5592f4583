package org.chempark.hazard.grading;

import java.util.Locale;

/**
 * Hazard categories of GB 18218-2018 Table 2 / Table 4 (classification per the GB 30000 series):
 * J1–J5 health hazards (acute toxicity), W1.1–W11 physical hazards.
 */
public enum HazardCategory {
    J1("J1"), J2("J2"), J3("J3"), J4("J4"), J5("J5"),
    W1_1("W1.1"), W1_2("W1.2"), W1_3("W1.3"),
    W2("W2"), W3("W3"), W4("W4"),
    W5_1("W5.1"), W5_2("W5.2"), W5_3("W5.3"), W5_4("W5.4"),
    W6_1("W6.1"), W6_2("W6.2"),
    W7_1("W7.1"), W7_2("W7.2"),
    W8("W8"),
    W9_1("W9.1"), W9_2("W9.2"),
    W10("W10"), W11("W11");

    private final String code;

    HazardCategory(String code) {
        this.code = code;
    }

    /** The code as printed in the standard, e.g. {@code W5.3}. */
    public String code() {
        return code;
    }

    /** True for the health-hazard (acute toxicity) categories J1–J5. */
    public boolean isHealthHazard() {
        return code.startsWith("J");
    }

    /**
     * Parses a code as printed in the standard ({@code "W5.3"}, case-insensitive; {@code "W5_3"} also accepted).
     *
     * @throws InvalidHazardInputException for an unknown code
     */
    public static HazardCategory fromCode(String code) {
        if (code != null) {
            String c = code.trim().toUpperCase(Locale.ROOT).replace('_', '.');
            for (HazardCategory h : values()) {
                if (h.code.equals(c)) {
                    return h;
                }
            }
        }
        throw new InvalidHazardInputException("hazardCategory", code,
                "one of J1, J2, J3, J4, J5, W1.1, W1.2, W1.3, W2, W3, W4, W5.1, W5.2, W5.3, W5.4, W6.1, W6.2, "
                        + "W7.1, W7.2, W8, W9.1, W9.2, W10, W11 (GB 18218-2018 Table 2)");
    }

    @Override
    public String toString() {
        return code;
    }
}
