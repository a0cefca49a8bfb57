package org.probity.math;

import java.util.function.Supplier;

/**
 * Count, maximum, root mean square and worst case of one dataset's errors, in whatever unit the
 * owner measures ({@link UlpStats}: ulps; {@link MagnitudeErrors}: u times a magnitude). NaN counts
 * as +∞.
 */
final class ErrorTally {
    private int count;
    private double max;
    private double sumSquares;
    private String worst = "none";

    /** Records {@code e}; {@code worstCase} describes the case if it is the largest so far. */
    double add(double e, Supplier<String> worstCase) {
        double x = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
        count++;
        sumSquares += x * x;
        if (!(x <= max)) {
            max = x;
            worst = worstCase.get();
        }
        return x;
    }

    double max() {
        return max;
    }

    double rms() {
        return count == 0 ? 0 : Math.sqrt(sumSquares / count);
    }

    int count() {
        return count;
    }

    String worst() {
        return worst;
    }
}
