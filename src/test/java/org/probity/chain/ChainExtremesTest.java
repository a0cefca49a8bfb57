package org.probity.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.hipparchus.dfp.Dfp;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;
import org.probity.math.HighPrecision;
import org.probity.math.Tolerance;

/**
 * The chain classes at the extremes their algorithms are written for: reverse probabilities below the
 * normal range (the bound's rows recomputed from the logs of the source), conditioning on an event whose
 * probability underflows (the backward messages rescaled at every step), chains large enough that a
 * propagation is split by columns over the cores, and the condition-number bound where the largest
 * Gershgorin row is not the first.
 */
class ChainExtremesTest {
    private static final double[][] Q = {{0.5, 0.5}, {0.25, 0.75}};
    private static final FiniteChain F = FiniteChain.of(new double[] {0.5, 0.5}, Q, Q);

    /**
     * Reverse probabilities of 2^-1070 and 2^-1060 (subnormal): each term q log(q / p) is about 740 q, finite,
     * and the bound must match the 64-digit reference by path enumeration within the accuracy budget of
     * {@link ChainDpAccuracyTest} (u times the sum of the absolute path terms).
     */
    @Test
    void subnormalReverseProbabilitiesGiveTheExactFiniteBound() {
        double[][] p1 = {{0x1p-1070, 1}, {0.5, 0.5}};
        double[][] p2 = {{0.25, 0.75}, {1, 0x1p-1060}};
        ReverseChain p = ReverseChain.of(new double[] {0.5, 0.5}, p1, p2);
        VariationalBound b = VariationalBound.of(F, p);
        for (int x0 = 0; x0 < 2; x0++) {
            assertWithinBudget(b.vlb(x0), p, x0);
        }
        assertThat(b.vlb(0)).as("x0 = 0 meets p = 2^-1070 on the path 0 -> 0 -> 1").isGreaterThan(500);
    }

    /**
     * A reverse probability of exactly 0 where q goes: the bound from that start is +infinity (the path
     * 0 -> 0 has q = 1/2 and p(x_0 = 0 | x_1 = 0) = 0), and the other start keeps its exact finite value.
     */
    @Test
    void aZeroReverseProbabilityWhereQGoesMakesThatStartInfinite() {
        double[][] p1 = {{0, 1}, {0.5, 0.5}};
        ReverseChain p = ReverseChain.of(new double[] {0.5, 0.5}, p1, Q);
        VariationalBound b = VariationalBound.of(F, p);
        assertThat(b.vlb(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertWithinBudget(b.vlb(1), p, 1);
    }

    private static void assertWithinBudget(double actual, ReverseChain p, int x0) {
        Dfp[] ref = ChainDpAccuracyTest.reference(F, p, x0);
        double scale = Tolerance.UNIT_ROUNDOFF * HighPrecision.toDouble(ref[1]);
        double error = HighPrecision.of(actual).subtract(ref[0]).abs().toDouble() / scale;
        assertThat(error).as("x0 = %d: %s against the exact %s", x0, actual, HighPrecision.toDouble(ref[0]))
            .isLessThanOrEqualTo(ChainDpAccuracyTest.BUDGET);
    }

    /**
     * From state 0, each step stays with probability 1/2 or falls into the absorbing state 1; after 1100
     * steps P(x_1100 = 0) = 2^-1101, below the smallest double. Conditioned on that event the path must
     * stay at 0 throughout: the conditional chain starts at 0 and its row 0 is [1, 0] at every step.
     */
    @Test
    void conditioningOnAnEventWhoseProbabilityUnderflows() {
        int steps = 1100;
        double[][][] qs = new double[steps][][];
        for (int t = 0; t < steps; t++) {
            qs[t] = new double[][] {{0.5, 0.5}, {0, 1}};
        }
        FiniteChain c = FiniteChain.of(new double[] {0.5, 0.5}, qs);
        assertThat(c.marginal(steps)[0]).as("the event's probability underflows").isZero();
        FiniteChain g = c.given(steps, 0);
        assertThat(g.initial()).containsExactly(1, 0);
        for (int t = 1; t <= steps; t++) {
            assertThat(g.transition(t)[0]).as("row 0 at step %d", t).containsExactly(1, 0);
        }
        assertThat(g.marginal(steps)).containsExactly(1, 0);
    }

    /**
     * K = 600 states (a propagation split by columns over the cores): from state 0, stay or move one
     * state up with probability 1/2 each; after t steps the marginal is Binomial(t, 1/2), C(t, j) / 2^t,
     * exact in binary.
     */
    @Test
    void aLargeChainPropagatesBinomially() {
        int k = 600;
        int steps = 8;
        double[][] shift = new double[k][k];
        for (int i = 0; i < k; i++) {
            shift[i][i] = 0.5;
            shift[i][(i + 1) % k] = 0.5;
        }
        double[][][] qs = new double[steps][][];
        java.util.Arrays.fill(qs, shift);
        double[] start = new double[k];
        start[0] = 1;
        FiniteChain c = FiniteChain.of(start, qs);
        double[][] all = c.marginals();
        for (int t = 0; t <= steps; t++) {
            double[] expected = new double[k];
            double binomial = 1;
            for (int j = 0; j <= t; j++) {
                expected[j] = Math.scalb(binomial, -t);
                binomial = binomial * (t - j) / (j + 1);
            }
            assertThat(all[t]).as("marginals()[%d]", t).containsExactly(expected);
            if (t == steps) {
                assertThat(c.marginal(t)).as("marginal(%d)", t).containsExactly(expected);
            }
        }
    }

    /**
     * Gershgorin rows of the tridiagonal precision by hand where the largest row is a middle or the last
     * one. T = 2, P_0 = 1, a = (1, 2), v = (1/4, 1/2): rows 1 + 4 + 4 = 9, 4 + 8 + 4 + 4 = 20, 2 + 4 = 6;
     * variances 1, 5/4, 11/2 (trace 31/4); bound 20 * 31/4 = 155. T = 1, P_0 = 4, a = 1/2, v = 1/8: rows
     * 1/4 + 2 + 4 = 6.25 and 8 + 4 = 12; variances 4, 9/8; bound 12 * 41/8 = 61.5. Each bound is at least
     * the condition number of the joint covariance (from its eigenvalues).
     */
    @Test
    void conditionNumberBoundWhereALaterRowIsLargest() {
        LinearGaussianChain middle = LinearGaussianChain.of(0, 1, new double[] {1, 2}, new double[] {0, 0}, new double[] {0.25, 0.5});
        LinearGaussianChain last = LinearGaussianChain.of(0, 4, new double[] {0.5}, new double[] {0}, new double[] {0.125});
        assertThat(middle.conditionNumberBound()).isEqualTo(155);
        assertThat(last.conditionNumberBound()).isEqualTo(61.5);
        for (LinearGaussianChain c : new LinearGaussianChain[] {middle, last}) {
            double[] eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(c.joint().covariance())).getEigenvalues();
            double max = java.util.Arrays.stream(eigen).max().orElseThrow();
            double min = java.util.Arrays.stream(eigen).min().orElseThrow();
            assertThat(c.conditionNumberBound()).isGreaterThanOrEqualTo(max / min);
        }
    }
}
