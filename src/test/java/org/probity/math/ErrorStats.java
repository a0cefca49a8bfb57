package org.probity.math;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Count, maximum, root mean square and worst case of one dataset's errors in one unit
 * ({@link UlpStats}: ulps of the result; {@link MagnitudeErrors}: u times a magnitude), printed by
 * {@link #toString()} so that every accuracy test reports what it measured. NaN counts as +∞.
 */
public abstract class ErrorStats {
    private final String dataset;
    private final String unit;
    private int count;
    private double max;
    private double sumSquares;
    private String worst = "none";

    ErrorStats(String dataset, String unit) {
        this.dataset = dataset;
        this.unit = unit;
    }

    /** Records {@code e} and returns it (NaN as +∞); {@code worstCase} describes the case if it is the largest so far. */
    final double record(double e, Supplier<String> worstCase) {
        double x = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
        count++;
        sumSquares += x * x;
        if (!(x <= max)) {
            max = x;
            worst = worstCase.get();
        }
        return x;
    }

    public double max() {
        return max;
    }

    public double rms() {
        return count == 0 ? 0 : Math.sqrt(sumSquares / count);
    }

    public int count() {
        return count;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-40s n=%6d  max=%7.3f %s  rms=%7.3f %s  worst: %s", dataset, count, max, unit,
            rms(), unit, worst);
    }

    /** Prints the report line and returns it (for assertion messages). */
    public String print() {
        String s = toString();
        System.out.println("[accuracy] " + s);
        return s;
    }
}
