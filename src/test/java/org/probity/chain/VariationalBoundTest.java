package org.probity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.probity.assertions.ProbityAssertions;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;
import org.probity.math.Ulps;

class VariationalBoundTest {
    private static final long SEED = 977L;

    /** Rule for sums of about (T+1) K^2 log-ratio terms of magnitude m: 32 roundings per term of the magnitude. */
    private static Tolerance rule(int k, int steps, double magnitude) {
        return Tolerances.roundedSum(32.0 * (steps + 1) * k * k, magnitude)
            .named("32 (T+1) K^2 roundings x magnitude");
    }

    @Test
    void directDecomposedAndEnumeratedVlbAgree() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        long maxUlpsEnum = 0;
        long maxUlpsDecomp = 0;
        int finite = 0;
        for (int trial = 0; trial < 300; trial++) {
            int k = 2 + rng.nextInt(4);
            int steps = 1 + rng.nextInt(4);
            FiniteChain q = RandomChains.chain(rng, k, steps, 0.3);
            ReverseChain p = RandomChains.reverse(rng, k, steps, trial % 3 == 0 ? 0.2 : 0.0);
            VariationalBound b = VariationalBound.of(q, p);
            for (int x0 = 0; x0 < k; x0++) {
                double direct = b.vlb(x0);
                double enumerated = PathEnumeration.vlb(q, p, x0);
                double decomposed = b.decomposedVlb(x0);
                if (Double.isInfinite(enumerated)) {
                    assertThat(direct).isEqualTo(Double.POSITIVE_INFINITY);
                    assertThat(decomposed).isEqualTo(Double.POSITIVE_INFINITY);
                    continue;
                }
                finite++;
                double mag = NeumaierSum.sum(b.terms(x0)) + Math.abs(enumerated);
                Tolerance tol = rule(k, steps, mag);
                ProbityAssertions.assertThat(direct).as("direct DP vs enumeration").isCloseTo(enumerated, tol);
                ProbityAssertions.assertThat(decomposed).as("decomposed vs enumeration").isCloseTo(enumerated, tol);
                maxUlpsEnum = Math.max(maxUlpsEnum, Ulps.distance(enumerated, direct));
                maxUlpsDecomp = Math.max(maxUlpsDecomp, Ulps.distance(direct, decomposed));
                double logLik = b.logLikelihood(x0);
                ProbityAssertions.assertThat(b.elbo(x0)).as("ELBO <= log p(x_0)").isAtMost(logLik, tol);
                // gap = KL(q(x_{1:T} | x_0) || p(x_{1:T} | x_0)) by time reversal + conditioning + chain rule
                double gap = logLik - b.elbo(x0);
                double kl = q.startingAt(x0).klDivergence(p.forwardTime().given(0, x0));
                ProbityAssertions.assertThat(gap).as("log p - ELBO vs KL").isCloseTo(kl, tol);
            }
            double total = b.totalVlb();
            ProbityAssertions.assertThat(b.crossEntropy()).as("L_CE <= L_VLB").isAtMost(total, rule(k, steps, Math.abs(total)));
        }
        assertThat(finite).isGreaterThan(300);
        System.out.printf("VariationalBoundTest: direct DP vs enumeration max %d ulps; direct vs decomposed max %d ulps (%d finite cases)%n",
            maxUlpsEnum, maxUlpsDecomp, finite);
    }

    @Test
    void boundIsTightForTheTrueReverseProcess() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 1);
        for (int trial = 0; trial < 100; trial++) {
            int k = 2 + rng.nextInt(5);
            int steps = 1 + rng.nextInt(5);
            FiniteChain q = RandomChains.chain(rng, k, steps, 0.3);
            VariationalBound b = VariationalBound.of(q, ReverseChain.trueReverse(q));
            double[] q0 = q.initial();
            for (int x0 = 0; x0 < k; x0++) {
                if (q0[x0] == 0) {
                    continue;
                }
                double logQ0 = Math.log(q0[x0]);
                Tolerance tol = rule(k, steps, Math.abs(logQ0) + NeumaierSum.sum(b.terms(x0)));
                ProbityAssertions.assertThat(b.logLikelihood(x0)).isCloseTo(logQ0, tol);
                ProbityAssertions.assertThat(b.elbo(x0)).as("ELBO vs log q(x_0)").isCloseTo(logQ0, tol);
            }
        }
    }

    @Test
    void edgeCasesOfSupport() {
        // q moves 0 -> 1 surely; p forbids x_0 = 0 from x_1 = 1: the bound at x_0 = 0 is +inf
        double[][] q1 = {{0, 1}, {0.5, 0.5}};
        FiniteChain q = FiniteChain.of(new double[] {0.5, 0.5}, q1);
        ReverseChain p = ReverseChain.of(new double[] {0.5, 0.5}, new double[][] {{1, 0}, {0, 1}});
        VariationalBound b = VariationalBound.of(q, p);
        assertThat(b.vlb(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.reconstructionTerm(0)).isEqualTo(Double.POSITIVE_INFINITY);
        // x_0 = 1: q(x_1 | 1) = (1/2, 1/2); p(x_0 = 1 | x_1 = 0) = 0 -> +inf as well
        assertThat(b.vlb(1)).isEqualTo(Double.POSITIVE_INFINITY);
        // zeros in q where p is positive contribute 0: q stays put, p is uniform
        FiniteChain stay = FiniteChain.of(new double[] {1, 0}, new double[][] {{1, 0}, {0, 1}});
        ReverseChain uniform = ReverseChain.of(new double[] {0.5, 0.5}, new double[][] {{0.5, 0.5}, {0.5, 0.5}});
        VariationalBound u = VariationalBound.of(stay, uniform);
        assertThat(u.vlb(0)).isEqualTo(2 * Math.log(2), org.assertj.core.data.Offset.offset(0x1p-51));
        assertThat(u.totalVlb()).isEqualTo(u.vlb(0));
        assertThat(u.crossEntropy()).isEqualTo(Math.log(2), org.assertj.core.data.Offset.offset(0x1p-52));
        assertThat(u.priorTerm(0)).isEqualTo(Math.log(2), org.assertj.core.data.Offset.offset(0x1p-52));
        assertThatThrownBy(() -> VariationalBound.of(FiniteChain.of(new double[] {1}), ReverseChain.of(new double[] {1})))
            .hasMessage("forward: expected at least 1 step, got 0");
        assertThatThrownBy(() -> u.denoisingTerm(1, 0)).hasMessage("t: expected an integer in [2, 1], got 1");
    }
}
