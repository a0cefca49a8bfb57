package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.assertions.ProbityAssertions;
import org.probity.math.Tolerance;

/**
 * Published schedule figures (ORACLES.md), recomputed from the formulas. Each tolerance is half a
 * unit in the last digit the source prints, unless the figure is exact.
 */
class SchedulesOracleTest {

    /** Half a unit in the last of {@code digits} significant digits of {@code published}. */
    private static Tolerance printed(double published, int digits) {
        double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(published))) - digits + 1);
        return Tolerance.absolute(unit / 2).named("published to " + digits + " significant digits");
    }

    private static void assertPublished(String what, double published, int digits, double actual) {
        Tolerance tol = printed(published, digits);
        ProbityAssertions.assertThat(actual).as(what).isCloseTo(published, tol);
    }

    @Test
    void ddpmLinearAlphaBarT() {
        // Ho et al. 2020, §4: beta from 1e-4 to 0.02, T = 1000; ORACLES.md gives 4.0358297653756833e-5,
        // the product over the exact decimal betas (checked with Python fractions). Ours is the correctly
        // rounded product over the double betas (NoiseScheduleAccuracyTest: 0 ulps); rounding each beta
        // to double (relative u each) moves the product by at most u * sum beta_s / (1 - beta_s).
        NoiseSchedule s = Schedules.linear(1000);
        double kappa = 0;
        for (int t = 1; t <= 1000; t++) {
            kappa += s.beta(t) / s.alpha(t);
        }
        Tolerance tol = Tolerance.conditioned(1, kappa).named("each beta rounded once: u x sum beta/(1-beta)");
        double published = 4.0358297653756833e-5;
        ProbityAssertions.assertThat(s.alphaBar(1000)).isCloseTo(published, tol);
    }

    @Test
    void stableDiffusionScaledLinearTerminalSnrIsNotZero() {
        // Lin et al. 2024, "Common Diffusion Noise Schedules and Sample Steps are Flawed", §2.
        NoiseSchedule s = Schedules.scaledLinear(1000);
        assertPublished("sqrt(alphaBar_T)", 0.068265, 5, s.sqrtAlphaBar(1000));
        assertPublished("SNR_T", 0.004682, 4, s.snr(1000));
        assertThat(s.hasZeroTerminalSnr()).isFalse();
    }

    @Test
    void zeroTerminalSnrRescaleOfScaledLinear() {
        // Lin et al. 2024, Algorithm 1: alphaBar_T = 0, beta_T = 1, alphaBar_1 unchanged.
        NoiseSchedule s = Schedules.scaledLinear(1000);
        NoiseSchedule z = Schedules.zeroTerminalSnr(s);
        assertThat(z.alphaBar(1000)).isZero();
        assertThat(z.beta(1000)).isEqualTo(1.0);
        assertThat(z.snr(1000)).isZero();
        assertThat(z.logSnr(1000)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(z.alphaBar(1)).isEqualTo(s.alphaBar(1));
        // In between, sqrt(alphaBar') = (sqrt(alphaBar) - sqrt(alphaBar_T)) * sqrt(alphaBar_1) / (sqrt(alphaBar_1) - sqrt(alphaBar_T)).
        double s1 = s.sqrtAlphaBar(1);
        double sT = s.sqrtAlphaBar(1000);
        double expected = (s.sqrtAlphaBar(500) - sT) * s1 / (s1 - sT);
        Tolerance tol = Tolerance.conditioned(64, s.sqrtAlphaBar(500) / (s.sqrtAlphaBar(500) - sT)).named("64 roundings x cancellation in sqrt(abar_t) - sqrt(abar_T)");
        ProbityAssertions.assertThat(z.sqrtAlphaBar(500)).isCloseTo(expected, tol);
    }

    @Test
    void cosineClipsExactlyTheLastBeta() {
        // Nichol & Dhariwal 2021, eq. 17 with beta clipped at 0.999, T = 1000.
        NoiseSchedule s = Schedules.cosine(1000);
        int clipped = 0;
        for (int t = 1; t <= 1000; t++) {
            if (s.beta(t) == Schedules.MAX_BETA) {
                clipped++;
            }
        }
        assertThat(clipped).isEqualTo(1);
        assertThat(s.beta(1000)).isEqualTo(0.999);
        assertPublished("alphaBar_{T-1}", 2.4287669e-6, 8, s.alphaBar(999));
        assertPublished("alphaBar_T", 2.4287669e-9, 8, s.alphaBar(1000));
    }

    @Test
    void posteriorVarianceOfDdpmLinear() {
        // Ho et al. 2020, eq. 7: beta~_1 = 0; beta~_2 = 5.4531876613e-5, ln beta~_2 = -9.816725135.
        NoiseSchedule s = Schedules.linear(1000);
        assertThat(s.posteriorVariance(1)).isZero();
        assertPublished("beta~_2", 5.4531876613e-5, 11, s.posteriorVariance(2));
        assertPublished("ln beta~_2", -9.816725135, 10, s.logPosteriorVariance(2));
    }

    @Test
    void posteriorMeanCoefficientsAtStepOne() {
        // Ho et al. 2020, eq. 7: at t = 1 the posterior mean is x_0 exactly.
        for (NoiseSchedule s : new NoiseSchedule[] {Schedules.linear(1000), Schedules.cosine(1000), Schedules.scaledLinear(7), NoiseSchedule.of(0.3)}) {
            assertThat(s.posteriorMeanCoefX0(1)).isEqualTo(1.0);
            assertThat(s.posteriorMeanCoefXt(1)).isEqualTo(0.0);
        }
    }
}
