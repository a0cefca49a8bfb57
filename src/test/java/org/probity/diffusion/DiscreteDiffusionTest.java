package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.probity.assertions.ProbityAssertions;
import org.probity.chain.FiniteChain;
import org.probity.chain.PathEnumeration;
import org.probity.chain.ReverseChain;
import org.probity.chain.VariationalBound;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;
import org.probity.math.Ulps;

class DiscreteDiffusionTest {
    private static final Tolerance SUM_RULE = Tolerance.ulps(16).or(Tolerances.roundedSum(64, 1))
        .named("compensated sums: 16 ulps, or 64 u absolute near 0");

    /**
     * ORACLES.md, Austin et al. 2021: under the "jsd" schedule beta_t = 1/(T - t + 1), a token is
     * uncorrupted after t steps with probability 1 - t/T exactly. Reference: the correctly rounded
     * quotient (T - t)/T of two exact integers. Budget: (2 + |log(1 - t/T)|) ulps, the error of
     * exp(sum of log1p) (see the class Javadoc); measured max is printed.
     */
    @Test
    void jsdScheduleKeepsATokenWithProbabilityOneMinusTOverT() {
        long maxUlps = 0;
        double sumSq = 0;
        long n = 0;
        for (int steps : new int[] {1, 2, 3, 10, 50, 1000, 4000}) {
            DiscreteDiffusion d = DiscreteDiffusion.absorbing(3, D3pmSchedules.jsd(steps));
            DiscreteDiffusion u = DiscreteDiffusion.uniform(3, D3pmSchedules.jsd(steps));
            for (int t = 0; t <= steps; t++) {
                double exact = (double) (steps - t) / steps;
                double got = d.keepProbability(t);
                long ulps = Ulps.distance(exact, got);
                if (t < steps) {
                    long budget = 2 + (long) Math.ceil(Math.abs(Math.log(exact)));
                    assertThat(ulps).as("T=%d t=%d: %s vs %s", steps, t, got, exact).isLessThanOrEqualTo(budget);
                    maxUlps = Math.max(maxUlps, ulps);
                    sumSq += (double) ulps * ulps;
                    n++;
                } else {
                    assertThat(got).isZero();
                }
                assertThat(d.cumulative(t)[0][0]).isEqualTo(got);
                assertThat(u.keepProbability(t)).isEqualTo(got);
            }
        }
        System.out.printf("jsd keep probability vs exact 1 - t/T: max %d ulps, RMS %.3f ulps over %d values%n",
            maxUlps, Math.sqrt(sumSq / n), n);
    }

    @Test
    void closedFormCumulativeEqualsComposedSteps() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        for (int trial = 0; trial < 60; trial++) {
            int k = 2 + rng.nextInt(6);
            int steps = 1 + rng.nextInt(6);
            double[] betas = new double[steps];
            for (int t = 0; t < steps; t++) {
                betas[t] = rng.nextInt(5) == 0 ? 1.0 : Math.max(Double.MIN_NORMAL, rng.nextDouble());
            }
            for (DiscreteDiffusion.Family f : DiscreteDiffusion.Family.values()) {
                DiscreteDiffusion d = DiscreteDiffusion.create(f, k, betas);
                FiniteChain c = d.forwardChain(uniform(k));
                for (int t = 0; t <= steps; t++) {
                    double[][] closed = d.cumulative(t);
                    double[][] composed = c.transitionProduct(0, t);
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            ProbityAssertions.assertThat(closed[i][j])
                                .as("%s Q̄_%d[%d][%d], closed form vs composed", f, t, i, j)
                                .isCloseTo(composed[i][j], SUM_RULE);
                        }
                    }
                }
                for (int t = 1; t <= steps; t++) {
                    int x0 = rng.nextInt(k);
                    double[] reach = d.cumulativeRow(t, x0);
                    for (int xt = 0; xt < k; xt++) {
                        if (reach[xt] > 0) {
                            double[] a = d.posterior(t, x0, xt);
                            double[] b = c.startingAt(x0).given(t, xt).marginal(t - 1);
                            for (int i = 0; i < k; i++) {
                                ProbityAssertions.assertThat(a[i]).isCloseTo(b[i], SUM_RULE);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void discretizedGaussianIsSymmetricDoublyStochasticAndMatchesTheFormula() {
        DiscreteDiffusion d = DiscreteDiffusion.discretizedGaussian(5, new double[] {0.5});
        double[][] q = d.transition(1);
        // off-diagonal: exp(-4 n^2 / (16 * 0.5)) / sum_{n=-4}^{4} exp(-n^2 / 2)
        double z = 1;
        for (int n = 1; n <= 4; n++) {
            z += 2 * Math.exp(-n * n / 2.0);
        }
        assertThat(q[0][2]).isCloseTo(Math.exp(-2.0) / z, org.assertj.core.data.Offset.offset(0x1p-52));
        for (int i = 0; i < 5; i++) {
            double row = 0;
            double col = 0;
            for (int j = 0; j < 5; j++) {
                assertThat(q[i][j]).isEqualTo(q[j][i]);
                row += q[i][j];
                col += q[j][i];
            }
            assertThat(row).isCloseTo(1, org.assertj.core.data.Offset.offset(0x1p-50));
            assertThat(col).isCloseTo(1, org.assertj.core.data.Offset.offset(0x1p-50));
        }
    }

    @Test
    void x0ParameterisedBoundEqualsTheBoundOfItsMatricesAndEnumeration() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(6);
        for (int trial = 0; trial < 40; trial++) {
            int k = 2 + rng.nextInt(3);
            int steps = 1 + rng.nextInt(3);
            double[] betas = D3pmSchedules.linear(steps, 0.1 + 0.5 * rng.nextDouble(), 1.0);
            for (DiscreteDiffusion.Family f : DiscreteDiffusion.Family.values()) {
                DiscreteDiffusion d = DiscreteDiffusion.create(f, k, betas);
                double[][][] table = new double[steps][k][];
                for (int t = 0; t < steps; t++) {
                    for (int x = 0; x < k; x++) {
                        table[t][x] = randomVector(rng, k);
                    }
                }
                for (D3pmReverseModel.Form form : D3pmReverseModel.Form.values()) {
                    D3pmReverseModel p = D3pmReverseModel.x0Parameterised(d, uniform(k),
                        (t, xt, out) -> System.arraycopy(table[t - 1][xt], 0, out, 0, k), form);
                    double[][][] mats = new double[steps][][];
                    for (int t = 1; t <= steps; t++) {
                        mats[t - 1] = p.transition(t);
                    }
                    ReverseChain chain = ReverseChain.of(uniform(k), mats);
                    double[] q0 = randomVector(rng, k);
                    VariationalBound b = d.bound(q0, p);
                    FiniteChain fwd = d.forwardChain(q0);
                    for (int x0 = 0; x0 < k; x0++) {
                        double en = PathEnumeration.vlb(fwd, chain, x0);
                        if (Double.isInfinite(en)) {
                            assertThat(b.vlb(x0)).isEqualTo(en);
                            assertThat(b.decomposedVlb(x0)).isEqualTo(en);
                            continue;
                        }
                        Tolerance tol = Tolerances.roundedSum(32.0 * (steps + 1) * k * k, Math.abs(en)).named("32 (T+1) K^2 roundings x magnitude");
                        ProbityAssertions.assertThat(b.vlb(x0)).as("%s %s x0=%d", f, form, x0).isCloseTo(en, tol);
                        ProbityAssertions.assertThat(b.decomposedVlb(x0)).isCloseTo(en, tol);
                    }
                }
            }
        }
    }

    @Test
    void validationNamesTheParameter() {
        assertThatThrownBy(() -> DiscreteDiffusion.uniform(1, new double[] {0.5}))
            .hasMessage("states: expected an integer >= 2 for the UNIFORM family, got 1");
        assertThatThrownBy(() -> DiscreteDiffusion.absorbing(3, new double[] {0.5, Double.NaN}))
            .hasMessage("betas[1]: expected a number in (0, 1], got NaN");
        assertThatThrownBy(() -> DiscreteDiffusion.absorbing(3, new double[0]))
            .hasMessage("betas: expected a non-empty array, got an empty array");
        assertThatThrownBy(() -> D3pmSchedules.jsd(0)).hasMessage("steps: expected an integer >= 1, got 0");
        assertThatThrownBy(() -> DiscreteDiffusion.discretizedGaussian(3, new double[] {0.5}).keepProbability(1))
            .isInstanceOf(IllegalStateException.class);
        assertThat(D3pmSchedules.cosine(1000)[999]).isEqualTo(0.999);
        assertThat(D3pmSchedules.jsd(4)).containsExactly(0.25, 1.0 / 3, 0.5, 1.0);
    }

    static double[] uniform(int k) {
        double[] u = new double[k];
        java.util.Arrays.fill(u, 1.0 / k);
        return u;
    }

    static double[] randomVector(UniformRandomProvider rng, int k) {
        double[] v = new double[k];
        double s = 0;
        for (int i = 0; i < k; i++) {
            v[i] = rng.nextInt(4) == 0 ? 0 : rng.nextDouble();
            s += v[i];
        }
        if (s == 0) {
            v[0] = 1;
            s = 1;
        }
        for (int i = 0; i < k; i++) {
            v[i] /= s;
        }
        return v;
    }
}
