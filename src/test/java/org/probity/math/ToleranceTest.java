package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Edge cases of {@link Tolerance}: NaN, ±∞, ±0, the boundaries of each rule, and exact messages. */
class ToleranceTest {
    private static final double ONE_UP = Math.nextUp(1.0);

    @Test
    void nanIsRejectedByEveryRuleOnEitherSide() {
        Tolerance[] all = {Tolerance.ulps(1_000_000), Tolerance.absolute(1e300), Tolerance.relative(1),
            Tolerance.ulps(0).or(Tolerance.absolute(1))};
        for (Tolerance t : all) {
            assertThat(t.accepts(Double.NaN, Double.NaN)).as(t.toString()).isFalse();
            assertThat(t.accepts(1.0, Double.NaN)).as(t.toString()).isFalse();
            assertThat(t.accepts(Double.NaN, 1.0)).as(t.toString()).isFalse();
        }
    }

    @Test
    void infinitiesMatchOnlyThemselves() {
        Tolerance wide = Tolerance.absolute(Double.MAX_VALUE);
        assertThat(wide.accepts(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(wide.accepts(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY)).isTrue();
        assertThat(wide.accepts(Double.POSITIVE_INFINITY, Double.MAX_VALUE)).isFalse();
        assertThat(Tolerance.ulps(1).accepts(Double.MAX_VALUE, Double.POSITIVE_INFINITY)).isFalse();
        assertThat(Tolerance.relative(1).accepts(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).isFalse();
    }

    @Test
    void signedZerosAreEqualAndTheSmallestSubnormalIsOneUlpAway() {
        assertThat(Tolerance.ulps(0).accepts(0.0, -0.0)).isTrue();
        assertThat(Tolerance.absolute(0).accepts(-0.0, 0.0)).isTrue();
        assertThat(Tolerance.ulps(1).accepts(0.0, Double.MIN_VALUE)).isTrue();
        assertThat(Tolerance.ulps(1).accepts(-Double.MIN_VALUE, Double.MIN_VALUE)).isFalse();
        assertThat(Tolerance.ulps(2).accepts(-Double.MIN_VALUE, Double.MIN_VALUE)).isTrue();
        // relative tolerance cannot accept anything but an exact 0 next to 0
        assertThat(Tolerance.relative(0.5).accepts(0.0, Double.MIN_VALUE)).isFalse();
    }

    @Test
    void boundariesAreInclusive() {
        assertThat(Tolerance.ulps(1).accepts(1.0, ONE_UP)).isTrue();
        assertThat(Tolerance.ulps(1).accepts(1.0, Math.nextUp(ONE_UP))).isFalse();
        assertThat(Tolerance.absolute(0.5).accepts(1.0, 1.5)).isTrue();
        assertThat(Tolerance.absolute(0.5).accepts(1.0, Math.nextUp(1.5))).isFalse();
        // relative is measured against the larger magnitude: |2 - 1| <= 0.5 * 2
        assertThat(Tolerance.relative(0.5).accepts(1.0, 2.0)).isTrue();
        assertThat(Tolerance.relative(0.5).accepts(1.0, Math.nextUp(2.0))).isFalse();
    }

    @Test
    void orAcceptsWhenEitherSideDoes() {
        Tolerance t = Tolerance.relative(1e-15).or(Tolerance.absolute(1e-300));
        assertThat(t.accepts(0.0, 1e-301)).isTrue();
        assertThat(t.accepts(1.0, 1.0 + 1e-16)).isTrue();
        assertThat(t.accepts(1.0, 1.0 + 1e-14)).isFalse();
        assertThat(t.allowance(1.0, 1.0)).isEqualTo(1e-15);
    }

    @Test
    void conditionedIsRelativeUlpsTimesConditionAndClampsConditionAtOne() {
        Tolerance t = Tolerance.conditioned(4, 100);
        assertThat(t.allowance(1.0, 1.0)).isEqualTo(4 * 100 * Tolerance.UNIT_ROUNDOFF);
        assertThat(Tolerance.conditioned(4, 0.5).allowance(1.0, 1.0)).isEqualTo(4 * Tolerance.UNIT_ROUNDOFF);
        assertThat(t).hasToString("relative 4.44e-14 [4 ulps x condition 100]");
        assertThat(Tolerance.conditioned(4, 0.5)).hasToString("relative 4.44e-16 [4 ulps x condition 1]");
    }

    @Test
    void printsTheRuleAndItsName() {
        assertThat(Tolerance.ulps(4)).hasToString("4 ulps");
        assertThat(Tolerance.absolute(1e-12)).hasToString("absolute 1.00e-12");
        assertThat(Tolerance.relative(0.5)).hasToString("relative 0.500");
        assertThat(Tolerance.ulps(2).or(Tolerance.absolute(1e-300)).named("rel or abs"))
            .hasToString("2 ulps or absolute 1.00e-300 [rel or abs]");
    }

    @Test
    void valueSemantics() {
        assertThat(Tolerance.ulps(3)).isEqualTo(Tolerance.ulps(3)).hasSameHashCodeAs(Tolerance.ulps(3));
        assertThat(Tolerance.ulps(3)).isNotEqualTo(Tolerance.ulps(3).named("x"));
        assertThat(Tolerance.ulps(3)).isNotEqualTo(Tolerance.absolute(3));
        assertThat(Tolerance.ulps(3)).isNotEqualTo("3 ulps");
        assertThat(Tolerance.ulps(3).ruleName()).isEmpty();
        assertThat(Tolerance.ulps(3).named("x").ruleName()).hasValue("x");
    }

    @Test
    void countsFrom10To15OnArePrintedInScientificNotation() {
        assertThat(Tolerance.ulps(999_999_999_999_999L)).hasToString("999999999999999 ulps");
        assertThat(Tolerance.ulps(1_000_000_000_000_000L)).hasToString("1.00e+15 ulps");
    }

    @Test
    void badAmountsThrowWithExactMessages() {
        assertThatThrownBy(() -> Tolerance.absolute(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("absolute: expected a finite number >= 0, got NaN");
        assertThatThrownBy(() -> Tolerance.relative(-1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("relative: expected a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> Tolerance.absolute(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("absolute: expected a finite number >= 0, got Infinity");
        assertThatThrownBy(() -> Tolerance.ulps(-1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("ulps: expected a finite number >= 0, got -1");
        assertThatThrownBy(() -> Tolerance.conditioned(1, Double.POSITIVE_INFINITY))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("condition: expected a finite number >= 0, got Infinity");
        assertThatThrownBy(() -> Tolerance.conditioned(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("ulps: expected a finite number >= 0, got NaN");
    }

    /** A name given as a supplier is built only when read, and reads like the same name given as a string. */
    @Test
    void aSuppliedNameIsBuiltOnlyWhenRead() {
        int[] calls = {0};
        Tolerance lazy = Tolerance.absolute(0.5).named(() -> {
            calls[0]++;
            return "rule " + 2;
        });
        assertThat(lazy.accepts(1, 1.25)).isTrue();
        assertThat(calls[0]).isZero();
        assertThat(lazy.toString()).isEqualTo("absolute 0.500 [rule 2]");
        assertThat(lazy.ruleName()).contains("rule 2");
        assertThat(lazy).isEqualTo(Tolerance.absolute(0.5).named("rule 2"))
            .hasSameHashCodeAs(Tolerance.absolute(0.5).named("rule 2"));
        assertThat(calls[0]).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anUlpCountReadsInTheRightNumber() {
        assertThat(Tolerance.ulps(1)).hasToString("1 ulp");
        assertThat(Tolerance.ulps(0)).hasToString("0 ulps");
        assertThat(Tolerance.ulps(4)).hasToString("4 ulps");
    }
}
