package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.probity.math.HighPrecision;
import org.probity.math.Tolerance;

/**
 * The D3PM corruption schedules ({@link D3pmSchedules}) against their definitions: the linear schedule
 * exactly on dyadic ends and within its four roundings of a 64-digit linspace elsewhere, with both ends
 * exact; the cosine schedule within the rounding budget derived below of a 64-digit evaluation of
 * Austin et al.'s definition; and the refusals, naming the parameter.
 */
class D3pmSchedulesTest {
    private static final double U = Tolerance.UNIT_ROUNDOFF;

    @Test
    void linearIsLinspaceWithExactEnds() {
        assertThat(D3pmSchedules.linear(5, 0.125, 0.625)).containsExactly(0.125, 0.25, 0.375, 0.5, 0.625);
        assertThat(D3pmSchedules.linear(3, 0.5, 0.25)).containsExactly(0.5, 0.375, 0.25);
        assertThat(D3pmSchedules.linear(1, 0.25, 0.5)).containsExactly(0.25);
        assertThat(D3pmSchedules.linear(2, 0.25, 1)).containsExactly(0.25, 1);
        // Austin et al.'s discretized-Gaussian ends: first + (last - first) t / (T - 1), in 64 digits from the
        // doubles; the double evaluation rounds four times (difference, product, quotient, sum), each at most
        // u of |first| + |last - first|
        int steps = 1000;
        double first = 1e-4;
        double last = 0.02;
        double[] b = D3pmSchedules.linear(steps, first, last);
        assertThat(b[0]).isEqualTo(first);
        assertThat(b[steps - 1]).isEqualTo(last);
        Dfp f = HighPrecision.of(first);
        Dfp span = HighPrecision.of(last).subtract(f);
        double allowance = 4 * U * (first + (last - first));
        for (int t = 0; t < steps; t++) {
            double exact = HighPrecision.toDouble(f.add(span.multiply(t).divide(steps - 1)));
            assertThat(Math.abs(b[t] - exact)).as("beta_%d: %s against %s", t + 1, b[t], exact).isLessThanOrEqualTo(allowance);
        }
    }

    /**
     * beta_t = min(1 - f(t)/f(t-1), 0.999), f(t) = cos(a_t), a_t = (t/T + 0.008)/1.008 * pi/2. In double, a_t
     * carries at most 5 roundings (t/T, + 0.008, / 1.008, * pi rounded, / 2 exact: relative 5u), so f(t) is
     * within (1 + 5 a_t tan a_t) u relative; the ratio adds u and 1 - r another u absolute. Entries whose exact
     * value is within that budget of the 0.999 clip are compared with the clip too.
     */
    @Test
    void cosineIsAustinEtAlDefinitionWithinItsRoundingBudget() {
        for (int steps : new int[] {1, 10, 100, 1000}) {
            double[] b = D3pmSchedules.cosine(steps);
            assertThat(b).hasSize(steps);
            for (int t = 1; t <= steps; t++) {
                Dfp cur = f(t, steps);
                Dfp prev = f(t - 1, steps);
                Dfp ratio = cur.divide(prev);
                double exact = HighPrecision.toDouble(HighPrecision.of(1).subtract(ratio));
                double r = HighPrecision.toDouble(ratio);
                double allowance = r * (relativeError(t, steps) + relativeError(t - 1, steps) + U) + U;
                double expected = Math.min(exact, 0.999);
                assertThat(Math.abs(b[t - 1] - expected)).as("T = %d, beta_%d: %s against %s", steps, t, b[t - 1], exact)
                    .isLessThanOrEqualTo(allowance);
            }
        }
        assertThat(D3pmSchedules.cosine(1)).containsExactly(0.999);
    }

    private static Dfp f(int t, int steps) {
        Dfp a = HighPrecision.of(t).divide(steps).add(HighPrecision.parse("0.008")).divide(HighPrecision.parse("1.008"))
            .multiply(HighPrecision.field().getPi()).divide(2);
        return org.hipparchus.dfp.DfpMath.cos(a);
    }

    private static double relativeError(int t, int steps) {
        double a = ((double) t / steps + 0.008) / 1.008 * Math.PI / 2;
        return (1 + 5 * a * Math.tan(a)) * U;
    }

    @Test
    void refusalsNameTheParameter() {
        refuses(() -> D3pmSchedules.linear(0, 0.5, 0.5), "steps: expected an integer >= 1, got 0");
        refuses(() -> D3pmSchedules.cosine(0), "steps: expected an integer >= 1, got 0");
        refuses(() -> D3pmSchedules.jsd(-1), "steps: expected an integer >= 1, got -1");
        refuses(() -> D3pmSchedules.linear(3, 0, 0.5), "first: expected a number in (0, 1], got 0.0");
        refuses(() -> D3pmSchedules.linear(3, 0.5, 1.5), "last: expected a number in (0, 1], got 1.5");
        refuses(() -> D3pmSchedules.linear(3, Double.NaN, 0.5), "first: expected a number in (0, 1], got NaN");
    }

    private static void refuses(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
