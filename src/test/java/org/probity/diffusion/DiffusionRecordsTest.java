package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.divergence.MonteCarlo;

/**
 * The small pieces around the Gaussian VLB: the terms' total and bits per dimension (dyadic terms,
 * exact sums), the Monte Carlo sample size as the z-test's at power 1/2 with at least two samples, the
 * coverage rule at its edge, and the three reverse variances of Ho et al. (2020, §3.2) and Nichol &amp;
 * Dhariwal (2021, eq. 15) including the clipped first step of the reference code.
 */
class DiffusionRecordsTest {
    @Test
    void vlbTermsSumToTheTotalAndConvertToBitsPerDimension() {
        VlbTerms t = new VlbTerms(0.5, new double[] {0.25, 0.125}, 1, 3);
        assertThat(t.total()).isEqualTo(1.875);
        assertThat(t.bitsPerDim()).isEqualTo(1.875 / (3 * Math.log(2)));
        // the terms are copied both ways
        double[] steps = {1, 2};
        VlbTerms u = new VlbTerms(0, steps, 0, 1);
        steps[0] = 100;
        assertThat(u.stepTerms()).containsExactly(1, 2);
        u.stepTerms()[1] = 100;
        assertThat(u.total()).isEqualTo(3.0);
        // compensated: 1e16 + 1 - 1e16 + 1 = 2
        assertThat(new VlbTerms(1e16, new double[] {1, -1e16}, 1, 1).total()).isEqualTo(2.0);
    }

    @Test
    void monteCarloSampleSizeIsTheZTestsAtPowerOneHalf() {
        // z_{alpha/2} at alpha = 1e-9 is 6.1094; power 1/2 adds z_{1/2} = 0: n = ceil(6.1094^2 / 1) = 38
        assertThat(MonteCarloVlb.samplesFor(1e-9, 1, 1)).isEqualTo(38);
        assertThat(MonteCarloVlb.samplesFor(1e-9, 0.5, 2)).isEqualTo((int) MonteCarlo.normalSampleSize(1e-9, 0.5, 0.25));
        assertThat(MonteCarloVlb.samplesFor(1e-9, 0.5, 2)).isEqualTo(598);
        // never fewer than two (a standard error needs two samples), never more than an int holds
        assertThat(MonteCarloVlb.samplesFor(0.5, 100, 1)).isEqualTo(2);
        assertThat(MonteCarloVlb.samplesFor(1e-9, 1e-10, 1)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void anEstimateCoversWithinItsHalfWidthInclusive() {
        MonteCarloVlb m = new MonteCarloVlb(1.0, 0.25, 0.1, 10, 1e-9);
        assertThat(m.covers(1.25)).isTrue();
        assertThat(m.covers(0.75)).isTrue();
        assertThat(m.covers(Math.nextUp(1.25))).isFalse();
        assertThat(m.covers(Math.nextDown(0.75))).isFalse();
    }

    @Test
    void theThreeReverseVariances() {
        NoiseSchedule s = NoiseSchedule.of(0.1, 0.2, 0.3);
        for (int t = 1; t <= 3; t++) {
            double small = t == 1 ? s.logPosteriorVariance(2) : s.logPosteriorVariance(t);
            double large = t == 1 ? small : Math.log(s.beta(t));
            assertThat(ReverseVariance.FIXED_SMALL.logVariance(s, t, 0.7)).as("t = %d", t).isEqualTo(small);
            assertThat(ReverseVariance.FIXED_LARGE.logVariance(s, t, 0.7)).as("t = %d", t).isEqualTo(large);
            // learned interpolation v log beta_t + (1 - v) log beta~_t: the ends are the two fixed choices at t > 1
            assertThat(ReverseVariance.LEARNED.logVariance(s, t, 0)).isEqualTo(small);
            assertThat(ReverseVariance.LEARNED.logVariance(s, t, 1)).isEqualTo(Math.log(s.beta(t)));
            assertThat(ReverseVariance.LEARNED.logVariance(s, t, 0.25))
                .isCloseTo(0.25 * Math.log(s.beta(t)) + 0.75 * small, org.assertj.core.data.Offset.offset(1e-15));
        }
        // beta~_1 = 0: with one step there is no beta~_2 to clip to, and log beta_1 stands in
        NoiseSchedule one = NoiseSchedule.of(0.1);
        assertThat(ReverseVariance.FIXED_SMALL.logVariance(one, 1, 0)).isEqualTo(Math.log(0.1));
        assertThat(ReverseVariance.FIXED_LARGE.logVariance(one, 1, 0)).isEqualTo(Math.log(0.1));
        // beta~_2 = beta_2 (1 - alphaBar_1) / (1 - alphaBar_2) = 0.2 * 0.1 / (1 - 0.9 * 0.8)
        assertThat(ReverseVariance.FIXED_SMALL.logVariance(s, 1, 0))
            .isCloseTo(Math.log(0.2 * 0.1 / (1 - 0.9 * 0.8)), org.assertj.core.data.Offset.offset(4e-16 * 3));
    }
}
