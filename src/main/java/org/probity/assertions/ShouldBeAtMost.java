package org.probity.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.probity.math.Tolerance;

/**
 * Failure message "actual should be at most a bound, up to a tolerance": reports both values, by how
 * much the bound is exceeded and the tolerance with the excess it allows for this pair.
 */
final class ShouldBeAtMost extends BasicErrorMessageFactory {
    private ShouldBeAtMost(String what, double actual, double bound, Tolerance slack) {
        super("%nExpecting " + what + ":%n  %s%nto be at most:%n  %s%nup to %s%nbut it exceeds it by %s (allowed %s).",
            unquotedString(Double.toString(actual)), unquotedString(Double.toString(bound)), unquotedString(slack.toString()),
            unquotedString(Double.toString(Tolerance.difference(bound, actual))),
            unquotedString(Double.toString(slack.allowance(bound, actual))));
    }

    static ErrorMessageFactory shouldBeAtMost(String what, double actual, double bound, Tolerance slack) {
        return new ShouldBeAtMost(what, actual, bound, slack);
    }
}
