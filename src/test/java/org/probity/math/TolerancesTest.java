package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Each named rule of {@link Tolerances}: its amount against the formula of its Javadoc, computed
 * here independently and exactly (powers of two by {@link Math#scalb}), its name, the magnitude
 * policy (below 1 counts as 1; infinite, NaN or overflowing gives 0) and the exact messages of bad
 * constants.
 */
class TolerancesTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void roundedSumIsRoundingsTimesUnitRoundoffTimesTheMagnitude() {
        Tolerance t = Tolerances.roundedSum(4, 1000);
        assertThat(t.kind()).isEqualTo(Tolerance.Kind.ABSOLUTE);
        assertThat(t.amount()).isEqualTo(Math.scalb(4000.0, -53));
        assertThat(t).hasToString("absolute 4.44e-13 [4 u(float64) x magnitude 1.00e+03]");
        assertThat(Tolerances.roundedSum(FloatFormat.FLOAT32, 3, 8).amount()).isEqualTo(Math.scalb(24.0, -24));
        assertThat(Tolerances.roundedSum(FloatFormat.FLOAT32, 3, 8).ruleName()).hasValue("3 u(float32) x magnitude 8.00");
    }

    @Test
    void aMagnitudeBelowOneCountsAsOne() {
        double twoU = Math.scalb(1.0, -52);
        assertThat(Tolerances.roundedSum(2, 0.25).amount()).isEqualTo(twoU);
        assertThat(Tolerances.roundedSum(2, 0).amount()).isEqualTo(twoU);
        assertThat(Tolerances.roundedSum(2, -5).amount()).isEqualTo(twoU);
        assertThat(Tolerances.conditionedSum(2, 0.5, 0.5).amount()).isEqualTo(twoU);
        assertThat(Tolerances.conditioned(2, 0.5).amount()).isEqualTo(twoU);
    }

    @Test
    void anInfiniteNanOrOverflowingMagnitudeAllowsNothing() {
        assertThat(Tolerances.roundedSum(2, INF).amount()).isZero();
        assertThat(Tolerances.roundedSum(2, Double.NaN).amount()).isZero();
        assertThat(Tolerances.roundedSum(1e300, 1e300).amount()).isZero();
        assertThat(Tolerances.conditionedSum(2, Double.NaN, 1).amount()).isZero();
        assertThat(Tolerances.conditioned(2, INF).amount()).isZero();
        assertThat(Tolerances.squareRootBelowNormalRange(FloatFormat.FLOAT64, 2, INF).amount()).isZero();
        assertThat(Tolerances.differenceQuotient(1, 0, 2, Double.NaN).amount()).isZero();
        // only an identical value passes then
        assertThat(Tolerances.roundedSum(2, INF).accepts(INF, INF)).isTrue();
        assertThat(Tolerances.roundedSum(2, INF).accepts(1.0, Math.nextUp(1.0))).isFalse();
    }

    @Test
    void conditionedSumMultipliesConditionAndMagnitude() {
        Tolerance t = Tolerances.conditionedSum(3, 16, 32);
        assertThat(t.amount()).isEqualTo(Math.scalb(3.0 * 16 * 32, -53));
        assertThat(t.ruleName()).hasValue("3 u(float64) x condition 16.0 x magnitude 32.0");
    }

    @Test
    void conditionedIsRelativeInTheGivenFormat() {
        Tolerance t = Tolerances.conditioned(FloatFormat.FLOAT32, 2, 64);
        assertThat(t.kind()).isEqualTo(Tolerance.Kind.RELATIVE);
        assertThat(t.amount()).isEqualTo(Math.scalb(128.0, -24));
        assertThat(t.ruleName()).hasValue("2 u(float32) x condition 64.0");
        assertThat(Tolerances.conditioned(2, 64).amount()).isEqualTo(Math.scalb(128.0, -53));
        assertThat(Tolerances.conditioned(2, 64).ruleName()).hasValue("2 ulps x condition 64");
        // 2^-24 relative to 2 is exactly one float32 ulp of 2 at condition 1
        assertThat(Tolerances.conditioned(FloatFormat.FLOAT32, 1, 1).accepts(2.0, 2.0 + Math.ulp(2.0f) / 2)).isTrue();
    }

    @Test
    void belowNormalRangeIsRoundingsTimesTheSmallestNormal() {
        assertThat(Tolerances.belowNormalRange(FloatFormat.FLOAT32, 2).amount()).isEqualTo(Math.scalb(1.0, -125));
        assertThat(Tolerances.belowNormalRange(FloatFormat.FLOAT64, 2).amount()).isEqualTo(Math.scalb(1.0, -1021));
        assertThat(Tolerances.belowNormalRange(FloatFormat.FLOAT32, 2).ruleName()).hasValue("below the float32 normal range");
        assertThat(FloatFormat.FLOAT32.minNormal()).isEqualTo(Math.scalb(1.0, -126));
        assertThat(FloatFormat.FLOAT64.minNormal()).isEqualTo(Math.scalb(1.0, -1022));
        assertThat(FloatFormat.FLOAT32).hasToString("float32");
        assertThat(FloatFormat.FLOAT64).hasToString("float64");
    }

    @Test
    void squareRootBelowNormalRangeScalesTheRootOfTheSmallestNormal() {
        // 2 * sqrt(2^-1022) * 3 = 6 * 2^-511
        Tolerance t = Tolerances.squareRootBelowNormalRange(FloatFormat.FLOAT64, 2, 3);
        assertThat(t.amount()).isEqualTo(Math.scalb(6.0, -511));
        assertThat(t.ruleName()).hasValue("square root below the float64 normal range x magnitude 3.00");
        assertThat(Tolerances.squareRootBelowNormalRange(FloatFormat.FLOAT32, 1, 0.5).amount()).isEqualTo(Math.scalb(1.0, -63));
    }

    @Test
    void statisticalAddsRoundingsUlpsOfTheExactValueToTheBound() {
        Tolerance t = Tolerances.statistical(0.5, 4, 1.0, "Hoeffding at 1e-9");
        assertThat(t.amount()).isEqualTo(0.5 + Math.scalb(4.0, -52));
        assertThat(t).hasToString("absolute 0.500 [Hoeffding at 1e-9]");
        assertThat(Tolerances.statistical(0, 4, 1024.0, "m").amount()).isEqualTo(Math.scalb(4.0, -42));
        // an infinite exact value has no ulp: the bound alone
        assertThat(Tolerances.statistical(0.5, 4, INF, "m").amount()).isEqualTo(0.5);
        assertThat(Tolerances.statistical(0.5, 4, Double.NaN, "m").amount()).isEqualTo(0.5);
        // an infinite or NaN bound allows nothing
        assertThat(Tolerances.statistical(INF, 4, 1.0, "m").amount()).isZero();
        assertThat(Tolerances.statistical(Double.NaN, 4, 1.0, "m").amount()).isZero();
        assertThat(Tolerances.statistical(0, 0, 1.0, "m").amount()).isZero();
    }

    @Test
    void differenceQuotientIsTruncationPlusRoundingOverTheStep() {
        Tolerance t = Tolerances.differenceQuotient(0x1.0p-10, 0.25, 8, 4);
        // 0.25 + 8 * 2^-53 * 4 / 2^-10 = 0.25 + 2^-38
        assertThat(t.amount()).isEqualTo(0.25 + Math.scalb(1.0, -38));
        assertThat(t.ruleName()).hasValue("truncation 0.250 + 8 u x magnitude 4.00 / h, h = 0.000977");
        assertThat(Tolerances.differenceQuotient(2, 0, 8, 0.5).amount()).isEqualTo(Math.scalb(4.0, -53));
    }

    @Test
    void zeroRoundingsAreAllowedAndGiveTheExactRule() {
        assertThat(Tolerances.roundedSum(0, 5).amount()).isZero();
        assertThat(Tolerances.conditionedSum(0, 5, 5).amount()).isZero();
        assertThat(Tolerances.conditioned(0, 5).amount()).isZero();
        assertThat(Tolerances.belowNormalRange(FloatFormat.FLOAT64, 0).amount()).isZero();
        assertThat(Tolerances.differenceQuotient(1, 0, 0, 1).amount()).isZero();
    }

    @Test
    void badRoundingsAreRefusedByEveryRuleWithTheExactMessage() {
        String bad = "roundings: expected a finite number >= 0, got ";
        assertThatThrownBy(() -> Tolerances.roundedSum(-1, 1)).isInstanceOf(IllegalArgumentException.class).hasMessage(bad + "-1.0");
        assertThatThrownBy(() -> Tolerances.roundedSum(FloatFormat.FLOAT32, Double.NaN, 1)).hasMessage(bad + "NaN");
        assertThatThrownBy(() -> Tolerances.conditionedSum(INF, 1, 1)).hasMessage(bad + "Infinity");
        assertThatThrownBy(() -> Tolerances.conditioned(FloatFormat.FLOAT64, -2, 1)).hasMessage(bad + "-2.0");
        assertThatThrownBy(() -> Tolerances.belowNormalRange(FloatFormat.FLOAT64, -1)).hasMessage(bad + "-1.0");
        assertThatThrownBy(() -> Tolerances.squareRootBelowNormalRange(FloatFormat.FLOAT64, INF, 1)).hasMessage(bad + "Infinity");
        assertThatThrownBy(() -> Tolerances.statistical(1, -1, 1, "m")).hasMessage(bad + "-1.0");
        assertThatThrownBy(() -> Tolerances.differenceQuotient(1, 0, Double.NaN, 1)).hasMessage(bad + "NaN");
        // the binary64 shorthand names its constant after the ulps it counts
        assertThatThrownBy(() -> Tolerances.conditioned(-1, 1)).hasMessage("ulps: expected a finite number >= 0, got -1.0");
    }

    @Test
    void badStatisticalBoundsAndStepsAreRefusedWithTheExactMessage() {
        assertThatThrownBy(() -> Tolerances.statistical(-1e-300, 1, 1, "m")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("bound: expected a number >= 0 (or infinite or NaN), got -1.0E-300");
        assertThatThrownBy(() -> Tolerances.differenceQuotient(0, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("step: expected a finite number > 0, got 0.0");
        assertThatThrownBy(() -> Tolerances.differenceQuotient(INF, 0, 1, 1)).hasMessage("step: expected a finite number > 0, got Infinity");
        assertThatThrownBy(() -> Tolerances.differenceQuotient(Double.NaN, 0, 1, 1)).hasMessage("step: expected a finite number > 0, got NaN");
        assertThatThrownBy(() -> Tolerances.differenceQuotient(1, -0.5, 1, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("truncation: expected a number >= 0, got -0.5");
        // 8 u / 2^-1074 = 2^1024 overflows: nothing is allowed
        assertThat(Tolerances.differenceQuotient(Double.MIN_VALUE, 0, 8, 1).amount()).isZero();
    }
}
