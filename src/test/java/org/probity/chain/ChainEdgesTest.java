package org.probity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Edges of the chain classes on small dyadic examples: every index range ends at K - 1 or T (the first
 * value outside is refused with its message), the condition-number bound and the expectation magnitude
 * written out by hand on a chain whose coefficients are all different, a known start (P_0 = 0), and
 * the path functional built from three parts.
 */
class ChainEdgesTest {
    private static final double[][] Q = {{0.5, 0.5}, {0.25, 0.75}};
    private static final FiniteChain F = FiniteChain.of(new double[] {0.5, 0.5}, Q, Q);

    @Test
    void indicesEndAtTheLastStateAndStep() {
        ReverseChain p = ReverseChain.of(new double[] {0.5, 0.5}, Q, Q);
        VariationalBound b = VariationalBound.of(F, p);
        assertThat(b.vlb(1)).isEqualTo(b.vlbs()[1]);
        assertThat(b.logLikelihood(1)).isEqualTo(b.logLikelihoods()[1]);
        assertThat(b.denoisingTerm(2, 1)).isEqualTo(b.terms(1)[1]);
        assertThat(b.reconstructionTerm(1)).isEqualTo(b.terms(1)[0]);
        assertThat(b.priorTerm(1)).isEqualTo(b.terms(1)[2]);
        assertThat(b.dataDistribution()).containsExactly(0.5, 0.5);
        assertThat(b.logLikelihood(1)).isCloseTo(Math.log(PathEnumeration.likelihoods(p)[1]), Offset.offset(1e-15));
        refuses(() -> b.vlb(2), "x0: expected an integer in [0, 1], got 2");
        refuses(() -> b.logLikelihood(2), "x0: expected an integer in [0, 1], got 2");
        refuses(() -> b.terms(2), "x0: expected an integer in [0, 1], got 2");
        refuses(() -> b.denoisingTerm(1, 0), "t: expected an integer in [2, 2], got 1");
        refuses(() -> F.probability(0, 1), "path: expected 3 states (x_0..x_2), got 2");
        refuses(() -> F.logProbability(0, 1, 2), "path[2]: expected an integer in [0, 1], got 2");
        refuses(() -> F.probability(0, 2, 0), "path[1]: expected an integer in [0, 1], got 2");
        refuses(() -> F.startingAt(2), "state: expected an integer in [0, 1], got 2");
        refuses(() -> F.posterior(2, 2, 0), "x0: expected an integer in [0, 1], got 2");
        refuses(() -> F.posterior(2, 0, 2), "xt: expected an integer in [0, 1], got 2");
        refuses(() -> F.given(2, 2), "state: expected an integer in [0, 1], got 2");
        refuses(() -> F.given(3, 0), "time: expected an integer in [0, 2], got 3");
        assertThat(F.startingAt(1).initial()).containsExactly(0, 1);
        assertThat(F.withInitial(new double[] {0.25, 0.75}).marginal(1)).containsExactly(0.3125, 0.6875);
        assertThat(F).hasToString("FiniteChain[K=2, T=2, initial=[0.5, 0.5], transitions=[[[0.5, 0.5], [0.25, 0.75]], "
            + "[[0.5, 0.5], [0.25, 0.75]]]]");
        double[][] logs = new double[2][2];
        F.fillLog(1, logs);
        assertThat(logs[1]).containsExactly(Math.log(0.25), Math.log(0.75));
    }

    /**
     * T = 1, P_0 = 2, a = 3, v = 1/2: precision rows (1/2 + 9/(1/2), -6) and (-6, 2), Gershgorin maximum
     * 1/2 + 18 + 6 = 24.5; trace 2 + (9 * 2 + 1/2) = 20.5; bound 24.5 * 20.5 = 502.25.
     */
    @Test
    void conditionNumberBoundByHand() {
        LinearGaussianChain c = LinearGaussianChain.of(1, 2, new double[] {3}, new double[] {-1}, new double[] {0.5});
        assertThat(c.conditionNumberBound()).isEqualTo(502.25);
        // two steps: rows k = 0, 1, 2 with own 1/P_0, 1/v_1, 1/v_2 and neighbours |a|/v
        LinearGaussianChain d = LinearGaussianChain.of(0, 4, new double[] {2, -0.5}, new double[] {0, 0}, new double[] {0.25, 2});
        double row0 = 0.25 + 4 / 0.25 + 2 / 0.25;
        double row1 = 1 / 0.25 + 0.25 / 2 + 0.5 / 2 + 2 / 0.25;
        double row2 = 1 / 2.0 + 0.5 / 2;
        double trace = 4 + (4 * 4 + 0.25) + (0.25 * (4 * 4 + 0.25) + 2);
        assertThat(d.conditionNumberBound()).isEqualTo(Math.max(row0, Math.max(row1, row2)) * trace);
    }

    @Test
    void expectationMagnitudeIsTheSumOfTheTermsMagnitudes() {
        LinearGaussianChain c = LinearGaussianChain.of(0.5, 2, new double[] {3}, new double[] {-1}, new double[] {0.5});
        // m_0 = 0.5, P_0 = 2; m_1 = 0.5, P_1 = 18.5; E[x0^2] = 2.25, E[x0 x1] = 6.25, E[x1^2] = 18.75
        StepQuadratic q = new StepQuadratic(1, -2, 3, -4, 5, -6);
        double terms = 2.25 - 2 * 6.25 + 3 * 18.75 - 4 * 0.5 + 5 * 0.5 - 6;
        double magnitude = 2.25 + 2 * 6.25 + 3 * 18.75 + 4 * 0.5 + 5 * 0.5 + 6;
        assertThat(c.expectation(q)).isEqualTo(terms);
        assertThat(c.expectationMagnitude(q)).isEqualTo(magnitude);
        assertThat(c.expectationMagnitude(new StepQuadratic[] {null})).isZero();
    }

    @Test
    void aKnownStartAndTheAccessors() {
        LinearGaussianChain c = LinearGaussianChain.of(0.5, 0, new double[] {3, 1}, new double[] {-1, 2}, new double[] {0.5, 4});
        assertThat(c.variance(0)).isZero();
        assertThat(c.variance(1)).isEqualTo(0.5);
        // P_0 = 0: the density of x_{1:T} given x_0, without a first factor
        double given = StepQuadratic.logNormalStep(3, -1, 0.5).value(0.5, 1) + StepQuadratic.logNormalStep(1, 2, 4).value(1, 2);
        assertThat(c.logDensity(0.5, 1, 2)).isCloseTo(given, Offset.offset(1e-15));
        assertThat(c.gain(2)).isEqualTo(1);
        assertThat(c.offset(2)).isEqualTo(2);
        assertThat(c.noiseVariance(1)).isEqualTo(0.5);
        assertThat(c).hasToString("LinearGaussianChain[T=2, x0 ~ N(0.5, 0.0)]");
        refuses(() -> c.gain(0), "t: expected a timestep in 1..2, got 0");
        refuses(() -> c.mean(3), "t: expected a timestep in 0..2, got 3");
        refuses(() -> c.logDensity(1, 2), "path: expected 3 entries (one per step), got 2");
        refuses(() -> LinearGaussianChain.of(0, -1, new double[] {1}, new double[] {0}, new double[] {1}),
            "initialVariance: expected a finite variance >= 0, got -1.0");
        refuses(() -> LinearGaussianChain.of(0, Double.POSITIVE_INFINITY, new double[] {1}, new double[] {0}, new double[] {1}),
            "initialVariance: expected a finite variance >= 0, got Infinity");
        refuses(() -> LinearGaussianChain.of(0, 1, new double[] {Double.NaN}, new double[] {0}, new double[] {1}),
            "gains[0]: expected a finite number, got NaN");
    }

    @Test
    void aPathFunctionalFromThreeParts() {
        PathFunctional f = PathFunctional.of((t, from, to) -> 10 * t + from - to, x0 -> 100 + x0, xT -> 1000 + xT);
        assertThat(f.step(2, 1, 0)).isEqualTo(21);
        assertThat(f.start(1)).isEqualTo(101);
        assertThat(f.end(1)).isEqualTo(1001);
        PathFunctional steps = (t, from, to) -> t;
        assertThat(steps.start(1)).isZero();
        assertThat(steps.end(1)).isZero();
        // E[start + steps + end] over F by enumeration: 100 + E[x0] + (10 + 20) + E[x0 - x2] ... checked against the DP
        assertThat(F.expectation(f)).isCloseTo(PathEnumeration.expectation(F, f), Offset.offset(1e-12));
    }

    /** Conditioning on x_time = state is Bayes' rule on every path, also where some rows cannot reach the state. */
    @Test
    void conditioningOnAStateIsBayesRuleOnEveryPath() {
        double[][] q1 = {{0.5, 0.5, 0}, {0, 0.25, 0.75}, {0, 0, 1}};
        double[][] q2 = {{0.1, 0.2, 0.7}, {0.6, 0.4, 0}, {0, 0, 1}};
        FiniteChain c = FiniteChain.of(new double[] {0.3, 0.3, 0.4}, q1, q2, q1);
        for (int time = 0; time <= 3; time++) {
            for (int state = 0; state < 3; state++) {
                double mass = c.marginal(time)[state];
                if (mass == 0) {
                    continue;
                }
                FiniteChain g = c.given(time, state);
                int tt = time;
                int st = state;
                PathEnumeration.forEachPath(3, 3, path -> {
                    double expected = path[tt] == st ? c.probability(path) / mass : 0;
                    assertThat(g.probability(path)).as("time %d, state %d, path %s", tt, st, java.util.Arrays.toString(path))
                        .isCloseTo(expected, Offset.offset(1e-15));
                });
            }
        }
    }

    @Test
    void enumerationStopsAtTwoToThe22Paths() {
        long[] count = {0};
        PathEnumeration.forEachPath(4, 10, path -> count[0]++);
        assertThat(count[0]).isEqualTo(PathEnumeration.MAX_PATHS);
        assertThatThrownBy(() -> PathEnumeration.forEachPath(2, 22, path -> { })).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("4194304");
    }

    private static void refuses(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
