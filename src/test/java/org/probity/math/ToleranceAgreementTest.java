package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Every rule decides with the allowance it reports: on random rules of every kind and random pairs
 * (0, subnormal, normal, huge, ±∞ and NaN expected values), {@code accepts} equals both
 * {@code difference <= allowance} and the decision the rule states ({@link ToleranceSamples#oracle}).
 * Seed 20240611; 200 000 pairs.
 */
class ToleranceAgreementTest {
    private static final int PAIRS = 200_000;

    @Test
    void acceptsIffTheDifferenceIsWithinTheReportedAllowanceAndIffTheRuleSaysSo() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20240611L);
        int accepted = 0;
        int rejectedFinite = 0;
        for (int i = 0; i < PAIRS; i++) {
            Tolerance t = ToleranceSamples.rule(rng);
            double expected = ToleranceSamples.value(rng);
            double actual = ToleranceSamples.actual(rng, expected);
            boolean accepts = t.accepts(expected, actual);
            double allowance = t.allowance(expected, actual);
            String at = t + " at expected " + expected + ", actual " + actual + ", allowance " + allowance;
            assertThat(allowance).as(at).isGreaterThanOrEqualTo(0);
            assertThat(Tolerance.difference(expected, actual) <= allowance).as(at).isEqualTo(accepts);
            assertThat(ToleranceSamples.oracle(t, expected, actual)).as(at).isEqualTo(accepts);
            accepted += accepts && expected != actual ? 1 : 0;
            rejectedFinite += !accepts && Double.isFinite(expected) && Double.isFinite(actual) ? 1 : 0;
        }
        // both outcomes are exercised away from the trivial cases (equal values, NaN, infinities)
        assertThat(accepted).isGreaterThan(PAIRS / 20);
        assertThat(rejectedFinite).isGreaterThan(PAIRS / 20);
    }

    @Test
    void theAllowanceIsFiniteAtNonFiniteValuesSoOnlyIdenticalValuesPass() {
        Tolerance wide = Tolerance.relative(1).or(Tolerance.ulps(Long.MAX_VALUE / 4));
        assertThat(wide.allowance(Double.POSITIVE_INFINITY, 1.0)).isZero();
        assertThat(wide.allowance(1.0, Double.NaN)).isZero();
        assertThat(wide.or(Tolerance.absolute(Double.MAX_VALUE)).allowance(Double.NEGATIVE_INFINITY, 1.0))
            .isEqualTo(Double.MAX_VALUE);
        assertThat(wide.accepts(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(wide.accepts(Double.POSITIVE_INFINITY, Double.MAX_VALUE)).isFalse();
    }
}
