package org.probity.identities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.chain.FiniteChain;
import org.probity.chain.ReverseChain;
import org.probity.check.Verdict;
import org.probity.diffusion.NoiseSchedule;
import org.probity.divergence.Divergences;

/**
 * The false alarms that {@code probity verify --tries 1000} raised on Probity's own catalog (issue
 * 11), each on the instance that raised it: a correct implementation must pass.
 */
class FalseAlarmTest {
    @Test
    void pinskerOnAVectorThatSumsToOnePlusTwoToTheMinus54() {
        // verify --seed 3: KL = 0 against a bound of 1.5e-33 with a tolerance of 1e-47, because the
        // rounded sum of q hid its normalisation error of 2^-54
        var pair = new org.probity.identities.gen.DivergenceGens.CategoricalPair(new double[] {0, 1}, new double[] {0x1.0p-54, 1});
        Verdict v = DivergenceIdentities.of(Divergences.library()).pinsker(pair);
        assertThat(v.passed()).as(v.render()).isTrue();
        assertThat(v.lhs()).isZero();
        assertThat(v.allowance()).isGreaterThanOrEqualTo(v.difference()).isLessThan(1e-15);
    }

    @Test
    void composedStepsWhereAlphaBarIsBelowTheNormalRange() {
        // verify --seed 4: a respaced schedule whose two betas round to 1.0 (alpha = 1e-155 each), so
        // abar_2 = 1e-310 is subnormal; the mean sqrt(abar_2) x_0 = 1e-155 is off by 16 ulps in an
        // implementation that forms abar_2 before its square root
        double[] betas = new double[310];
        java.util.Arrays.fill(betas, 0.9);
        NoiseSchedule s = NoiseSchedule.of(betas).respace(155, 310);
        assertThat(s.betas()).containsExactly(1.0, 1.0);
        assertThat(s.alphaBar(2)).isLessThan(Double.MIN_NORMAL).isPositive();
        Verdict v = GaussianDiffusionIdentities.of(GaussianDiffusionCalculus.library()).composedStepsVerdict(s, 1.0);
        assertThat(v.passed()).as(v.render()).isTrue();
        // an implementation that forms abar_t in binary64 first, as sqrt(alphas_cumprod) does, is
        // correct too: its 2^-1075 absolute error in abar_2 is a relative error the rule allows
        GaussianDiffusionCalculus roundsAlphaBar = new LibraryGaussianDiffusionCalculus() {
            @Override
            public double marginalMean(NoiseSchedule sch, int t, double x0) {
                return Math.sqrt(sch.alphaBar(t)) * x0;
            }
        };
        Verdict t = GaussianDiffusionIdentities.of(roundsAlphaBar).composedStepsVerdict(s, 1.0);
        assertThat(t.passed()).as(t.render()).isTrue();
        assertThat(Math.abs(t.lhs() - t.rhs()) / t.rhs()).isGreaterThan(16 * 0x1.0p-53);
    }

    @Test
    void enumerationSeesAPathWhoseProbabilityUnderflows() {
        // verify --seed 11: q takes x_0 = 0, x_1 = 1, x_2 = 0 with probability about 1e-324, which
        // underflows to 0, and p forbids it (P_2[x_2 = 0][x_1 = 1] = 0): VLB(0) is infinite, and the
        // enumeration that decided "q takes it" by the product reported 2.08
        double[][] same = {{1, 0}, {1, 0}};
        double[][] half = {{0.5, 0.5}, {0.5, 0.5}};
        FiniteChain q = FiniteChain.of(new double[] {0, 1}, new double[][][] {{{1 - 0x1.0p-50, 0x1.0p-50}, {0x1.0p-50, 1 - 0x1.0p-50}},
            {{1 - 0x1.0p-1023, 0x1.0p-1023}, {0x1.0p-1023, 1 - 0x1.0p-1023}}, half, half});
        ReverseChain p = ReverseChain.of(new double[] {0.5, 0.5}, new double[][][] {same, {{1, 0}, {0.5, 0.5}}, half, half});
        Enumerated e = new Enumerated(q, p);
        assertThat(e.vlb[0]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(e.magnitude[0]).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void trueReverseProcessWhoseEntryUnderflowsIsOutsideTheTightBoundsDomain() {
        // verify --seed 4 --tries 1000: absorbing, K = 3, beta = [1 - 1.9e-6, 1.5e-300], q(x_0 = 1) = 8.7e-19:
        // q takes x_0 = 1, x_1 = 1, x_2 = 2 with joint probability 2.5e-324, so the true reverse entry
        // p(x_1 = 1 | x_2 = 2) underflows to 0 and VLB(1) is infinite where the exact one is finite; the
        // identity's tolerance was then 0 and L_VLB = L_CE failed by 1.6e-17
        var d = org.probity.diffusion.DiscreteDiffusion.absorbing(3, new double[] {0.9999980926513672, 1.4932217896051502E-300});
        double[] data = {0.9990243902439024, 8.665155314147563E-19, 9.75609756097561E-4};
        var inst = org.probity.identities.gen.D3pmInstance.of(d, data, org.probity.diffusion.D3pmReverseModel.of(d,
            org.probity.chain.ReverseChain.of(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, new double[][][] {
                {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}})), "placeholder").withTrueReverse();
        D3pmIdentities ids = D3pmIdentities.of(new LibraryD3pmCalculus());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ids.tightBoundVerdict(inst))
            .hasMessageContaining("the true reverse process is representable in binary64");
        // a reverse process that forbids a path of normal-range probability is wrong, and still fails
        var wrong = org.probity.identities.gen.D3pmInstance.of(d, new double[] {0.5, 0.25, 0.25}, org.probity.diffusion.D3pmReverseModel.of(d,
            org.probity.chain.ReverseChain.of(new double[] {0, 0, 1}, new double[][][] {
                {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}})), "forbids x_1 = 0 at x_2 = 2");
        Verdict v = ids.tightBoundVerdict(wrong);
        assertThat(v.passed()).as(v.render()).isFalse();
    }

    @Test
    void enumerationWhoseReverseEntryUnderflowsIsNoReferenceForTheVlb() {
        // verify --seed 14 --tries 1000: uniform, K = 3, beta = [4.4e-16, 4.5e-308], x0-parameterised p that
        // always predicts x_0 = 2: q takes x_0 = 2, x_1 = 1, x_2 = 0 with probability 2.2e-324 given x_0, the
        // materialised reverse entry p(x_1 = 1 | x_2 = 0) underflows to 0, and the enumeration's VLB(2) = inf
        // stood against the DP's finite log 3
        var d = org.probity.diffusion.DiscreteDiffusion.uniform(3, new double[] {4.440892098500626E-16, 4.450147717014403E-308});
        org.probity.diffusion.X0Predictor always2 = (t, xt, out) -> {
            out[0] = 0;
            out[1] = 0;
            out[2] = 1;
        };
        var reverse = org.probity.diffusion.D3pmReverseModel.x0Parameterised(d, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, always2,
            org.probity.diffusion.D3pmReverseModel.Form.JOINT);
        var inst = org.probity.identities.gen.D3pmInstance.of(d, new double[] {0, 0, 1}, reverse, "always predicts x_0 = 2");
        D3pmIdentities ids = D3pmIdentities.of(new LibraryD3pmCalculus());
        @SuppressWarnings("unchecked")
        var property = (org.probity.check.Property<org.probity.identities.gen.D3pmInstance>) ids.vlbDecomposition().property();
        org.probity.check.PropertyResult r = property.withExamples(java.util.List.of(inst))
            .check(org.probity.check.RunConfig.defaults().withSeed(1).withTries(1));
        assertThat(r.passed()).as(r.toString()).isTrue();
    }
}
