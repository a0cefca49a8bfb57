package org.probity.assertions;

import org.assertj.core.api.AbstractAssert;
import org.probity.math.Tolerance;

/**
 * Assertions on a computed number (a divergence, a probability, a log-likelihood): closeness under a
 * {@link Tolerance}, sign and range. Create with {@link ProbityAssertions#assertThat(double)}.
 */
public final class ValueAssert extends AbstractAssert<ValueAssert, Double> {
    ValueAssert(double actual) {
        super(actual, ValueAssert.class);
    }

    /**
     * Verifies that the actual value is within {@code tolerance} of {@code expected} (NaN never is;
     * equal infinities are).
     *
     * @param expected the expected value
     * @param tolerance the rule, printed on failure
     * @return this
     */
    public ValueAssert isCloseTo(double expected, Tolerance tolerance) {
        isNotNull();
        if (!tolerance.accepts(expected, actual)) {
            throwAssertionError(ShouldBeCloseWithin.shouldBeCloseWithin("actual", actual, expected, tolerance));
        }
        return myself;
    }

    /**
     * Verifies that the actual value is at most {@code bound}, or equal to it within {@code slack}
     * (an inequality such as ELBO ≤ log p(x_0) between two computed values, each with rounding
     * error): the relation {@code Verdict.atMost} checks. NaN on either side fails.
     *
     * @param bound the upper bound
     * @param slack the tolerance of the comparison when the actual value exceeds the bound
     * @return this
     */
    public ValueAssert isAtMost(double bound, Tolerance slack) {
        isNotNull();
        if (!(actual <= bound || slack.accepts(bound, actual))) {
            throwAssertionError(ShouldBeAtMost.shouldBeAtMost("actual", actual, bound, slack));
        }
        return myself;
    }

    /** Verifies that the actual value is {@code >= 0} (so not NaN): KL, entropy of a pmf, variances. */
    public ValueAssert isNonNegative() {
        isNotNull();
        if (!(actual >= 0)) {
            throwAssertionError(ShouldBeInRange.shouldBeNonNegative("actual", actual));
        }
        return myself;
    }

    /** Verifies that the actual value is a probability, in [0, 1]. */
    public ValueAssert isProbability() {
        isNotNull();
        if (!(actual >= 0 && actual <= 1)) {
            throwAssertionError(ShouldBeInRange.shouldBeProbability("actual", actual));
        }
        return myself;
    }

    /** Verifies that the actual value is finite (not NaN, not infinite). */
    public ValueAssert isFiniteValue() {
        isNotNull();
        if (!Double.isFinite(actual)) {
            throwAssertionError(ShouldBeInRange.shouldBeFinite("actual", actual));
        }
        return myself;
    }
}
