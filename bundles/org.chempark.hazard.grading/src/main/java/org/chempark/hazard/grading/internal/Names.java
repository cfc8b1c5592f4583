package org.chempark.hazard.grading.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalisation of chemical names and CAS numbers for look-up. */
public final class Names {
    private static final Pattern CAS = Pattern.compile("\\d{2,7}-\\d{2}-\\d");

    private Names() {
    }

    /** NFKC (full-width → ASCII punctuation), no whitespace, lower case. */
    public static String key(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return n.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    public static boolean looksLikeCas(String s) {
        return s != null && CAS.matcher(Normalizer.normalize(s.trim(), Normalizer.Form.NFKC)).matches();
    }

    public static String cas(String s) {
        return Normalizer.normalize(s.trim(), Normalizer.Form.NFKC);
    }
}
