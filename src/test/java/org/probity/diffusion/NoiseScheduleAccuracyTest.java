package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probity.math.Ulps;

/**
 * Accuracy of the schedule quantities against 50-digit {@link Dfp} references recomputed from the
 * same double β array (issue 4, "Accuracy"): \( \bar\alpha_t \), \( 1-\bar\alpha_t \),
 * \( \log(1-\bar\alpha_t) \), \( \tilde\beta_t \), \( \log\tilde\beta_t \) and both posterior mean
 * coefficients must be within {@value #BUDGET_ULPS} ulps for the linear and cosine schedules at
 * T = 50, 1000, 4000 and 100000. Max and RMS ulps are printed per dataset. \( \sqrt{\bar\alpha_t} \),
 * \( \log\bar\alpha_t \), SNR and log-SNR are measured and held to the same budget.
 *
 * <p>Recipe: one pass of cumulative products \( \bar\alpha_t = \prod (1 - \beta_s) \) in 50-digit
 * {@link BigDecimal} (the β doubles converted exactly), \( 1 - \bar\alpha_t \) as a plain difference
 * (50 digits leave &gt; 40 after cancellation on these schedules), the other quantities by their
 * textbook formulas, logs by {@link DfpMath#log} at 50 digits, each rounded to double once by
 * {@link BigDecimal#doubleValue()} (correct rounding). At T = 50 every timestep is compared; above,
 * the steps 1..200, T-199..T and every 7th (T = 1000, 4000) or 97th (T = 100000) step.
 */
class NoiseScheduleAccuracyTest {
    private static final int BUDGET_ULPS = 4;
    /** RMS budget of each quantity over the steps checked, in whole ulps of the rounded result (measured at most 0.11). */
    private static final double BUDGET_RMS_ULPS = 0.5;
    private static final DfpField FIELD = new DfpField(50);
    private static final MathContext MC = new MathContext(50);
    private static final BigDecimal TINY = new BigDecimal("1e-20");

    static Stream<Arguments> datasets() {
        List<Arguments> out = new ArrayList<>();
        for (int steps : new int[] {50, 1000, 4000, 100000}) {
            out.add(Arguments.of("linear", steps));
            out.add(Arguments.of("cosine", steps));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} T={1}")
    @MethodSource("datasets")
    void withinBudgetOfDfpReference(String family, int steps) {
        NoiseSchedule s = family.equals("linear") ? Schedules.linear(steps) : Schedules.cosine(steps);
        double[] betas = s.betas();
        int n = betas.length;
        long t0 = System.nanoTime();
        // One pass of cumulative products in 50-digit BigDecimal (the β doubles converted exactly).
        BigDecimal[] a = new BigDecimal[n + 1];
        BigDecimal[] beta = new BigDecimal[n + 1];
        a[0] = BigDecimal.ONE;
        for (int t = 1; t <= n; t++) {
            beta[t] = new BigDecimal(betas[t - 1]);
            a[t] = a[t - 1].multiply(BigDecimal.ONE.subtract(beta[t]), MC);
        }
        TreeSet<Integer> ts = new TreeSet<>();
        int dense = n <= 50 ? n : 200;
        int stride = n <= 4000 ? 7 : 97;
        for (int t = 1; t <= n; t++) {
            if (t <= dense || t > n - dense || t % stride == 0) {
                ts.add(t);
            }
        }
        Map<String, long[]> stats = new LinkedHashMap<>();
        Map<String, double[]> sq = new LinkedHashMap<>();
        for (int t : ts) {
            BigDecimal c = BigDecimal.ONE.subtract(a[t], MC);
            BigDecimal cPrev = BigDecimal.ONE.subtract(a[t - 1], MC);
            record(stats, sq, "alphaBar", t, a[t], s.alphaBar(t));
            record(stats, sq, "oneMinusAlphaBar", t, c, s.oneMinusAlphaBar(t));
            record(stats, sq, "logOneMinusAlphaBar", t, log1m(a[t]), s.logOneMinusAlphaBar(t));
            record(stats, sq, "coefX0", t, a[t - 1].sqrt(MC).multiply(beta[t]).divide(c, MC), s.posteriorMeanCoefX0(t));
            record(stats, sq, "coefXt", t,
                BigDecimal.ONE.subtract(beta[t]).sqrt(MC).multiply(cPrev).divide(c, MC), s.posteriorMeanCoefXt(t));
            record(stats, sq, "sqrtAlphaBar", t, a[t].sqrt(MC), s.sqrtAlphaBar(t));
            record(stats, sq, "logAlphaBar", t, log(a[t]), s.logAlphaBar(t));
            record(stats, sq, "snr", t, a[t].divide(c, MC), s.snr(t));
            record(stats, sq, "logSnr", t, log(a[t].divide(c, MC)), s.logSnr(t));
            if (t >= 2) {
                BigDecimal pv = beta[t].multiply(cPrev).divide(c, MC);
                record(stats, sq, "posteriorVariance", t, pv, s.posteriorVariance(t));
                record(stats, sq, "logPosteriorVariance", t, log(pv), s.logPosteriorVariance(t));
            }
        }
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, long[]> e : stats.entrySet()) {
            long[] v = e.getValue();
            double rms = Math.sqrt(sq.get(e.getKey())[0] / v[1]);
            report.append(String.format(Locale.ROOT, "%s T=%d %-22s max %d ulps (t=%d), RMS %.3f ulps over %d steps%n",
                family, steps, e.getKey(), v[0], v[2], rms, v[1]));
        }
        report.append(String.format(Locale.ROOT, "(%d ms)%n", (System.nanoTime() - t0) / 1_000_000));
        System.out.print(report);
        for (Map.Entry<String, long[]> e : stats.entrySet()) {
            assertThat(e.getValue()[0]).as("%s max ulps (budget %d)%n%s", e.getKey(), BUDGET_ULPS, report)
                .isLessThanOrEqualTo(BUDGET_ULPS);
            assertThat(Math.sqrt(sq.get(e.getKey())[0] / e.getValue()[1])).as("%s RMS ulps (budget %s)%n%s", e.getKey(),
                BUDGET_RMS_ULPS, report).isLessThanOrEqualTo(BUDGET_RMS_ULPS);
        }
    }

    /** \( \log(1 - a) \) in Dfp; below \( 10^{-20} \) by the series \( -a - a^2/2 \) (error \( < a^3 \)),
     * since 1 - a would round to 1 at 50 digits when \( \bar\alpha \) has underflowed far below that. */
    private static BigDecimal log1m(BigDecimal a) {
        if (a.compareTo(TINY) < 0) {
            return a.negate().subtract(a.multiply(a).divide(BigDecimal.valueOf(2)), MC);
        }
        return log(BigDecimal.ONE.subtract(a, MC));
    }

    /** Natural log through {@link DfpMath#log} at 50 digits. */
    private static BigDecimal log(BigDecimal x) {
        return new BigDecimal(DfpMath.log(FIELD.newDfp(x.toString())).toString());
    }

    private static void record(Map<String, long[]> stats, Map<String, double[]> sq, String name, int t,
                               BigDecimal ref, double actual) {
        double expected = ref.doubleValue(); // correctly rounded
        long d = Ulps.distance(expected, actual);
        long[] v = stats.computeIfAbsent(name, k -> new long[3]);
        double[] q = sq.computeIfAbsent(name, k -> new double[1]);
        if (d > v[0] || v[1] == 0) {
            v[0] = d;
            v[2] = t;
        }
        v[1]++;
        q[0] += (double) d * d;
    }
}
