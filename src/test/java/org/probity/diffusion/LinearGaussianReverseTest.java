package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.probity.chain.LinearGaussianChain;

/**
 * A linear-Gaussian reverse process \( p(x_{t-1} \mid x_t) = \mathcal N(g_t x_t + h_t, e^{\lambda_t}) \) with
 * dyadic coefficients: its mean and variance per dimension, its chain in reverse time (step k is t = T - k + 1,
 * so the chain's means are the reverse process's means propagated from the prior), the true reverse of a
 * data Gaussian whose marginals are the forward marginals, and every bad argument named.
 */
class LinearGaussianReverseTest {
    private static final LinearGaussianReverse R = LinearGaussianReverse.of(new double[] {0.5, 2, -1}, new double[] {0.25, -1, 3},
        new double[] {Math.log(0.5), 0, Math.log(4)}, 1.5, 0.25);

    @Test
    void meansAndVariancesPerDimension() {
        assertThat(R.steps()).isEqualTo(3);
        assertThat(R.mean(2, new double[] {1, -0.5})).containsExactly(2 * 1 - 1, 2 * -0.5 - 1);
        assertThat(R.mean(1, new double[] {4})).containsExactly(0.5 * 4 + 0.25);
        assertThat(R.logVariance(3, new double[] {0, 0})).containsExactly(Math.log(4), Math.log(4));
        assertThat(R.gain(3)).isEqualTo(-1);
        assertThat(R.offset(3)).isEqualTo(3);
        assertThat(R.logVariance(1)).isEqualTo(Math.log(0.5));
        assertThat(R.priorMean()).isEqualTo(1.5);
        assertThat(R.priorVariance()).isEqualTo(0.25);
        assertThat(R).hasToString("LinearGaussianReverse[T=3, prior N(1.5, 0.25)]");
    }

    @Test
    void itsChainRunsFromTheBackFromThePrior() {
        LinearGaussianChain c = R.asChain();
        // x_3 ~ N(1.5, 0.25); x_2 = -x_3 + 3 + N(0, 4); x_1 = 2 x_2 - 1 + N(0, 1); x_0 = x_1 / 2 + 1/4 + N(0, 1/2)
        assertThat(c.mean(0)).isEqualTo(1.5);
        assertThat(c.mean(1)).isEqualTo(1.5);
        assertThat(c.variance(1)).isCloseTo(0.25 + 4, Offset.offset(1e-15));
        assertThat(c.mean(2)).isEqualTo(2);
        assertThat(c.variance(2)).isCloseTo(4 * 4.25 + 1, Offset.offset(1e-14));
        assertThat(c.mean(3)).isEqualTo(1.25);
        assertThat(c.variance(3)).isCloseTo(18.0 / 4 + 0.5, Offset.offset(1e-14));
    }

    /** The true reverse of x_0 ~ N(m, v): run from q(x_T), its marginals are q's marginals. */
    @Test
    void theTrueReverseHasTheForwardMarginals() {
        NoiseSchedule s = NoiseSchedule.of(0.1, 0.2, 0.3);
        LinearGaussianReverse r = LinearGaussianReverse.trueReverse(s, 0.75, 2);
        LinearGaussianChain forward = GaussianDiffusion.of(s).forwardChain(0.75, 2);
        LinearGaussianChain back = r.asChain();
        for (int t = 0; t <= 3; t++) {
            assertThat(back.mean(3 - t)).as("mean at t = %d", t).isCloseTo(forward.mean(t), Offset.offset(1e-14));
            assertThat(back.variance(3 - t)).as("variance at t = %d", t).isCloseTo(forward.variance(t), Offset.offset(1e-14));
        }
        assertThatThrownBy(() -> LinearGaussianReverse.trueReverse(s, 0, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("dataVariance: expected a finite number > 0, got 0.0");
        assertThatThrownBy(() -> LinearGaussianReverse.trueReverse(s, 0, Double.POSITIVE_INFINITY))
            .hasMessage("dataVariance: expected a finite number > 0, got Infinity");
    }

    @Test
    void badArgumentsAreNamed() {
        double[] one = {1};
        refuses(() -> LinearGaussianReverse.of(one, new double[2], one, 0, 1), "offsets: expected 1 entries (one per step), got 2");
        refuses(() -> LinearGaussianReverse.of(one, one, new double[0], 0, 1), "logVariances: expected 1 entries (one per step), got 0");
        refuses(() -> LinearGaussianReverse.of(new double[] {Double.NaN}, one, one, 0, 1), "gains[0]: expected a finite number, got NaN");
        refuses(() -> LinearGaussianReverse.of(one, new double[] {Double.NEGATIVE_INFINITY}, one, 0, 1),
            "offsets[0]: expected a finite number, got -Infinity");
        refuses(() -> LinearGaussianReverse.of(new double[0], new double[0], new double[0], 0, 1),
            "gains: expected >= 1 entries (one per step), got 0");
        refuses(() -> LinearGaussianReverse.of(one, one, one, Double.NaN, 1), "priorMean: expected a finite number, got NaN");
        refuses(() -> LinearGaussianReverse.of(one, one, one, 0, 0), "priorVariance: expected a finite number > 0, got 0.0");
        refuses(() -> LinearGaussianReverse.of(one, one, one, 0, Double.POSITIVE_INFINITY),
            "priorVariance: expected a finite number > 0, got Infinity");
        // the arrays are copied
        double[] g = {1};
        LinearGaussianReverse r = LinearGaussianReverse.of(g, one, one, 0, 1);
        g[0] = 5;
        assertThat(r.gain(1)).isEqualTo(1);
    }

    private static void refuses(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
