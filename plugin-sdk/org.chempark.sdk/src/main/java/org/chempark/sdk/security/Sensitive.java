package org.chempark.sdk.security;

/**
 * Personal data shown masked unless the caller holds {@link #PERMISSION} (等保 2.0 level 3,
 * personal information protection): mobile numbers and 身份证号 (resident ID card numbers).
 * Use it wherever a module returns such a field.
 */
public final class Sensitive {
    /** Lets a role see mobile numbers and ID-card numbers unmasked. */
    public static final String PERMISSION = "security:sensitive-read";

    private Sensitive() {
    }

    /** The value as the current caller may see it: unmasked with {@link #PERMISSION}, masked otherwise. */
    public static String mobile(String mobile) {
        return mayReadUnmasked() ? mobile : maskMobile(mobile);
    }

    /** The value as the current caller may see it: unmasked with {@link #PERMISSION}, masked otherwise. */
    public static String idCard(String idCard) {
        return mayReadUnmasked() ? idCard : maskIdCard(idCard);
    }

    private static boolean mayReadUnmasked() {
        return SubjectHolder.get().map(s -> s.hasPermission(PERMISSION)).orElse(false);
    }

    /** {@code 13812345678} → {@code 138****5678}; other lengths keep only the last 2 characters visible. */
    public static String maskMobile(String mobile) {
        if (mobile == null || mobile.isEmpty()) {
            return mobile;
        }
        if (mobile.length() == 11) {
            return mobile.substring(0, 3) + "****" + mobile.substring(7);
        }
        return stars(mobile.length() - 2) + mobile.substring(Math.max(0, mobile.length() - 2));
    }

    /** {@code 110105194912310021} → {@code 110***********0021}: region prefix and last 4 visible. */
    public static String maskIdCard(String idCard) {
        if (idCard == null || idCard.length() < 8) {
            return idCard == null ? null : stars(idCard.length());
        }
        return idCard.substring(0, 3) + stars(idCard.length() - 7) + idCard.substring(idCard.length() - 4);
    }

    /**
     * Whether a 18-character 身份证号 (GB 11643-1999) is well formed: 17 digits, a valid date of
     * birth (positions 7–14), and the ISO 7064 MOD 11-2 check character (0–9 or X).
     */
    public static boolean isValidIdCard(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * weights[i];
        }
        try {
            java.time.LocalDate.parse(id.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
        char expected = "10X98765432".charAt(sum % 11);
        return Character.toUpperCase(id.charAt(17)) == expected;
    }

    /** Whether a mainland mobile number is well formed: 11 digits starting with 1[3-9]. */
    public static boolean isValidMobile(String mobile) {
        return mobile != null && mobile.matches("1[3-9]\\d{9}");
    }

    private static String stars(int n) {
        return "*".repeat(Math.max(0, n));
    }
}
