package org.probity.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.probity.math.Counts;
import org.probity.math.Tolerance;
import org.probity.math.Ulps;

/**
 * Failure message "actual should be within a tolerance of expected": reports both values, the
 * difference (absolute and in ulps) and the tolerance with the absolute difference it allows.
 */
final class ShouldBeCloseWithin extends BasicErrorMessageFactory {
    private ShouldBeCloseWithin(String what, double actual, double expected, Tolerance tolerance) {
        super("%nExpecting " + what + ":%n  %s%nto be close to:%n  %s%nwithin %s%n"
                + "but the difference was %s (%s; allowed %s).",
            unquotedString(Double.toString(actual)), unquotedString(Double.toString(expected)),
            unquotedString(tolerance.toString()), unquotedString(Double.toString(Math.abs(actual - expected))),
            unquotedString(ulps(actual, expected)), unquotedString(Double.toString(tolerance.allowance(expected, actual))));
    }

    private static String ulps(double actual, double expected) {
        long d = Ulps.distance(actual, expected);
        return d == Long.MAX_VALUE ? "too many ulps" : Counts.of(d, "ulp");
    }

    /**
     * @param what what the value is, e.g. "actual" or "the mean of actual"
     */
    static ErrorMessageFactory shouldBeCloseWithin(String what, double actual, double expected, Tolerance tolerance) {
        return new ShouldBeCloseWithin(what, actual, expected, tolerance);
    }
}
