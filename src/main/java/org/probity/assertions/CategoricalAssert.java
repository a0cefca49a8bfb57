package org.probity.assertions;

import org.assertj.core.api.AbstractAssert;
import org.probity.dist.Categorical;
import org.probity.divergence.Entropy;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;

/** Assertions on a {@link Categorical}. Create with {@link ProbityAssertions#assertThat(Categorical)}. */
public final class CategoricalAssert extends AbstractAssert<CategoricalAssert, Categorical> {
    CategoricalAssert(Categorical actual) {
        super(actual, CategoricalAssert.class);
    }

    /** Verifies that the probabilities sum to 1 within {@link Categorical#normalization(int)}. */
    public CategoricalAssert isNormalized() {
        isNotNull();
        return isNormalized(Categorical.normalization(actual.size()));
    }

    /**
     * Verifies that the probabilities sum (with compensation) to 1 within {@code tolerance}.
     *
     * @param tolerance the rule, printed on failure
     * @return this
     */
    public CategoricalAssert isNormalized(Tolerance tolerance) {
        isNotNull();
        double sum = NeumaierSum.sum(actual.probabilities());
        if (!tolerance.accepts(1, sum)) {
            throwAssertionError(ShouldBeNormalized.shouldBeNormalized(actual.toString(), sum, tolerance));
        }
        return myself;
    }

    /**
     * Verifies that every probability is within {@code tolerance} of the expected one; reports the first
     * category that is not.
     *
     * @param expected a distribution with as many categories
     * @param tolerance the rule, printed on failure
     * @return this
     */
    public CategoricalAssert isCloseTo(Categorical expected, Tolerance tolerance) {
        isNotNull();
        if (expected.size() != actual.size()) {
            failWithMessage("%nExpecting actual:%n  %s%nto have %s categories like:%n  %s%nbut it has %s.",
                actual, expected.size(), expected, actual.size());
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!tolerance.accepts(expected.probability(i), actual.probability(i))) {
                throwAssertionError(ShouldBeCloseWithin.shouldBeCloseWithin("probability " + i + " of " + actual,
                    actual.probability(i), expected.probability(i), tolerance));
            }
        }
        return myself;
    }

    /** Verifies that the entropy \( -\sum p_i \ln p_i \) is within {@code tolerance} of {@code expected}. */
    public CategoricalAssert hasEntropyCloseTo(double expected, Tolerance tolerance) {
        isNotNull();
        double h = Entropy.categorical(actual);
        if (!tolerance.accepts(expected, h)) {
            throwAssertionError(ShouldBeCloseWithin.shouldBeCloseWithin("the entropy of " + actual, h, expected, tolerance));
        }
        return myself;
    }
}
