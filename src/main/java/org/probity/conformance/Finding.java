package org.probity.conformance;

import java.util.Locale;

/**
 * A violated property, with the shrunk input: which op, which property, the input (schedule family,
 * length and β values, the arguments), the implementation's answer, the expected answer (Probity's
 * reference, or the implementation's own answers for a self-consistency property), the difference
 * and the tolerance.
 *
 * @param op the op the finding is about
 * @param property the property's name
 * @param input the shrunk input, printed
 * @param quantity the failing number, e.g. {@code "variance[0]"}, or {@code "error"}
 * @param implementation the implementation's answer (NaN when it raised an error)
 * @param expected what it should be (NaN when it raised an error)
 * @param difference |implementation − expected|
 * @param tolerance the tolerance rule, printed
 * @param detail one line: the comparison, or the implementation's error text
 * @param shrinkSteps how many candidates the shrinker tried
 * @param seed the seed of the run
 * @param replayToken the token that reruns exactly the shrunk input:
 *     {@code probity check-impl --replay TOKEN -- COMMAND}; empty for the whole-run property, whose
 *     input is a request of the run rather than a generated case
 */
public record Finding(Op op, String property, String input, String quantity, double implementation, double expected,
                      double difference, String tolerance, String detail, int shrinkSteps, long seed, String replayToken) {

    /** Several lines: op and property, then input, detail and the replay option, as printed by check-impl. */
    public String render() {
        if (replayToken.isEmpty()) {
            return String.format(Locale.ROOT, "FAIL %s — %s%n  input: %s%n  %s%n  (seen across the whole run; seed %d)",
                op.wireName(), property, input, detail, seed);
        }
        return String.format(Locale.ROOT, "FAIL %s — %s%n  input: %s%n  %s%n  (shrunk in %d steps; seed %d; rerun this input with --replay %s)",
            op.wireName(), property, input, detail, shrinkSteps, seed, replayToken);
    }
}
