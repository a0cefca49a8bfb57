package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** Validation, edge cases by name (T = 1, β = 1, ᾱ_T = 0, β near 0) and respacing. */
class NoiseScheduleTest {

    @Test
    void rejectsEmptyNaNInfiniteZeroNegativeAndAboveOne() {
        assertThatThrownBy(() -> NoiseSchedule.of()).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("betas: expected at least one step, got 0");
        assertThatThrownBy(() -> NoiseSchedule.of(0.1, Double.NaN))
            .hasMessage("betas[1]: expected a finite number in (0, 1], got NaN");
        assertThatThrownBy(() -> NoiseSchedule.of(Double.POSITIVE_INFINITY))
            .hasMessage("betas[0]: expected a finite number in (0, 1], got Infinity");
        assertThatThrownBy(() -> NoiseSchedule.of(0.0)).hasMessage("betas[0]: expected a finite number in (0, 1], got 0.0");
        assertThatThrownBy(() -> NoiseSchedule.of(-0.1)).hasMessageContaining("got -0.1");
        assertThatThrownBy(() -> NoiseSchedule.of(1.0000000000000002)).hasMessageContaining("got 1.0000000000000002");
    }

    @Test
    void timestepsAreCheckedWithTheirRange() {
        NoiseSchedule s = NoiseSchedule.of(0.1, 0.2);
        assertThatThrownBy(() -> s.beta(0)).hasMessage("t: expected a timestep in 1..2, got 0");
        assertThatThrownBy(() -> s.alphaBar(3)).hasMessage("t: expected a timestep in 0..2, got 3");
        assertThatThrownBy(() -> s.posteriorVariance(0)).hasMessage("t: expected a timestep in 1..2, got 0");
    }

    @Test
    void singleStepScheduleIsValid() {
        NoiseSchedule s = NoiseSchedule.of(0.25);
        assertThat(s.steps()).isEqualTo(1);
        assertThat(s.alphaBar(1)).isEqualTo(0.75);
        assertThat(s.oneMinusAlphaBar(1)).isEqualTo(0.25);
        assertThat(s.snr(1)).isEqualTo(3.0);
        assertThat(s.posteriorVariance(1)).isZero();
        assertThat(s.logPosteriorVariance(1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(s.posteriorMeanCoefX0(1)).isEqualTo(1.0);
        assertThat(s.posteriorMeanCoefXt(1)).isZero();
    }

    @Test
    void tZeroIsTheData() {
        NoiseSchedule s = Schedules.linear(10);
        assertThat(s.alphaBar(0)).isEqualTo(1.0);
        assertThat(s.logAlphaBar(0)).isZero();
        assertThat(s.oneMinusAlphaBar(0)).isZero();
        assertThat(s.logOneMinusAlphaBar(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(s.snr(0)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void betaOneGivesZeroTerminalSnr() {
        NoiseSchedule s = NoiseSchedule.of(0.1, 0.5, 1.0);
        assertThat(s.hasZeroTerminalSnr()).isTrue();
        assertThat(s.alphaBar(3)).isZero();
        assertThat(s.logAlphaBar(3)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(s.oneMinusAlphaBar(3)).isEqualTo(1.0);
        assertThat(s.logOneMinusAlphaBar(3)).isZero();
        assertThat(s.snr(3)).isZero();
        assertThat(s.logSnr(3)).isEqualTo(Double.NEGATIVE_INFINITY);
        // beta~_T = beta_T (1 - abar_{T-1}) / 1
        assertThat(s.posteriorVariance(3)).isEqualTo(s.oneMinusAlphaBar(2));
        assertThat(s.posteriorMeanCoefXt(3)).isZero();
        assertThat(NoiseSchedule.of(0.3).hasZeroTerminalSnr()).isFalse();
        assertThat(NoiseSchedule.of(1.0).logPosteriorVariance(1)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void tinyBetaKeepsRelativeAccuracyOfOneMinusAlphaBar() {
        NoiseSchedule s = NoiseSchedule.of(1e-300, 1e-300, 3e-300);
        // 1 - abar_t = sum of beta_s abar_{s-1}: the correctly rounded sum of the betas here, since
        // abar differs from 1 by 1e-300 only; a naive 1 - abar would give 0.
        BigDecimal sum = new BigDecimal(1e-300).multiply(BigDecimal.valueOf(2)).add(new BigDecimal(3e-300));
        assertThat(s.oneMinusAlphaBar(3)).isEqualTo(sum.doubleValue());
        assertThat(s.logOneMinusAlphaBar(1)).isEqualTo(Math.log(1e-300));
        assertThat(s.posteriorVariance(2)).isEqualTo(1e-300 / 2);
        assertThat(s.posteriorMeanCoefX0(3)).isEqualTo(new BigDecimal(3e-300).divide(sum, MathContext.DECIMAL128).doubleValue());
    }

    @Test
    void respacingKeepsAlphaBarOnKeptSteps() {
        NoiseSchedule s = Schedules.linear(1000);
        int[] kept = {1, 10, 500, 999, 1000};
        NoiseSchedule r = s.respace(kept);
        assertThat(r.steps()).isEqualTo(5);
        for (int i = 0; i < kept.length; i++) {
            assertThat(r.alphaBar(i + 1)).as("step %d", kept[i]).isEqualTo(s.alphaBar(kept[i]));
        }
        assertThat(s.respace(1, 2, 3).betas()).containsExactly(s.beta(1), s.beta(2), s.beta(3));
        assertThatThrownBy(() -> s.respace(5, 5)).hasMessage("kept[1]: expected a timestep in 6..1000 (strictly increasing), got 5");
        assertThatThrownBy(() -> s.respace(1001)).hasMessage("kept[0]: expected a timestep in 1..1000 (strictly increasing), got 1001");
        assertThatThrownBy(() -> s.respace()).hasMessage("kept: expected at least one timestep, got 0");
    }

    @Test
    void valueSemantics() {
        assertThat(NoiseSchedule.of(0.1, 0.2)).isEqualTo(NoiseSchedule.of(0.1, 0.2)).hasSameHashCodeAs(NoiseSchedule.of(0.1, 0.2));
        assertThat(NoiseSchedule.of(0.1, 0.2)).isNotEqualTo(NoiseSchedule.of(0.1, 0.3));
        double[] b = {0.1};
        NoiseSchedule s = NoiseSchedule.of(b);
        b[0] = 0.9;
        assertThat(s.beta(1)).isEqualTo(0.1);
        assertThat(s.toString()).isEqualTo("NoiseSchedule[0.1]");
    }

    @Test
    void sqrtAlphaBarKeepsFullPrecisionWhereAlphaBarIsBelowTheNormalRange() {
        // two respaced steps of alpha ~ 1e-155 each: abar_2 ~ 1e-310 is subnormal, its square root
        // 1e-155 is not; multiplying the unscaled mantissa by alpha_2 lost 37 ulps (issue 11, seed 4)
        double[] betas = new double[310];
        java.util.Arrays.fill(betas, 0.9);
        NoiseSchedule s = NoiseSchedule.of(betas).respace(155, 310);
        MathContext mc = new MathContext(60);
        BigDecimal alpha = BigDecimal.ONE.subtract(new BigDecimal(0.9));
        BigDecimal sqrtAlphaBar = alpha.pow(155, mc);
        assertThat(org.probity.math.Ulps.distance(s.sqrtAlphaBar(2), sqrtAlphaBar.doubleValue())).isLessThanOrEqualTo(1);
        assertThat(org.probity.math.Ulps.distance(s.sqrtAlphaBar(1), alpha.pow(155, mc).sqrt(mc).doubleValue()))
            .isLessThanOrEqualTo(1);
        assertThat(s.alphaBar(2)).isLessThan(Double.MIN_NORMAL).isPositive();
    }
}
