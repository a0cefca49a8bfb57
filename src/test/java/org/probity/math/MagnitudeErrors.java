package org.probity.math;

import java.util.Locale;
import org.hipparchus.dfp.Dfp;

/**
 * Accumulates the errors of one dataset against {@value HighPrecision#DIGITS}-digit references in
 * units of \( u \cdot M \): the absolute error divided by the unit roundoff times a magnitude M that
 * the case supplies (for a sum, the sum of the magnitudes of its terms, so that a backward-stable
 * summation errs by a few units whatever the cancellation). The companion of {@link UlpStats}, which
 * measures in ulps of the result.
 */
public final class MagnitudeErrors extends ErrorStats {
    private MagnitudeErrors(String dataset) {
        super(dataset, "u M");
    }

    /** An empty accumulator for the named dataset. */
    public static MagnitudeErrors of(String dataset) {
        return new MagnitudeErrors(dataset);
    }

    /**
     * \( |actual - exact| / (u \cdot magnitude) \), the difference taken in
     * {@value HighPrecision#DIGITS} digits (NaN counts as +∞).
     */
    public static double error(double actual, Dfp exact, double magnitude) {
        double e = HighPrecision.of(actual).subtract(exact).abs().toDouble() / (Tolerance.UNIT_ROUNDOFF * magnitude);
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    }

    /** Records one case ({@code input} describes it for the report) and returns its {@link #error}. */
    public double add(String input, double actual, Dfp exact, double magnitude) {
        return record(error(actual, exact, magnitude), () -> String.format(Locale.ROOT, "%s -> %s, exact %s, M %s",
            input, actual, HighPrecision.toDouble(exact), magnitude));
    }
}
