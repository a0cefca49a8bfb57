package org.probity.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The expanded quadratics of {@link StepQuadratic} evaluate to the Gaussian log densities they expand,
 * \( \log\mathcal N(y; m, v) = -\tfrac12\log(2\pi v) - (y - m)^2/(2v) \) computed directly here, at points on
 * both sides of the mean; sums and multiples act coefficient by coefficient.
 */
class StepQuadraticTest {
    private static final Offset<Double> CLOSE = Offset.offset(1e-13);

    private static double logNormal(double y, double mean, double variance) {
        return -0.5 * Math.log(2 * Math.PI * variance) - (y - mean) * (y - mean) / (2 * variance);
    }

    @Test
    void theExpansionsAreTheLogDensities() {
        double g = 0.75;
        double h = -0.5;
        double v = 1.5;
        double[][] points = {{0, 0}, {1, 2}, {-1.5, 0.25}, {3, -2}};
        for (double[] p : points) {
            double x = p[0];
            double y = p[1];
            assertThat(StepQuadratic.logNormalStep(g, h, v).value(x, y)).as("step at %s", (Object) p)
                .isCloseTo(logNormal(y, g * x + h, v), CLOSE);
            assertThat(StepQuadratic.logNormalReverseStep(g, h, v).value(x, y)).as("reverse step at %s", (Object) p)
                .isCloseTo(logNormal(x, g * y + h, v), CLOSE);
            assertThat(StepQuadratic.logNormalOfPrevious(h, v).value(x, y)).isCloseTo(logNormal(x, h, v), CLOSE);
            assertThat(StepQuadratic.logNormalOfCurrent(h, v).value(x, y)).isCloseTo(logNormal(y, h, v), CLOSE);
        }
    }

    @Test
    void sumsAndMultiplesActOnTheCoefficients() {
        StepQuadratic a = new StepQuadratic(1, 2, 3, 4, 5, 6);
        StepQuadratic b = new StepQuadratic(-0.5, 0.25, 2, -1, 0, 3);
        assertThat(a.plus(b)).isEqualTo(new StepQuadratic(0.5, 2.25, 5, 3, 5, 9));
        assertThat(a.times(-2)).isEqualTo(new StepQuadratic(-2, -4, -6, -8, -10, -12));
        // Q(x, y) = x^2 + 2xy + 3y^2 + 4x + 5y + 6 at (2, -1): 4 - 4 + 3 + 8 - 5 + 6
        assertThat(a.value(2, -1)).isEqualTo(12);
        assertThat(StepQuadratic.ZERO.value(7, 9)).isZero();
        assertThat(a.plus(b).value(0.5, 3)).isEqualTo(a.value(0.5, 3) + b.value(0.5, 3));
        // every coefficient nonzero and none of magnitude 1, so each one is seen to be added and scaled
        StepQuadratic c = new StepQuadratic(3, -5, 0.5, 7, -0.25, 2);
        assertThat(a.plus(c)).isEqualTo(new StepQuadratic(4, -3, 3.5, 11, 4.75, 8));
        assertThat(c.times(3)).isEqualTo(new StepQuadratic(9, -15, 1.5, 21, -0.75, 6));
    }
}
