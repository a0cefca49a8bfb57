package org.probity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.probity.assertions.ProbityAssertions;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;
import org.probity.math.Ulps;

class FiniteChainTest {
    /** Sums of at most K^(T+1) <= 4096 rounded products, compensated: a few ulps, far under this rule. */
    private static final Tolerance SUM_RULE = Tolerance.ulps(16).or(Tolerances.roundedSum(64, 1))
        .named("compensated sums: 16 ulps, or 64 u absolute near 0");
    private static final long SEED = 20261124L;

    private static UniformRandomProvider rng() {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
    }

    @Test
    void rejectsNaNEntryNamingTheParameter() {
        double[][] bad = {{0.5, 0.5}, {Double.NaN, 1}};
        assertThatThrownBy(() -> FiniteChain.of(new double[] {1, 0}, bad))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("transitions[0][1][0]: expected a probability in [0, 1], got NaN");
    }

    @Test
    void rejectsRowThatDoesNotSumToOne() {
        double[][] bad = {{0.5, 0.5}, {0.25, 0.5}};
        assertThatThrownBy(() -> FiniteChain.of(new double[] {1, 0}, bad))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("transitions[0][1]: expected entries summing to 1 within")
            .hasMessageEndingWith("got sum 0.75");
    }

    @Test
    void rejectsWrongShapeAndNegativeInitial() {
        assertThatThrownBy(() -> FiniteChain.of(new double[] {1.5, -0.5}))
            .hasMessage("initial[0]: expected a probability in [0, 1], got 1.5");
        assertThatThrownBy(() -> FiniteChain.of(new double[] {1, 0}, new double[][] {{1, 0}}))
            .hasMessage("transitions[0]: expected 2 entries, got 1");
        assertThatThrownBy(() -> FiniteChain.of(new double[0]))
            .hasMessage("initial.length: expected a number of states >= 1, got 0");
    }

    @Test
    void zeroStepsIsOnlyTheInitialState() {
        FiniteChain c = FiniteChain.of(new double[] {0.25, 0.75});
        assertThat(c.steps()).isZero();
        assertThat(c.marginal(0)).containsExactly(0.25, 0.75);
        assertThat(c.probability(1)).isEqualTo(0.75);
        assertThat(c.expectation((t, i, j) -> 0.0)).isZero();
    }

    @Test
    void twoStateExampleByHand() {
        // pi = (1/2, 1/2), Q = [[1, 0], [1/2, 1/2]]: P(x1 = 1) = 1/4, P(x0 = 1 | x1 = 0) = (1/4)/(3/4) = 1/3
        FiniteChain c = FiniteChain.of(new double[] {0.5, 0.5}, new double[][] {{1, 0}, {0.5, 0.5}});
        assertThat(c.marginal(1)).containsExactly(0.75, 0.25);
        assertThat(c.given(1, 0).marginal(0)[1]).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(0x1p-52));
        assertThat(c.reversed().initial()).containsExactly(0.75, 0.25);
        assertThat(c.probability(0, 1)).isZero();
        assertThat(c.logProbability(0, 1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> c.startingAt(0).given(1, 1))
            .hasMessage("given: state 1 at time 1 has probability 0 under the chain; expected a state of positive probability");
    }

    @Test
    void marginalsPairwiseAndExpectationsAgreeWithEnumeration() {
        UniformRandomProvider rng = rng();
        long maxUlps = 0;
        for (int trial = 0; trial < 200; trial++) {
            int k = 2 + rng.nextInt(4);
            int steps = 1 + rng.nextInt(4);
            FiniteChain c = RandomChains.chain(rng, k, steps, 0.3);
            assertThat(PathEnumeration.totalProbability(c)).satisfies(v -> accept(1.0, v));
            for (int t = 0; t <= steps; t++) {
                double[] dp = c.marginal(t);
                double[] en = PathEnumeration.marginal(c, t);
                for (int i = 0; i < k; i++) {
                    accept(en[i], dp[i]);
                    maxUlps = Math.max(maxUlps, Ulps.distance(en[i], dp[i]));
                }
            }
            double[][] f = RandomChains.matrix(rng, k, 0.0);
            PathFunctional fn = PathFunctional.of((t, i, j) -> f[i][j] * t - 0.3, i -> f[0][i], i -> -f[i][0]);
            double dp = c.expectation(fn);
            double en = PathEnumeration.expectation(c, fn);
            accept(en, dp);
            int s = rng.nextInt(steps + 1);
            int t = rng.nextInt(steps + 1);
            double[][] pm = c.pairwiseMarginal(s, t);
            double[] ms = c.marginal(s);
            double[] mt = c.marginal(t);
            for (int i = 0; i < k; i++) {
                double row = 0;
                double col = 0;
                for (int j = 0; j < k; j++) {
                    row += pm[i][j];
                    col += pm[j][i];
                }
                Tolerance loose = Tolerance.ulps(4L * k).or(Tolerances.roundedSum(4 * k, 1));
                ProbityAssertions.assertThat(row).as("row %d of pair (%d,%d)", i, s, t).isCloseTo(ms[i], loose);
                ProbityAssertions.assertThat(col).as("column %d of pair (%d,%d)", i, s, t).isCloseTo(mt[i], loose);
            }
        }
        System.out.println("FiniteChainTest: marginal DP vs enumeration, max ulps = " + maxUlps);
    }

    @Test
    void conditioningReversalAndPosteriorAgreeWithBayes() {
        UniformRandomProvider rng = rng();
        for (int trial = 0; trial < 200; trial++) {
            int k = 2 + rng.nextInt(4);
            int steps = 1 + rng.nextInt(4);
            FiniteChain c = RandomChains.chain(rng, k, steps, 0.3);
            // reversal keeps the joint
            FiniteChain r = c.reversed();
            PathEnumeration.forEachPath(k, steps, path -> {
                int[] back = new int[path.length];
                for (int i = 0; i < path.length; i++) {
                    back[i] = path[path.length - 1 - i];
                }
                accept(c.probability(path), r.probability(back));
            });
            // posterior by Bayes = conditional of the joint
            int t = 1 + rng.nextInt(steps);
            int x0 = rng.nextInt(k);
            double[] reach = c.startingAt(x0).marginal(t);
            for (int xt = 0; xt < k; xt++) {
                if (reach[xt] == 0) {
                    int fx = xt;
                    assertThatThrownBy(() -> c.posterior(t, x0, fx)).isInstanceOf(IllegalArgumentException.class);
                    continue;
                }
                double[] bayes = c.posterior(t, x0, xt);
                double[] cond = c.startingAt(x0).given(t, xt).marginal(t - 1);
                for (int i = 0; i < k; i++) {
                    accept(cond[i], bayes[i]);
                }
            }
        }
    }

    @Test
    void chainRuleKlAgreesWithEnumeration() {
        UniformRandomProvider rng = rng();
        for (int trial = 0; trial < 200; trial++) {
            int k = 2 + rng.nextInt(3);
            int steps = 1 + rng.nextInt(3);
            FiniteChain a = RandomChains.chain(rng, k, steps, 0.3);
            FiniteChain b = trial % 2 == 0 ? RandomChains.chain(rng, k, steps, 0.0) : RandomChains.chain(rng, k, steps, 0.3);
            double dp = a.klDivergence(b);
            double en = PathEnumeration.klDivergence(a, b);
            if (Double.isInfinite(en)) {
                assertThat(dp).isEqualTo(Double.POSITIVE_INFINITY);
            } else {
                Tolerance rule = Tolerances.conditioned(64, Math.pow(k, steps + 1))
                    .or(Tolerances.roundedSum(64 * Math.pow(k, steps + 1), 1))
                    .named("64 K^(T+1) roundings");
                ProbityAssertions.assertThat(dp).as("KL by DP vs enumeration").isCloseTo(en, rule);
            }
        }
    }

    private static void accept(double expected, double actual) {
        ProbityAssertions.assertThat(actual).isCloseTo(expected, SUM_RULE);
    }
}
