package org.probity.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.probity.math.HighPrecision;
import org.probity.math.LogSpace;
import org.probity.math.MagnitudeErrors;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;

/**
 * The variational bound of the dynamic program (one {@code Math.log} per entry, TwoSum, rows in
 * parallel for large K) against 64-digit references by path enumeration on small chains, and against
 * the previous implementation (double-double log per entry, kept below as {@link #previousVlb}): the
 * error in units of \( u \sum |\text{path terms}| \) (the condition of the sum), max and RMS per
 * dataset, with the previous implementation's figures printed beside. Budget: the new error is at
 * most {@value #BUDGET} such units and the RMS at most 1 (measured: new max 2.27, RMS 0.65; previous
 * max 2.27, RMS 0.63, on 511 starts).
 */
class ChainDpAccuracyTest {
    private static final long SEED = 20261124L;
    static final double BUDGET = 4;

    @Test
    void vlbByStartAgainstHighPrecisionEnumeration() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        MagnitudeErrors dp = MagnitudeErrors.of("VLB(x0) by the DP");
        MagnitudeErrors previous = MagnitudeErrors.of("VLB(x0), previous (double-double log)");
        for (int trial = 0; trial < 50; trial++) {
            int k = 2 + rng.nextInt(4);
            int steps = 1 + rng.nextInt(4);
            FiniteChain q = RandomChains.chain(rng, k, steps, 0.2);
            ReverseChain p = RandomChains.reverse(rng, k, steps, 0.0);
            VariationalBound b = VariationalBound.of(q, p);
            double[] old = previousVlb(q, p);
            for (int x0 = 0; x0 < k; x0++) {
                Dfp[] ref = reference(q, p, x0);
                double magnitude = Math.max(HighPrecision.toDouble(ref[1]), Double.MIN_NORMAL);
                double exact = HighPrecision.toDouble(ref[0]);
                String in = String.format(Locale.ROOT, "K=%d T=%d x0=%d", k, steps, x0);
                double eNew = dp.add(in, b.vlb(x0), ref[0], magnitude);
                previous.add(in, old[x0], ref[0], magnitude);
                assertThat(eNew).as("K=%d T=%d x0=%d: %s vs exact %s", k, steps, x0, b.vlb(x0), exact).isLessThanOrEqualTo(BUDGET);
            }
        }
        System.out.printf(Locale.ROOT, "[accuracy] VLB(x0) by the DP, K <= 5, T <= 4, %d starts, error in u x sum|path terms|:"
            + " new max %.3f RMS %.3f; previous (double-double log) max %.3f RMS %.3f%n",
            dp.count(), dp.max(), dp.rms(), previous.max(), previous.rms());
        assertThat(dp.rms()).isLessThanOrEqualTo(1);
    }

    /**
     * Large K (the rows in parallel, on SIMD lanes when the Vector API module is present, as under
     * Surefire): the DP against the previous implementation, within the sum of both error bounds,
     * (4 + 2.3) u x the magnitude of the terms (a backward pass of absolute values).
     */
    @Test
    void largeChainsAgreeWithThePreviousImplementation() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 1);
        double worst = 0;
        for (int k : new int[] {64, 100, 256}) {
            FiniteChain q = RandomChains.chain(rng, k, 3, 0.1);
            ReverseChain p = RandomChains.reverse(rng, k, 3, 0.0);
            double[] fast = VariationalBound.of(q, p).vlbs();
            double[] old = previousVlb(q, p);
            double[] mag = magnitudes(q, p);
            for (int x0 = 0; x0 < k; x0++) {
                double e = Math.abs(fast[x0] - old[x0]) / (Tolerance.UNIT_ROUNDOFF * mag[x0]);
                worst = Math.max(worst, e);
                assertThat(e).as("K=%d x0=%d: %s vs previous %s", k, x0, fast[x0], old[x0]).isLessThanOrEqualTo(BUDGET + 2.3);
            }
        }
        System.out.printf(Locale.ROOT, "[accuracy] VLB(x0), K = 64, 100, 256, T = 3: largest difference from the previous "
            + "implementation %.3f u x magnitude%n", worst);
    }

    /** The backward pass of absolute values: sum_j |q log(q/p)| + q M_j, M_T = |log prior|. */
    private static double[] magnitudes(FiniteChain q, ReverseChain p) {
        int k = q.states();
        double[] m = new double[k];
        double[] prior = p.prior();
        for (int i = 0; i < k; i++) {
            m[i] = Math.abs(Math.log(prior[i]));
        }
        for (int t = q.steps(); t >= 1; t--) {
            double[][] qt = q.transition(t);
            double[][] pt = p.transition(t);
            double[] next = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    if (qt[i][j] != 0) {
                        next[i] += Math.abs(LogSpace.klTerm(qt[i][j], pt[j][i])) + qt[i][j] * m[j];
                    }
                }
            }
            m = next;
        }
        return m;
    }

    /** {exact VLB(x0), sum of |path terms|} by enumerating the paths of q from x0, in 64 digits. */
    static Dfp[] reference(FiniteChain q, ReverseChain p, int x0) {
        int k = q.states();
        int steps = q.steps();
        Dfp sum = HighPrecision.of(0);
        Dfp mag = HighPrecision.of(0);
        int[] path = new int[steps + 1];
        path[0] = x0;
        int total = 1;
        for (int s = 0; s < steps; s++) {
            total *= k;
        }
        for (int code = 0; code < total; code++) {
            int c = code;
            for (int s = 1; s <= steps; s++) {
                path[s] = c % k;
                c /= k;
            }
            Dfp qp = HighPrecision.of(1);
            Dfp logRatio = HighPrecision.of(0);
            boolean zero = false;
            for (int s = 1; s <= steps; s++) {
                double qs = q.transition(s)[path[s - 1]][path[s]];
                if (qs == 0) {
                    zero = true;
                    break;
                }
                double ps = p.transition(s)[path[s]][path[s - 1]];
                qp = qp.multiply(HighPrecision.of(qs));
                logRatio = logRatio.add(HighPrecision.log(HighPrecision.of(qs))).subtract(HighPrecision.log(HighPrecision.of(ps)));
            }
            if (zero) {
                continue;
            }
            logRatio = logRatio.subtract(HighPrecision.log(HighPrecision.of(p.prior()[path[steps]])));
            Dfp term = qp.multiply(logRatio);
            sum = sum.add(term);
            mag = mag.add(term.abs());
        }
        return new Dfp[] {sum, mag};
    }

    /** The previous implementation of the backward pass: LogSpace.klTerm (double-double) and Neumaier sums. */
    private static double[] previousVlb(FiniteChain q, ReverseChain p) {
        int k = q.states();
        double[] v = new double[k];
        double[] prior = p.prior();
        for (int i = 0; i < k; i++) {
            v[i] = -Math.log(prior[i]);
        }
        for (int t = q.steps(); t >= 1; t--) {
            double[][] qt = q.transition(t);
            double[][] pt = p.transition(t);
            double[] next = new double[k];
            for (int i = 0; i < k; i++) {
                NeumaierSum s = NeumaierSum.create();
                for (int j = 0; j < k; j++) {
                    if (qt[i][j] != 0) {
                        s.add(LogSpace.klTerm(qt[i][j], pt[j][i]));
                        s.add(qt[i][j] * v[j]);
                    }
                }
                next[i] = s.sum();
            }
            v = next;
        }
        return v;
    }
}
