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

    /**
     * K from 16 up (the SIMD rows when the Vector API module is present, as under Surefire; 33 leaves a
     * tail after the last full vector): VLB(x0) and log p(x0) of the fused backward pass against the same
     * dynamic program in {@value HighPrecision#DIGITS} digits. Zeros in q, and in the reverse matrices
     * where q is 0 for a quarter of the rows (an entry with q = p = 0 sends a row to the scalar kernel). Budgets: VLB within
     * {@value #BUDGET} u x M(x0), M the backward pass of absolute values, RMS at most 1; log p(x0) within
     * 2 u (1 + T), the propagation adding one compensated rounding per step (measured: VLB max 0.64,
     * RMS 0.34; log p max 0.63).
     */
    @Test
    void simdRowsAgainstHighPrecisionDp() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 2);
        MagnitudeErrors dp = MagnitudeErrors.of("VLB(x0), K >= 16");
        double worstLogP = 0;
        for (int k : new int[] {16, 24, 33}) {
            int steps = 3;
            FiniteChain q = RandomChains.chain(rng, k, steps, 0.1);
            ReverseChain p = reverseWithTheZerosOf(rng, q);
            VariationalBound b = VariationalBound.of(q, p);
            Dfp[][] ref = referenceDp(q, p);
            double[] mag = magnitudes(q, p);
            for (int x0 = 0; x0 < k; x0++) {
                String in = String.format(Locale.ROOT, "K=%d T=%d x0=%d", k, steps, x0);
                double e = dp.add(in, b.vlb(x0), ref[0][x0], mag[x0]);
                assertThat(e).as("%s: VLB %s vs exact %s", in, b.vlb(x0), HighPrecision.toDouble(ref[0][x0])).isLessThanOrEqualTo(BUDGET);
                double eLogP = MagnitudeErrors.error(b.logLikelihood(x0), ref[1][x0], 1 + steps);
                worstLogP = Math.max(worstLogP, eLogP);
                assertThat(eLogP).as("%s: log p %s vs exact %s", in, b.logLikelihood(x0), HighPrecision.toDouble(ref[1][x0]))
                    .isLessThanOrEqualTo(2);
            }
        }
        System.out.printf(Locale.ROOT, "[accuracy] VLB(x0), K = 16, 24, 33, T = 3, %d starts: max %.3f RMS %.3f u x M(x0);"
            + " log p(x0) max %.3f u (1 + T)%n", dp.count(), dp.max(), dp.rms(), worstLogP);
        assertThat(dp.rms()).isLessThanOrEqualTo(1);
    }

    /**
     * Reverse matrices with P_t[j][i] = 0 where Q_t[i][j] = 0 and i &lt; K/4 (those rows of Q take the scalar
     * kernel), positive elsewhere (rows with zeros in q only stay on the SIMD lanes), rows normalised.
     */
    private static ReverseChain reverseWithTheZerosOf(UniformRandomProvider rng, FiniteChain q) {
        int k = q.states();
        double[][][] ps = new double[q.steps()][k][k];
        for (int t = 1; t <= q.steps(); t++) {
            double[][] qt = q.transition(t);
            for (int j = 0; j < k; j++) {
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    ps[t - 1][j][i] = qt[i][j] == 0 && i < k / 4 ? 0 : -Math.log(rng.nextDouble());
                    sum += ps[t - 1][j][i];
                }
                if (sum == 0) {
                    ps[t - 1][j][j] = 1;
                    sum = 1;
                }
                for (int i = 0; i < k; i++) {
                    ps[t - 1][j][i] /= sum;
                }
            }
        }
        return ReverseChain.of(RandomChains.vector(rng, k, 0), ps);
    }

    /** {VLB(x0), log p(x0)} for every x0 by the backward pass and the propagation, in 64 digits. */
    private static Dfp[][] referenceDp(FiniteChain q, ReverseChain p) {
        int k = q.states();
        Dfp zero = HighPrecision.of(0);
        Dfp[] v = new Dfp[k];
        Dfp[] m = new Dfp[k];
        for (int i = 0; i < k; i++) {
            v[i] = HighPrecision.log(HighPrecision.of(p.prior()[i])).negate();
            m[i] = HighPrecision.of(p.prior()[i]);
        }
        for (int t = q.steps(); t >= 1; t--) {
            double[][] qt = q.transition(t);
            double[][] pt = p.transition(t);
            Dfp[] next = new Dfp[k];
            Dfp[] mNext = new Dfp[k];
            for (int i = 0; i < k; i++) {
                next[i] = zero;
                mNext[i] = zero;
                for (int j = 0; j < k; j++) {
                    mNext[i] = mNext[i].add(m[j].multiply(HighPrecision.of(pt[j][i])));
                    if (qt[i][j] != 0) {
                        Dfp logRatio = HighPrecision.log(HighPrecision.of(qt[i][j])).subtract(HighPrecision.log(HighPrecision.of(pt[j][i])));
                        next[i] = next[i].add(HighPrecision.of(qt[i][j]).multiply(logRatio.add(v[j])));
                    }
                }
            }
            v = next;
            m = mNext;
        }
        Dfp[] logP = new Dfp[k];
        for (int i = 0; i < k; i++) {
            logP[i] = HighPrecision.log(m[i]);
        }
        return new Dfp[][] {v, logP};
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
