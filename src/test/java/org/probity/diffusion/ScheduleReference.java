package org.probity.diffusion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A 60-digit reference dataset of a named schedule: {@code schedules/NAME-T.tsv} under this package's
 * test resources, made by {@code make_reference.py} beside it (the recipe is in its docstring). Each
 * row is a timestep t and the reference value of every column at t.
 */
public record ScheduleReference(String name, int steps, List<String> columns, List<Row> rows) {
    /** One timestep's reference values, in column order. */
    public record Row(int t, List<BigDecimal> values) {
        /** The reference value of {@code column}; null stands for \( -\infty \). */
        public BigDecimal value(List<String> columns, String column) {
            return values.get(columns.indexOf(column));
        }
    }

    /**
     * The error of {@code actual} in ulps of the reference rounded to double (fractional; 0.5 at most
     * for a correctly rounded result; infinite when exactly one of them is \( -\infty \)).
     */
    public static double ulpError(double actual, BigDecimal exact) {
        if (exact == null || Double.isInfinite(actual) || Double.isNaN(actual)) {
            return exact == null && actual == Double.NEGATIVE_INFINITY ? 0 : Double.POSITIVE_INFINITY;
        }
        double rounded = exact.doubleValue(); // correctly rounded
        return new BigDecimal(actual).subtract(exact).abs()
            .divide(new BigDecimal(Math.ulp(rounded)), MathContext.DECIMAL64).doubleValue();
    }

    /** The lengths of the datasets (PROTOCOL.md: T ∈ {1, 2, 20, 50, 1000, 4000, 100000} where defined). */
    public static final int[] LENGTHS = {1, 2, 20, 50, 1000, 4000, 100000};

    /** Every dataset's (name, T), in table order. */
    public static List<Object[]> datasets() {
        List<Object[]> out = new ArrayList<>();
        for (NamedSchedule n : NamedSchedule.values()) {
            for (int steps : LENGTHS) {
                if (n.isDefinedFor(steps)) {
                    out.add(new Object[] {n.wireName(), steps});
                }
            }
        }
        return out;
    }

    /** Reads the dataset of {@code name} at {@code steps}. */
    public static ScheduleReference load(String name, int steps) {
        String file = "schedules/" + name + "-" + steps + ".tsv";
        try (InputStream in = ScheduleReference.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + file + " (run make_reference.py)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> columns = null;
            List<Row> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (columns == null) {
                    columns = List.of(Arrays.copyOfRange(f, 1, f.length));
                    continue;
                }
                List<BigDecimal> v = new ArrayList<>();
                for (int i = 1; i < f.length; i++) {
                    v.add(f[i].equals("-inf") ? null : new BigDecimal(f[i]));
                }
                rows.add(new Row(Integer.parseInt(f[0]), v));
            }
            return new ScheduleReference(name, steps, columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
