package org.probity.identities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
    }
}
