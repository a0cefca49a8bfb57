package org.probity.assertions;

import org.probity.dist.Categorical;
import org.probity.dist.Gaussian;

/**
 * Entry point of Probity's AssertJ assertions: {@code ProbityAssertions.assertThat(...)} for
 * distributions and computed values, with failure messages that report expected, actual, the
 * difference and the {@link org.probity.math.Tolerance} (AssertJ {@code ShouldBeEqualWithinOffset} style).
 *
 * <pre>{@code
 * assertThat(Categorical.of(p)).isNormalized();
 * assertThat(Kl.gaussian(m1, v1, m2, v2)).isNonNegative().isCloseTo(expected, Tolerance.ulps(8));
 * }</pre>
 *
 * <p>{@code assertThat(double)} clashes with AssertJ's when both are statically imported; import
 * this class's method explicitly or call it qualified.
 */
public final class ProbityAssertions {
    private ProbityAssertions() {
    }

    /** Assertions on a categorical distribution. */
    public static CategoricalAssert assertThat(Categorical actual) {
        return new CategoricalAssert(actual);
    }

    /** Assertions on a Gaussian. */
    public static GaussianAssert assertThat(Gaussian actual) {
        return new GaussianAssert(actual);
    }

    /** Assertions on a computed number. */
    public static ValueAssert assertThat(double actual) {
        return new ValueAssert(actual);
    }
}
