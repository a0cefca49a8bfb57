package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;

/**
 * {@link StandardNormal#logProbabilityAround}: the same probability as {@link StandardNormal#logProbability}
 * of the two ends, symmetric in the centre, accurate for narrow intervals far in the tails (against the
 * 64-digit {@link HighPrecision#logNormalProbability} of the exact ends, budget 3 ulps as in
 * {@code StandardNormalAccuracyTest}), and its argument checks with their exact message.
 */
class StandardNormalAroundTest {
    private static final double BUDGET = 3;

    private static double ulpsFromReference(double center, double halfWidth) {
        Dfp c = HighPrecision.of(center);
        Dfp h = HighPrecision.of(halfWidth);
        return HighPrecision.ulpError(StandardNormal.logProbabilityAround(center, halfWidth),
            HighPrecision.logNormalProbability(c.subtract(h), c.add(h)));
    }

    @Test
    void wideIntervalsAreTheProbabilityOfTheirEnds() {
        // ends exact in double: the wide path is logProbability of the reflected interval
        assertThat(StandardNormal.logProbabilityAround(1.5, 0.5)).isEqualTo(StandardNormal.logProbability(1, 2));
        assertThat(StandardNormal.logProbabilityAround(-1.5, 0.5)).isEqualTo(StandardNormal.logProbability(-2, -1));
        assertThat(StandardNormal.logProbabilityAround(0, 3)).isEqualTo(StandardNormal.logProbability(-3, 3));
        assertThat(ulpsFromReference(1.5, 0.5)).isLessThanOrEqualTo(BUDGET);
        assertThat(ulpsFromReference(-0.25, 4)).isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void narrowIntervalsFarInTheTailsKeepTheirDigitsOnBothSides() {
        double[][] cases = {{-30, 0x1.0p-10}, {30, 0x1.0p-10}, {-8.125, 1e-9}, {0.3, 0.2}, {-0.3, 0.2}, {200, 1e-4},
            {-37.5, 0.0066}, {2, 0.125}};
        for (double[] ch : cases) {
            assertThat(ulpsFromReference(ch[0], ch[1])).as("center %s, half-width %s", ch[0], ch[1]).isLessThanOrEqualTo(BUDGET);
            assertThat(StandardNormal.logProbabilityAround(-ch[0], ch[1])).isEqualTo(StandardNormal.logProbabilityAround(ch[0], ch[1]));
        }
        // mpmath 1.3.0 (dps 50): log(ncdf(-30 + 2**-10) - ncdf(-30 - 2**-10)) = -457.15712027015312042747...
        assertThat(Ulps.distance(StandardNormal.logProbabilityAround(-30, 0x1.0p-10), -457.15712027015312042747))
            .isLessThanOrEqualTo((long) BUDGET);
    }

    @Test
    void aPointHasProbabilityZero() {
        assertThat(StandardNormal.logProbabilityAround(3, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StandardNormal.logProbabilityAround(-1e300, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void refusesAnInfiniteOrNegativeHalfWidthAndANonFiniteCentre() {
        String msg = "halfWidth: expected a finite number >= 0 around a finite center, got center %s, halfWidth %s";
        assertThatThrownBy(() -> StandardNormal.logProbabilityAround(0, -1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage(String.format(msg, "0.0", "-1.0"));
        assertThatThrownBy(() -> StandardNormal.logProbabilityAround(0, Double.NaN)).hasMessage(String.format(msg, "0.0", "NaN"));
        assertThatThrownBy(() -> StandardNormal.logProbabilityAround(0, Double.POSITIVE_INFINITY))
            .hasMessage(String.format(msg, "0.0", "Infinity"));
        assertThatThrownBy(() -> StandardNormal.logProbabilityAround(Double.NaN, 1)).hasMessage(String.format(msg, "NaN", "1.0"));
        assertThatThrownBy(() -> StandardNormal.logProbabilityAround(Double.NEGATIVE_INFINITY, 1))
            .hasMessage(String.format(msg, "-Infinity", "1.0"));
    }

    @Test
    void logSurvivalIsTheLowerTailOfTheReflection() {
        assertThat(StandardNormal.logSurvival(3)).isEqualTo(StandardNormal.logCdf(-3));
        assertThat(StandardNormal.logSurvival(-3)).isEqualTo(StandardNormal.logCdf(3));
        assertThat(HighPrecision.ulpError(StandardNormal.logSurvival(40), HighPrecision.logNormalCdf(HighPrecision.of(-40.0))))
            .isLessThanOrEqualTo(BUDGET);
    }
}
