package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.probity.assertions.ProbityAssertions;
import org.probity.divergence.Estimate;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;

/**
 * Examples and edge cases of {@link LogSnrSchedule}, {@link SnrAffineDenoiser} and {@link VdmLoss}:
 * the exact bad-input messages, the endpoints, the discretisation's link to {@link NoiseSchedule},
 * the O(1/T) bound, and VDM's Wiener-denoiser example in closed form.
 */
class VdmLossTest {
    private static final Tolerance FEW_ULPS = Tolerance.ulps(8).named("8 ulps: a few roundings");

    @Test
    void badInputNamesTheParameterAndTheValue() {
        assertThatThrownBy(() -> LogSnrSchedule.linear(5, -13.3)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("gamma1: expected finite endpoints with gamma0 < gamma1, got gamma0 = 5.0, gamma1 = -13.3");
        assertThatThrownBy(() -> LogSnrSchedule.cosine(Double.NaN, 1)).hasMessageStartingWith("gamma1: expected finite endpoints");
        LogSnrSchedule s = LogSnrSchedule.linear(-13.3, 5);
        assertThatThrownBy(() -> s.snr(1.5)).hasMessage("t: expected a time in [0, 1], got 1.5");
        assertThatThrownBy(() -> s.snr(Double.NaN)).hasMessage("t: expected a time in [0, 1], got NaN");
        assertThatThrownBy(() -> s.snrDecrement(0.5, 0.25)).hasMessage("s: expected 0 <= s <= t <= 1, got s = 0.5, t = 0.25");
        assertThatThrownBy(() -> s.discretize(0)).hasMessage("steps: expected T >= 1, got 0");
        assertThatThrownBy(() -> SnrAffineDenoiser.of(1, 0, new double[] {0}, new double[] {0}))
            .hasMessage("rho: expected a finite number > 0, got 0.0");
        assertThatThrownBy(() -> SnrAffineDenoiser.of(1, 1, new double[] {0}, new double[] {0, 1}))
            .hasMessage("n: expected 1 entries like m, got 2");
        SnrAffineDenoiser f = SnrAffineDenoiser.of(1, 1, new double[] {0}, new double[] {0});
        assertThatThrownBy(() -> VdmLoss.discrete(s, f.inTime(s), new double[] {0}, 0)).hasMessage("steps: expected T >= 1, got 0");
        assertThatThrownBy(() -> VdmLoss.continuous(s, f, new double[] {0, 1})).hasMessage("x: expected 1 entries, got 2");
        assertThatThrownBy(() -> f.integral(new double[] {0}, 2, 1)).hasMessage("v1: expected v0 <= v1, got v0 = 2.0, v1 = 1.0");
    }

    @Test
    void endpointsAreExactAndBothShapesShareThem() {
        for (LogSnrSchedule s : new LogSnrSchedule[] {LogSnrSchedule.linear(-13.3, 5), LogSnrSchedule.cosine(-13.3, 5)}) {
            assertThat(s.gamma(0)).isEqualTo(-13.3);
            assertThat(s.gamma(1)).isEqualTo(5.0);
            assertThat(s.time(-13.3)).isZero();
            assertThat(s.time(5)).isEqualTo(1.0);
            assertThat(s.gammaIncrement(0.3, 0.3)).isZero();
            ProbityAssertions.assertThat(s.alphaSquared(0.4) + s.sigmaSquared(0.4)).isCloseTo(1, FEW_ULPS);
            ProbityAssertions.assertThat(s.time(s.gamma(0.37))).isCloseTo(0.37, Tolerance.ulps(64).named("64 ulps: inverse of a map"));
            assertThat(s.gammaDerivative(0.5)).isPositive();
        }
    }

    /** discretize(T).posterior(i + 1, ·) is q(z_s | z_t, x): its marginal at step i + 1 is q(z_t | x). */
    @Test
    void discretisationComposesToTheContinuousMarginals() {
        LogSnrSchedule s = LogSnrSchedule.cosine(-10, 6);
        int steps = 50;
        NoiseSchedule d = s.discretize(steps);
        assertThat(d.steps()).isEqualTo(steps + 1);
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            ProbityAssertions.assertThat(d.alphaBar(i + 1)).isCloseTo(s.alphaSquared(t),
                Tolerances.conditioned(3.0 * steps + 64, 1).named("3T + 64 roundings of a product"));
            ProbityAssertions.assertThat(d.snr(i + 1)).isCloseTo(s.snr(t),
                Tolerances.conditioned(3.0 * steps + 64, 1).named("3T + 64 roundings of a product"));
        }
    }

    /**
     * Wiener's denoiser for data N(0, τ²) at x = 0: \( \tilde g(v) = \tau^4 v / (1 + \tau^2 v)^2 \), so
     * \( L_\infty = \tfrac12 [\log(1 + \tau^2 v) + 1/(1 + \tau^2 v)]_{v_{\min}}^{v_{\max}} \) (hand-integrated).
     */
    @Test
    void wienerDenoiserAtZeroMatchesTheHandIntegral() {
        double tau2 = 0.5;
        LogSnrSchedule s = LogSnrSchedule.linear(-13.3, 5);
        SnrAffineDenoiser f = SnrAffineDenoiser.of(tau2, tau2, new double[] {0}, new double[] {0});
        double vMin = Math.exp(-5);
        double vMax = Math.exp(13.3);
        double hand = 0.5 * (Math.log((1 + tau2 * vMax) / (1 + tau2 * vMin)) + 1 / (1 + tau2 * vMax) - 1 / (1 + tau2 * vMin));
        ProbityAssertions.assertThat(VdmLoss.continuous(s, f, new double[] {0})).isCloseTo(hand,
            Tolerance.ulps(64).named("64 ulps: the hand formula's log of a rounded ratio"));
        Estimate q = VdmLoss.continuousByQuadrature(s, f.inTime(s), new double[] {0});
        assertThat(q.agreesWith(hand, 64 * Math.ulp(hand))).as(q.toString()).isTrue();
    }

    /** The bound shrinks at least like 1/T (faster here: T = 100 is not yet asymptotic near t = 0), and bounds the gap. */
    @Test
    void boundAndGapShrinkLikeOneOverT() {
        LogSnrSchedule s = LogSnrSchedule.cosine(-13.3, 5);
        SnrAffineDenoiser f = SnrAffineDenoiser.of(0.8, 1.3, new double[] {0.1, -0.2}, new double[] {0.05, 0.3});
        double[] x = {0.7, -1.2};
        double lInf = VdmLoss.continuous(s, f, x);
        double b100 = VdmLoss.discretizationBound(s, f, x, 100);
        double b1000 = VdmLoss.discretizationBound(s, f, x, 1000);
        assertThat(Math.abs(VdmLoss.discrete(s, f.inTime(s), x, 1000) - lInf)).isLessThanOrEqualTo(b1000);
        assertThat(b1000 / b100).isPositive().isLessThanOrEqualTo(0.2);
        assertThat(b1000).isLessThanOrEqualTo(0.5 * s.snrDecrement(0, 1.0 / 1000) * f.totalVariation(x, s.snr(1), s.snr(0)));
    }
}
