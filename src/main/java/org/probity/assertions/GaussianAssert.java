package org.probity.assertions;

import org.assertj.core.api.AbstractAssert;
import org.probity.dist.Gaussian;
import org.probity.math.Tolerance;

/** Assertions on a {@link Gaussian}. Create with {@link ProbityAssertions#assertThat(Gaussian)}. */
public final class GaussianAssert extends AbstractAssert<GaussianAssert, Gaussian> {
    GaussianAssert(Gaussian actual) {
        super(actual, GaussianAssert.class);
    }

    /** Verifies that the mean is within {@code tolerance} of {@code expected}. */
    public GaussianAssert hasMean(double expected, Tolerance tolerance) {
        isNotNull();
        if (!tolerance.accepts(expected, actual.mean())) {
            throwAssertionError(ShouldBeCloseWithin.shouldBeCloseWithin("the mean of " + actual, actual.mean(), expected,
                tolerance));
        }
        return myself;
    }

    /** Verifies that the variance is within {@code tolerance} of {@code expected}. */
    public GaussianAssert hasVariance(double expected, Tolerance tolerance) {
        isNotNull();
        if (!tolerance.accepts(expected, actual.variance())) {
            throwAssertionError(ShouldBeCloseWithin.shouldBeCloseWithin("the variance of " + actual, actual.variance(),
                expected, tolerance));
        }
        return myself;
    }

    /** Verifies that mean and variance are each within {@code tolerance} of the expected distribution's. */
    public GaussianAssert isCloseTo(Gaussian expected, Tolerance tolerance) {
        isNotNull();
        return hasMean(expected.mean(), tolerance).hasVariance(expected.variance(), tolerance);
    }
}
