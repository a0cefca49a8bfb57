package org.probity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.probity.math.HighPrecision;

/**
 * A reverse chain \( p(x_T) \prod_t p_t(x_{t-1} \mid x_t) \) with dyadic entries, so that its path
 * probabilities and marginals are exact and can be checked by hand and by enumeration; its views in
 * forward time describe the same joint; the true reverse of a forward chain keeps, in its log
 * transitions, entries that underflow in the probabilities (64-digit reference).
 */
class ReverseChainTest {
    private static final double[] PRIOR = {0.5, 0.5};
    /** p_2(x_1 | x_2): row x_2. */
    private static final double[][] P2 = {{0.5, 0.5}, {0.25, 0.75}};
    /** p_1(x_0 | x_1): row x_1. */
    private static final double[][] P1 = {{1, 0}, {0.5, 0.5}};
    private static final ReverseChain P = ReverseChain.of(PRIOR, P1, P2);

    @Test
    void pathProbabilitiesAreTheProductsOfTheFactors() {
        assertThat(P.states()).isEqualTo(2);
        assertThat(P.steps()).isEqualTo(2);
        double total = 0;
        for (int x0 = 0; x0 < 2; x0++) {
            for (int x1 = 0; x1 < 2; x1++) {
                for (int x2 = 0; x2 < 2; x2++) {
                    double exact = PRIOR[x2] * P2[x2][x1] * P1[x1][x0];
                    assertThat(P.probability(x0, x1, x2)).isEqualTo(exact);
                    assertThat(P.logProbability(x0, x1, x2)).isCloseTo(Math.log(exact), org.assertj.core.data.Offset.offset(1e-15));
                    total += exact;
                }
            }
        }
        assertThat(total).isEqualTo(1.0);
        assertThat(P.probability(1, 0, 0)).isZero();
        assertThat(P.logProbability(1, 0, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        // p(x_0 = 0, x_1 = 1, x_2 = 1) = 1/2 * 3/4 * 1/2
        assertThat(P.probability(0, 1, 1)).isEqualTo(0.1875);
    }

    @Test
    void marginalsAreSumsOverPaths() {
        assertThat(P.marginal(2)).containsExactly(PRIOR);
        // p(x_1) = prior P_2 = [3/8, 5/8]
        assertThat(P.marginal(1)).containsExactly(0.375, 0.625);
        // p(x_0) = [3/8 + 5/16, 5/16] = [11/16, 5/16]
        assertThat(P.marginal(0)).containsExactly(0.6875, 0.3125);
        double[] ll = P.logLikelihoods();
        assertThat(ll[0]).isCloseTo(Math.log(0.6875), org.assertj.core.data.Offset.offset(2e-16));
        assertThat(ll[1]).isCloseTo(Math.log(0.3125), org.assertj.core.data.Offset.offset(2e-16));
        assertThat(PathEnumeration.likelihoods(P)).containsExactly(0.6875, 0.3125);
        assertThat(PathEnumeration.totalProbability(P)).isEqualTo(1.0);
    }

    @Test
    void theForwardTimeViewsDescribeTheSameJoint() {
        FiniteChain asChain = P.asChain();
        // x_T first: its "step s" is the reverse step T - s + 1
        assertThat(asChain.initial()).containsExactly(PRIOR);
        assertThat(asChain.transition(1)).isDeepEqualTo(P2);
        assertThat(asChain.transition(2)).isDeepEqualTo(P1);
        FiniteChain forward = P.forwardTime();
        assertThat(forward.initial()).containsExactly(0.6875, 0.3125);
        for (int x0 = 0; x0 < 2; x0++) {
            for (int x1 = 0; x1 < 2; x1++) {
                for (int x2 = 0; x2 < 2; x2++) {
                    assertThat(forward.probability(x0, x1, x2)).as("path %d %d %d", x0, x1, x2)
                        .isCloseTo(P.probability(x0, x1, x2), org.assertj.core.data.Offset.offset(4e-16));
                }
            }
        }
    }

    @Test
    void transitionsAreCopiesAndTheirLogsAreTheLogsOfTheEntries() {
        double[][] t = P.transition(2);
        assertThat(t).isDeepEqualTo(P2);
        t[0][0] = 7;
        assertThat(P.transition(2)[0][0]).isEqualTo(0.5);
        double[] prior = P.prior();
        prior[0] = 3;
        assertThat(P.prior()).containsExactly(PRIOR);
        double[][] out = new double[2][2];
        P.fill(1, out);
        assertThat(out).isDeepEqualTo(P1);
        P.fillLog(1, out);
        assertThat(out[0]).containsExactly(0, Double.NEGATIVE_INFINITY);
        assertThat(out[1]).containsExactly(Math.log(0.5), Math.log(0.5));
        assertThatThrownBy(() -> P.fill(3, out)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("t: expected an integer in [1, 2], got 3");
        assertThatThrownBy(() -> P.transition(0)).hasMessage("t: expected an integer in [1, 2], got 0");
        assertThatThrownBy(() -> P.marginal(3)).hasMessage("t: expected an integer in [0, 2], got 3");
    }

    /**
     * q: x_0 = 0 with probability 1e-200, and 0 -> 0 with probability 1e-200. The reverse entry
     * \( p_1(x_0 = 0 \mid x_1 = 0) = q(x_0 = 0) Q_1[0][0] / q(x_1 = 0) = 10^{-400}/m \) underflows in the
     * probabilities and keeps its value in the logs.
     */
    @Test
    void theTrueReverseKeepsUnderflowingEntriesInItsLogs() {
        double tiny = 1e-200;
        FiniteChain q = FiniteChain.of(new double[] {tiny, 1 - tiny}, new double[][] {{tiny, 1 - tiny}, {0.5, 0.5}});
        ReverseChain r = ReverseChain.trueReverse(q);
        assertThat(r.transition(1)[0][0]).isZero();
        double[][] logs = new double[2][2];
        r.fillLog(1, logs);
        Dfp t = HighPrecision.of(tiny);
        Dfp m = t.multiply(t).add(HighPrecision.of(1 - tiny).multiply(HighPrecision.of(0.5)));
        Dfp exact = HighPrecision.log(t.multiply(t).divide(m));
        assertThat(HighPrecision.ulpError(logs[0][0], exact)).isLessThanOrEqualTo(4);
        // every other entry: the log of the probability
        assertThat(logs[1][1]).isCloseTo(Math.log(r.transition(1)[1][1]), org.assertj.core.data.Offset.offset(4e-16));
        // the joint is q's: p(x_0, x_1) = q(x_0, x_1)
        for (int x0 = 0; x0 < 2; x0++) {
            for (int x1 = 0; x1 < 2; x1++) {
                assertThat(r.probability(x0, x1)).isCloseTo(q.probability(x0, x1),
                    org.assertj.core.data.Offset.offset(4e-16 * Math.max(1e-300, q.probability(x0, x1))));
            }
        }
        assertThat(r.prior()).containsExactly(q.marginal(1));
    }

    @Test
    void badPathsAndInputsAreNamed() {
        assertThatThrownBy(() -> P.probability(0, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("path: expected 3 states (x_0..x_2), got 2");
        assertThatThrownBy(() -> P.logProbability((int[]) null)).hasMessage("path: expected 3 states (x_0..x_2), got 0");
        assertThatThrownBy(() -> P.probability(0, 2, 0)).hasMessage("path[1]: expected an integer in [0, 1], got 2");
        assertThatThrownBy(() -> P.logProbability(0, 0, -1)).hasMessage("path[2]: expected an integer in [0, 1], got -1");
        assertThatThrownBy(() -> ReverseChain.of(null, P1)).hasMessage("prior: expected an array, got null");
        assertThatThrownBy(() -> ReverseChain.of(PRIOR, (double[][][]) null))
            .hasMessage("reverseTransitions: expected an array, got null");
        assertThatThrownBy(() -> ReverseChain.of(PRIOR, P1, new double[][] {{1, 0}, {0.5, 0.6}}))
            .hasMessageStartingWith("reverseTransitions[1][1]: expected entries summing to 1 within ");
        assertThat(ReverseChain.of(new double[] {1}))
            .hasToString("ReverseChain[K=1, T=0, prior=[1.0], reverseTransitions=[]]");
        assertThat(P.toString()).startsWith("ReverseChain[K=2, T=2, prior=[0.5, 0.5], reverseTransitions=[[[1.0, 0.0], [0.5, 0.5]]");
    }
}
