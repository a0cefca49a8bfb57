package org.probity.check.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a statistic's counts as a text histogram for reports, most frequent value first. */
public final class Histogram {
    private static final int BAR = 30;

    private Histogram() {
    }

    /**
     * @param statistic the statistic's name
     * @param counts how many tries reported each value
     * @param tries how many tries the percentages are of
     * @return one header line and one line per value, indented for a report
     */
    public static String render(String statistic, Map<String, Integer> counts, int tries) {
        List<Map.Entry<String, Integer>> rows = new ArrayList<>(counts.entrySet());
        rows.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        int width = 0;
        int top = 1;
        for (Map.Entry<String, Integer> e : rows) {
            width = Math.max(width, e.getKey().length());
            top = Math.max(top, e.getValue());
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  statistic '%s' (%d tries):", statistic, tries));
        for (Map.Entry<String, Integer> e : rows) {
            int n = e.getValue();
            double pct = tries == 0 ? 0 : 100.0 * n / tries;
            b.append(String.format(Locale.ROOT, "%n    %-" + width + "s %6.2f%% %6d %s", e.getKey(), pct, n,
                "#".repeat(Math.max(1, (int) Math.round((double) BAR * n / top)))));
        }
        return b.toString();
    }
}
