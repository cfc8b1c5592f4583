package org.chempark.asset.internal;

import java.util.Set;
import java.util.regex.Pattern;

/** Check-digit validation of the identifiers the asset model stores. */
final class Identifiers {
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final Pattern CAS = Pattern.compile("([0-9]{2,7})-([0-9]{2})-([0-9])");

    /** GB 18218-2018 Table 2 categories (health J, physical W). */
    static final Set<String> HAZARD_CATEGORIES = Set.of("J1", "J2", "J3", "J4", "J5", "W1.1", "W1.2", "W1.3", "W2", "W3",
            "W4", "W5.1", "W5.2", "W5.3", "W5.4", "W6.1", "W6.2", "W7.1", "W7.2", "W8", "W9.1", "W9.2", "W10", "W11");

    private Identifiers() {
    }

    /**
     * 统一社会信用代码 per GB 32100-2015: 18 characters from the 31-character set, the last a
     * check character over the first 17 (weights 3^i mod 31).
     */
    static boolean isCreditCode(String s) {
        if (s == null || !USCC.matcher(s).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(s.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return s.charAt(17) == USCC_CHARS.charAt(check);
    }

    /** CAS registry number: the check digit is the weighted sum of the other digits (weights 1, 2, 3 … from the right) mod 10. */
    static boolean isCas(String s) {
        if (s == null) {
            return false;
        }
        var m = CAS.matcher(s);
        if (!m.matches()) {
            return false;
        }
        String digits = m.group(1) + m.group(2);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(digits.length() - 1 - i) - '0') * (i + 1);
        }
        return sum % 10 == m.group(3).charAt(0) - '0';
    }
}
