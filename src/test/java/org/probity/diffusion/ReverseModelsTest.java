package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The three parameterisations of the reverse mean (Ho et al. 2020, eqs. 7 and 11) describe one model when
 * their predictions are consistent: for a data prediction \( \hat x_0 \), the noise prediction
 * \( \hat\epsilon = (x_t - \sqrt{\bar\alpha_t}\hat x_0)/\sqrt{1 - \bar\alpha_t} \) gives the same mean
 * \( \tilde\mu_t(x_t, \hat x_0) \), and the mean predictor returns it as given; the variances are the
 * chosen {@link ReverseVariance} per dimension; shapes and the interpolation argument are checked.
 * Schedule β = (0.1, 0.2, 0.3): ᾱ = (0.9, 0.72, 0.504). Allowance: 16 roundings of the largest term.
 */
class ReverseModelsTest {
    private static final NoiseSchedule S = NoiseSchedule.of(0.1, 0.2, 0.3);
    private static final Offset<Double> CLOSE = Offset.offset(16 * 0x1.0p-53 * 4);
    private static final double[] X0_HAT = {0.5, -1.25};

    private static double[] epsFromX0(int t, double[] xt) {
        double[] e = new double[xt.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = (xt[i] - Math.sqrt(S.alphaBar(t)) * X0_HAT[i]) / Math.sqrt(1 - S.alphaBar(t));
        }
        return e;
    }

    /** \( \tilde\mu_t = \frac{\sqrt{\bar\alpha_{t-1}}\beta_t}{1 - \bar\alpha_t} x_0 + \frac{\sqrt{\alpha_t}(1 - \bar\alpha_{t-1})}{1 - \bar\alpha_t} x_t \). */
    private static double posteriorMean(int t, double x0, double xt) {
        double abPrev = t == 1 ? 1 : S.alphaBar(t - 1);
        double ab = S.alphaBar(t);
        return Math.sqrt(abPrev) * S.beta(t) / (1 - ab) * x0 + Math.sqrt(1 - S.beta(t)) * (1 - abPrev) / (1 - ab) * xt;
    }

    @Test
    void epsilonAndDataPredictionsGiveThePosteriorMean() {
        ReverseModel byX0 = ReverseModels.x0(S, (t, xt) -> X0_HAT.clone(), ReverseVariance.FIXED_SMALL, null);
        ReverseModel byEps = ReverseModels.epsilon(S, ReverseModelsTest::epsFromX0, ReverseVariance.FIXED_SMALL, null);
        double[] xt = {0.3, 2};
        for (int t = 1; t <= 3; t++) {
            double[] a = byX0.mean(t, xt);
            double[] b = byEps.mean(t, xt);
            for (int i = 0; i < 2; i++) {
                double expected = posteriorMean(t, X0_HAT[i], xt[i]);
                assertThat(a[i]).as("x0-parameterised, t = %d", t).isCloseTo(expected, CLOSE);
                assertThat(b[i]).as("eps-parameterised, t = %d", t).isCloseTo(expected, CLOSE);
            }
        }
        ReverseModel byMean = ReverseModels.mean(S, (t, x) -> new double[] {t, -t}, ReverseVariance.FIXED_LARGE, null);
        assertThat(byMean.mean(2, xt)).containsExactly(2, -2);
    }

    @Test
    void logVariancesAreTheChosenVariancePerDimension() {
        double[] xt = {0.3, 2};
        ReverseModel small = ReverseModels.mean(S, (t, x) -> x, ReverseVariance.FIXED_SMALL, null);
        ReverseModel large = ReverseModels.mean(S, (t, x) -> x, ReverseVariance.FIXED_LARGE, null);
        ReverseModel learned = ReverseModels.mean(S, (t, x) -> x, ReverseVariance.LEARNED, (t, x) -> new double[] {0, 1});
        for (int t = 2; t <= 3; t++) {
            assertThat(small.logVariance(t, xt)).containsExactly(S.logPosteriorVariance(t), S.logPosteriorVariance(t));
            assertThat(large.logVariance(t, xt)).containsExactly(Math.log(S.beta(t)), Math.log(S.beta(t)));
            assertThat(learned.logVariance(t, xt)).containsExactly(S.logPosteriorVariance(t), Math.log(S.beta(t)));
        }
    }

    @Test
    void shapesAndTheInterpolationArgumentAreChecked() {
        double[] xt = {0.3, 2};
        ReverseModel wrong = ReverseModels.x0(S, (t, x) -> new double[] {1}, ReverseVariance.FIXED_SMALL, null);
        assertThatThrownBy(() -> wrong.mean(1, xt)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("x0: expected 2 entries (one per dimension), got 1");
        ReverseModel wrongEps = ReverseModels.epsilon(S, (t, x) -> new double[3], ReverseVariance.FIXED_SMALL, null);
        assertThatThrownBy(() -> wrongEps.mean(1, xt)).hasMessage("eps: expected 2 entries (one per dimension), got 3");
        ReverseModel wrongMean = ReverseModels.mean(S, (t, x) -> new double[0], ReverseVariance.FIXED_SMALL, null);
        assertThatThrownBy(() -> wrongMean.mean(1, xt)).hasMessage("mean: expected 2 entries (one per dimension), got 0");
        ReverseModel wrongV = ReverseModels.mean(S, (t, x) -> x, ReverseVariance.LEARNED, (t, x) -> new double[1]);
        assertThatThrownBy(() -> wrongV.logVariance(1, xt)).hasMessage("interpolation: expected 2 entries (one per dimension), got 1");
        assertThatThrownBy(() -> ReverseModels.mean(S, (t, x) -> x, ReverseVariance.LEARNED, null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("interpolation: expected a predictor for LEARNED variance and null otherwise, got LEARNED with null");
        assertThatThrownBy(() -> ReverseModels.epsilon(S, (t, x) -> x, ReverseVariance.FIXED_SMALL, (t, x) -> x))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(
                "interpolation: expected a predictor for LEARNED variance and null otherwise, got FIXED_SMALL with ");
        assertThatThrownBy(() -> ReverseModels.x0(S, null, ReverseVariance.FIXED_SMALL, null)).isInstanceOf(NullPointerException.class)
            .hasMessage("x0");
        assertThatThrownBy(() -> ReverseModels.epsilon(S, null, ReverseVariance.FIXED_SMALL, null)).hasMessage("eps");
        assertThatThrownBy(() -> ReverseModels.mean(null, (t, x) -> x, ReverseVariance.FIXED_SMALL, null)).hasMessage("schedule");
        assertThatThrownBy(() -> ReverseModels.mean(S, (t, x) -> x, null, null)).hasMessage("variance");
    }
}
