package org.probity.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table with aligned columns (the terminal summary of {@code probity verify}), and the
 * number formats every human-readable report shares.
 */
public final class TextTable {
    private final List<String> header;
    private final List<Boolean> rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(List<String> header, List<Boolean> rightAligned) {
        this.header = List.copyOf(header);
        this.rightAligned = List.copyOf(rightAligned);
    }

    /**
     * @param columns column headers; a header starting with {@code >} is right-aligned (the
     *                {@code >} is not printed)
     * @return an empty table
     */
    public static TextTable of(String... columns) {
        List<String> h = new ArrayList<>();
        List<Boolean> r = new ArrayList<>();
        for (String c : columns) {
            r.add(c.startsWith(">"));
            h.add(c.startsWith(">") ? c.substring(1) : c);
        }
        return new TextTable(h, r);
    }

    /**
     * @param cells one cell per column
     * @return this table
     * @throws IllegalArgumentException if the number of cells differs from the number of columns
     */
    public TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cells: expected %d, got %d", header.size(), cells.length));
        }
        rows.add(List.of(cells));
        return this;
    }

    /** @return the table, one line per row after the header and a rule, each ending in a newline */
    public String render() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, header, width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        b.append(rule).append('\n');
        for (List<String> r : rows) {
            line(b, r, width);
        }
        return b.toString();
    }

    private void line(StringBuilder b, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            l.append(i == 0 ? "" : "  ").append(rightAligned.get(i) ? pad + c : c + pad);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    /**
     * @param d a discrepancy
     * @return 3 significant digits, "-" for NaN (nothing numeric evaluated), "inf" for infinity
     */
    public static String discrepancy(double d) {
        if (Double.isNaN(d)) {
            return "-";
        }
        return number(d);
    }

    /**
     * @param x a number
     * @return 4 significant digits in scientific notation unless a short fixed form is exact enough
     */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a >= 1e-3 && a < 1e5) {
            return new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", x);
    }

    /**
     * @param d a duration
     * @return seconds with 2 decimals, for example {@code 0.42 s}
     */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
