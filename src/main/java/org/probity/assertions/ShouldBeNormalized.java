package org.probity.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.probity.math.Tolerance;

/** Failure message "the probabilities should sum to 1": reports the sum, the difference and the tolerance. */
final class ShouldBeNormalized extends BasicErrorMessageFactory {
    private ShouldBeNormalized(String actual, double sum, Tolerance tolerance) {
        super("%nExpecting the probabilities of:%n  %s%nto sum to 1 within %s%nbut they sum to %s (difference %s; allowed %s).",
            unquotedString(actual), unquotedString(tolerance.toString()), unquotedString(Double.toString(sum)),
            unquotedString(Double.toString(Math.abs(sum - 1))), unquotedString(Double.toString(tolerance.allowance(1, sum))));
    }

    static ErrorMessageFactory shouldBeNormalized(String actual, double sum, Tolerance tolerance) {
        return new ShouldBeNormalized(actual, sum, tolerance);
    }
}
