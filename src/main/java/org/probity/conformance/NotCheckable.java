package org.probity.conformance;

import java.util.Locale;
import org.probity.math.Counts;

/**
 * Values of a property that the declared precision cannot resolve for some inputs (for example
 * 1 − ᾱ_t below the float32 resolution of 1): neither a pass nor a failure. Reported once per
 * property, with the simplest such input the engine found and the reason.
 *
 * @param op the op of the property
 * @param property the property's name
 * @param input the simplest input of the region, printed
 * @param quantity the number that is not checkable there, e.g. {@code "variance[0]"}
 * @param implementation the implementation's answer on it
 * @param expected what the comparison would have compared it with
 * @param reason why it is not checkable (the quantity's conditioning at the declared precision)
 * @param count how many compared values of the property were not checkable
 * @param compared how many values the property compared in all
 * @param replayToken the token that reruns the input shown ({@code check-impl --replay})
 */
public record NotCheckable(Op op, String property, String input, String quantity, double implementation,
                           double expected, String reason, long count, long compared, String replayToken) {

    /** Several lines, as check-impl prints them. */
    public String render() {
        return String.format(Locale.ROOT, "NOT CHECKABLE %s — %s: %d of %s%n  input: %s%n  %s: %s%n  (implementation %s, "
                + "compared with %s; rerun this input with --replay %s)",
            op.wireName(), property, count, Counts.of(compared, "value"), input, quantity, reason, implementation, expected, replayToken);
    }
}
