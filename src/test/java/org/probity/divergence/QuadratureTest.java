package org.probity.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.dist.Gaussian;
import org.probity.math.Tolerance;

/**
 * {@link Quadrature#expectation} on integrands whose Gaussian expectations are known exactly (the raw
 * moments \( E[X^k] \) of \( \mathcal N(m, s^2) \)), and its declared error bound term by term: the
 * difference of the 32- and 64-panel rules, the tail (which underflows to 0 at L = 40), and
 * \( 16u \int \varphi\,|\text{magnitude}| \), with 20 x 4 x 32 = 2560 evaluations.
 */
class QuadratureTest {
    private static final double U = Tolerance.UNIT_ROUNDOFF;

    @Test
    void rawMomentsOfAShiftedScaledGaussian() {
        double m = 1.5;
        double s = 0.5;
        Gaussian p = Gaussian.of(m, s * s);
        double[] exact = {1, m, m * m + s * s, m * m * m + 3 * m * s * s, m * m * m * m + 6 * m * m * s * s + 3 * s * s * s * s};
        for (int k = 0; k <= 4; k++) {
            int power = k;
            Estimate e = Quadrature.expectation(p, x -> Math.pow(x, power), x -> Math.abs(Math.pow(x, power)), "moment " + k);
            assertThat(e.agreesWith(exact[k], 4 * U * exact[k])).as("E[X^%d] = %s: %s", k, exact[k], e).isTrue();
            assertThat(Math.abs(e.value() - exact[k])).as("E[X^%d]", k).isLessThan(1e-14 * exact[k]);
            assertThat(e.evaluations()).isEqualTo(2560);
            assertThat(e.method()).isEqualTo("moment " + k);
        }
    }

    @Test
    void theBoundIsTheRuleDifferencePlusTheRoundingTerm() {
        Gaussian p = Gaussian.of(-2, 9);
        // magnitude 1: its integral is 1, so the rounding term is 16u (the rule difference is a few u at most)
        Estimate one = Quadrature.expectation(p, x -> x * x, x -> 1, "m");
        assertThat(one.errorBound()).isGreaterThanOrEqualTo(16 * U * (1 - 1e-12)).isLessThan(16 * U + 1e-14);
        // magnitude 0 and an integrand both rules integrate to the same double: no rounding term, no tail
        Estimate zero = Quadrature.expectation(p, x -> 0, x -> 0, "m");
        assertThat(zero.value()).isZero();
        assertThat(zero.errorBound()).isZero();
        // magnitude x^2: 16u E[X^2] = 16u (m^2 + s^2) = 16u * 13
        Estimate sq = Quadrature.expectation(p, x -> 0, x -> x * x, "m");
        assertThat(sq.errorBound()).isCloseTo(16 * U * 13, org.assertj.core.data.Percentage.withPercentage(1e-10));
    }

    /**
     * KL(p || p) = 0 with the integrand exactly 0: the bound is the rounding term alone,
     * \( 16u\,E[|\ln p| + |\ln p|] = 32u\,(\tfrac12\ln(2\pi s^2) + \tfrac12) \) for s^2 = 1/(2 pi) (so that ln p is
     * \( -x^2/(2s^2) \le 0 \) and |ln p| integrates to 1/2); the entropy likewise with 16u.
     */
    @Test
    void theRoundingTermOfTheDivergencesIsTheirLogDensitiesMagnitude() {
        Gaussian p = Gaussian.of(0.25, 1 / (2 * Math.PI));
        Estimate kl = Quadrature.klGaussian(p, p);
        assertThat(kl.value()).isZero();
        assertThat(kl.errorBound()).isCloseTo(32 * U * 0.5, org.assertj.core.data.Percentage.withPercentage(1e-8));
        Estimate h = Quadrature.entropyGaussian(p);
        assertThat(h.value()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(h.errorBound()).isGreaterThanOrEqualTo(16 * U * 0.5 * (1 - 1e-12)).isLessThan(16 * U * 0.5 + 1e-15);
        assertThat(h.method()).isEqualTo("Gauss-Legendre entropy");
        Estimate ce = Quadrature.crossEntropyGaussian(p, p);
        assertThat(ce.value()).isEqualTo(h.value());
        assertThat(ce.method()).isEqualTo("Gauss-Legendre cross-entropy");
        assertThat(kl.method()).isEqualTo("Gauss-Legendre KL");
    }
}
