package org.probity.math;

import java.util.Locale;
import org.hipparchus.dfp.Dfp;

/**
 * Accumulates ulp errors of one dataset against high-precision references: count, maximum, RMS and
 * the worst case, printed by {@link #toString()} so every accuracy test reports what it measured.
 */
public final class UlpStats extends ErrorStats {
    private UlpStats(String dataset) {
        super(dataset, "ulps");
    }

    /** An empty accumulator for the named dataset. */
    public static UlpStats of(String dataset) {
        return new UlpStats(dataset);
    }

    /** Records one case; {@code input} describes it for the report. */
    public UlpStats add(String input, double actual, Dfp exact) {
        return addConditioned(input, actual, exact, 1);
    }

    /**
     * Records the error divided by the condition number {@code kappa} of the problem (values below 1
     * count as 1): the error a backward-stable method would make is at most a few such ulps.
     */
    public UlpStats addConditioned(String input, double actual, Dfp exact, double kappa) {
        double raw = HighPrecision.ulpError(actual, exact);
        record(raw == 0 ? 0 : raw / (kappa > 1 ? kappa : 1),
            () -> String.format(Locale.ROOT, "%s -> %s, exact %s", input, actual, HighPrecision.toDouble(exact)));
        return this;
    }

    /**
     * Prints the report line, then asserts the dataset's two budgets (STYLE.md practice 1): the
     * largest error within {@code maxUlps} and the root-mean-square error within {@code rmsUlps},
     * with the report line as the failure message. The max bounds the worst case; the RMS catches a
     * method that drifts towards its worst case everywhere (correct rounding gives an RMS of about
     * 0.29 ulps).
     */
    public void assertWithin(double maxUlps, double rmsUlps) {
        String line = print();
        org.assertj.core.api.Assertions.assertThat(max()).as("max of " + line).isLessThanOrEqualTo(maxUlps);
        org.assertj.core.api.Assertions.assertThat(rms()).as("RMS of " + line).isLessThanOrEqualTo(rmsUlps);
    }

    /**
     * The max budget alone.
     *
     * @deprecated a dataset states two budgets (STYLE.md practice 1): use {@link #assertWithin}
     */
    @Deprecated
    public void assertMaxAtMost(double maxUlps) {
        assertWithin(maxUlps, Double.POSITIVE_INFINITY);
    }
}
