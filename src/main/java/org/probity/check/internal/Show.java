package org.probity.check.internal;

import java.util.Arrays;

/** Renders generated values for failure reports: arrays by content, doubles in full precision. */
public final class Show {
    private Show() {
    }

    /**
     * Returns a readable rendering of {@code v}.
     *
     * @param v any value, possibly an array or null
     * @return the rendering
     */
    public static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof double[]) {
            return Arrays.toString((double[]) v);
        }
        if (v instanceof double[][]) {
            return Arrays.deepToString((double[][]) v);
        }
        if (v instanceof int[]) {
            return Arrays.toString((int[]) v);
        }
        if (v instanceof long[]) {
            return Arrays.toString((long[]) v);
        }
        if (v instanceof Object[]) {
            return Arrays.deepToString((Object[]) v);
        }
        return String.valueOf(v);
    }
}
