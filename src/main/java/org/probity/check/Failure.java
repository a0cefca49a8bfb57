package org.probity.check;

import java.util.Locale;

/**
 * A failure of a property: the shrunk counterexample and how to replay it.
 *
 * @param counterexample the shrunk input, rendered
 * @param original the input as first found, rendered
 * @param verdict the verdict on the shrunk input (both sides, difference, tolerance)
 * @param seed the run's seed
 * @param tryIndex the index of the try that first failed (-1 for an explicit example)
 * @param choices the shrunk choice sequence
 * @param shrinkSteps how many candidates shrinking evaluated
 * @param flaky whether the failure did not reproduce when replayed (the property depends on
 *     hidden state); a flaky failure is not shrunk
 * @param replayToken the token that replays the shrunk input ({@code -Dprobity.replay=TOKEN} or
 *     {@link RunConfig#withReplay})
 */
public record Failure(String counterexample, String original, Verdict verdict, long seed, int tryIndex,
                      long[] choices, int shrinkSteps, boolean flaky, String replayToken) {
    /** A multi-line rendering for reports. */
    public String render() {
        StringBuilder b = new StringBuilder();
        if (flaky) {
            b.append(String.format(Locale.ROOT,
                "  FLAKY: try %d failed, but the same input passed when replayed: the property depends on hidden state%n",
                tryIndex));
            b.append("  input: ").append(counterexample).append(System.lineSeparator());
        } else {
            b.append(String.format(Locale.ROOT, "  counterexample (shrunk in %d steps): %s%n", shrinkSteps, counterexample));
            if (!original.equals(counterexample)) {
                b.append("  first found: ").append(original).append(System.lineSeparator());
            }
        }
        b.append("  ").append(verdict.render().replace("\n", "\n  ")).append(System.lineSeparator());
        b.append(String.format(Locale.ROOT, "  seed: %d (rerun everything with -Dprobity.seed=%d)%n", seed, seed));
        b.append(String.format(Locale.ROOT, "  replay this input: -Dprobity.replay=%s", replayToken));
        return b.toString();
    }
}
