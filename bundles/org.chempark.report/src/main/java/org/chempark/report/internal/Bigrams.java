package org.chempark.report.internal;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Character bigrams for fuzzy search over Chinese (and mixed) text. Chinese has no spaces
 * between words, so word-based full-text search and pg_trgm (which splits on non-alphanumeric
 * characters and needs a locale that classifies CJK as letters) do not fit; two-character
 * windows are the usual n-gram unit for Chinese. Text is normalised first: NFKC (full-width
 * 'ＡＢＣ１２' becomes 'abc12'), lower case, and only letters and digits kept.
 */
final class Bigrams {
    private Bigrams() {
    }

    /** NFKC, lower case, letters and digits only. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Distinct bigrams of the normalised text; a one-character text is its own gram. */
    static Set<String> of(String text) {
        String n = normalize(text);
        Set<String> grams = new LinkedHashSet<>();
        int[] cps = n.codePoints().toArray();
        if (cps.length == 1) {
            grams.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }

    /** How many of the query's grams a record must share to match fuzzily (at least one). */
    static int required(int queryGrams, double threshold) {
        return Math.max(1, (int) Math.ceil(queryGrams * threshold - 1e-9));
    }
}
