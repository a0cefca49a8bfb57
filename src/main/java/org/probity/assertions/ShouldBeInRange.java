package org.probity.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failure message "actual should lie in a range" (non-negative, a probability, finite). */
final class ShouldBeInRange extends BasicErrorMessageFactory {
    private ShouldBeInRange(String what, double actual, String range) {
        super("%nExpecting " + what + ":%n  %s%nto be " + range + "%nbut it was not.", unquotedString(Double.toString(actual)));
    }

    static ErrorMessageFactory shouldBeNonNegative(String what, double actual) {
        return new ShouldBeInRange(what, actual, "non-negative (>= 0, not NaN)");
    }

    static ErrorMessageFactory shouldBeProbability(String what, double actual) {
        return new ShouldBeInRange(what, actual, "a probability in [0, 1]");
    }

    static ErrorMessageFactory shouldBeFinite(String what, double actual) {
        return new ShouldBeInRange(what, actual, "finite");
    }
}
