package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The named schedules: shapes, parameters and validation. Published figures are in SchedulesOracleTest. */
class SchedulesTest {

    @Test
    void linearMatchesNumpyLinspace() {
        NoiseSchedule s = Schedules.linear(5, 0.1, 0.5);
        double step = (0.5 - 0.1) / 4;
        assertThat(s.betas()).containsExactly(0.1, step + 0.1, 2 * step + 0.1, 3 * step + 0.1, 0.5);
        assertThat(Schedules.linear(1).betas()).containsExactly(1e-4);
        assertThatThrownBy(() -> Schedules.linear(0)).hasMessage("T: expected a number of steps >= 1, got 0");
        assertThatThrownBy(() -> Schedules.linear(3, 0, 0.1)).hasMessage("beta1: expected a finite number in (0, 1], got 0.0");
        assertThatThrownBy(() -> Schedules.linear(3, 0.1, Double.NaN)).hasMessage("betaT: expected a finite number in (0, 1], got NaN");
    }

    @Test
    void scaledLinearSpacesTheRoots() {
        NoiseSchedule s = Schedules.scaledLinear(3, 0.04, 0.16);
        double r0 = Math.sqrt(0.04);
        double step = (Math.sqrt(0.16) - r0) / 2;
        double r1 = step + r0;
        double r2 = Math.sqrt(0.16);
        assertThat(s.betas()).containsExactly(r0 * r0, r1 * r1, r2 * r2);
    }

    @Test
    void cosineIsIncreasingAndAgreesWithTheNaiveRatioWhereThatIsAccurate() {
        int n = 200;
        NoiseSchedule s = Schedules.cosine(n);
        for (int t = 2; t <= n; t++) {
            assertThat(s.beta(t)).isGreaterThan(s.beta(t - 1));
        }
        // Midway the naive 1 - f(t)/f(t-1) loses only ~1e-14 relative; both formulas must agree there.
        int t = 100;
        double f1 = Math.pow(Math.cos(((t - 1.0) / n + 0.008) / 1.008 * Math.PI / 2), 2);
        double f2 = Math.pow(Math.cos(((double) t / n + 0.008) / 1.008 * Math.PI / 2), 2);
        assertThat(s.beta(t)).isCloseTo(1 - f2 / f1, org.assertj.core.data.Percentage.withPercentage(1e-10));
    }

    @Test
    void sigmoidIsIncreasingEndsClippedAndValidates() {
        NoiseSchedule s = Schedules.sigmoid(100);
        for (int t = 2; t <= 100; t++) {
            assertThat(s.beta(t)).isGreaterThan(s.beta(t - 1));
        }
        assertThat(s.beta(100)).isEqualTo(Schedules.MAX_BETA);
        // abar(u) = (sigma(3) - sigma(6u - 3)) / (sigma(3) - sigma(-3)), so abar(1/2) = 1/2 exactly.
        assertThat(s.alphaBar(50)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-15));
        assertThatThrownBy(() -> Schedules.sigmoid(10, 3, -3, 1)).hasMessage("start, end: expected start < end, got 3.0 >= -3.0");
        assertThatThrownBy(() -> Schedules.sigmoid(10, -3, 3, 0)).hasMessage("tau: expected a finite number > 0, got 0.0");
        assertThatThrownBy(() -> Schedules.sigmoid(10, Double.NaN, 3, 1)).hasMessage("start: expected a finite number, got NaN");
    }

    @Test
    void zeroTerminalSnrOfAnyScheduleAndItsEdges() {
        for (NoiseSchedule s : new NoiseSchedule[] {Schedules.linear(7), Schedules.cosine(50), NoiseSchedule.of(0.3, 0.2)}) {
            NoiseSchedule z = Schedules.zeroTerminalSnr(s);
            assertThat(z.alphaBar(z.steps())).isZero();
            assertThat(z.beta(1)).isEqualTo(s.beta(1));
            assertThat(Schedules.zeroTerminalSnr(z)).isSameAs(z);
        }
        assertThatThrownBy(() -> Schedules.zeroTerminalSnr(NoiseSchedule.of(0.5)))
            .hasMessage("schedule: the zero-terminal-SNR rescale keeps alphaBar_1 and sets alphaBar_T = 0, so it needs T >= 2 steps, got T = 1");
        NoiseSchedule already = NoiseSchedule.of(1.0);
        assertThat(Schedules.zeroTerminalSnr(already)).isSameAs(already);
    }
}
