package org.probity.math;

import java.util.Locale;
import org.hipparchus.dfp.Dfp;

/**
 * Accumulates ulp errors of one dataset against high-precision references: count, maximum, RMS and
 * the worst case, printed by {@link #toString()} so every accuracy test reports what it measured.
 */
public final class UlpStats {
    private final String dataset;
    private final ErrorTally tally = new ErrorTally();

    private UlpStats(String dataset) {
        this.dataset = dataset;
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
        tally.add(raw == 0 ? 0 : raw / (kappa > 1 ? kappa : 1),
            () -> String.format(Locale.ROOT, "%s -> %s, exact %s", input, actual, HighPrecision.toDouble(exact)));
        return this;
    }

    public double max() {
        return tally.max();
    }

    public double rms() {
        return tally.rms();
    }

    public int count() {
        return tally.count();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-40s n=%6d  max=%7.3f ulps  rms=%7.3f ulps  worst: %s",
            dataset, count(), max(), rms(), tally.worst());
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

    /** Prints the report line and returns it (for assertion messages). */
    public String print() {
        String s = toString();
        System.out.println("[accuracy] " + s);
        return s;
    }
}
