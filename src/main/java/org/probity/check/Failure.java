package org.probity.check;

import java.util.Locale;
import org.probity.math.Counts;

/**
 * A failure of a property: the shrunk counterexample and how to replay it.
 *
 * @param counterexample the shrunk input, rendered
 * @param original the input as first found, rendered
 * @param verdict the verdict on the shrunk input (both sides, difference, tolerance)
 * @param seed the run's seed
 * @param tryIndex the index of the try that first failed (-1 for an explicit example)
 * @param choices the shrunk choice sequence
 * @param shrinkSteps how many times shrinking replaced the input by a smaller failing one
 * @param flaky whether the failure did not reproduce when replayed (the property depends on
 *     hidden state); a flaky failure is not shrunk
 * @param replayToken the token that replays the shrunk input ({@code -Dprobity.replay=TOKEN} or
 *     {@link RunConfig#withReplay})
 * @param seedSource how the seed was set, which decides how the report says to rerun the run
 */
public record Failure(String counterexample, String original, Verdict verdict, long seed, int tryIndex,
                      long[] choices, int shrinkSteps, boolean flaky, String replayToken, RunConfig.Source seedSource) {
    /** The {@link #tryIndex()} of an input replayed from a replay token (no try of a seeded run; not shrunk). */
    public static final int REPLAYED = -2;

    /** Whether this is the input of a replay token, which holds the input itself and no seed. */
    public boolean replayed() {
        return tryIndex == REPLAYED;
    }

    /** A multi-line rendering for reports. */
    public String render() {
        StringBuilder b = new StringBuilder();
        if (flaky) {
            b.append(String.format(Locale.ROOT,
                "  FLAKY: try %d failed, but the same input passed when replayed: the property depends on hidden state%n",
                tryIndex));
            b.append("  input: ").append(counterexample).append(System.lineSeparator());
        } else if (replayed()) {
            b.append(String.format(Locale.ROOT, "  counterexample (replayed from the token, as recorded): %s%n", counterexample));
        } else {
            b.append(String.format(Locale.ROOT, "  counterexample (shrunk in %s): %s%n", Counts.of(shrinkSteps, "step"),
                counterexample));
            if (!original.equals(counterexample)) {
                b.append("  first found: ").append(original).append(System.lineSeparator());
            }
        }
        b.append("  ").append(verdict.render().replace("\n", "\n  ")).append(System.lineSeparator());
        b.append("  seed: ").append(replayed() ? "none (the replay token holds the input itself, not a seed)"
            : seedAdvice()).append(System.lineSeparator());
        b.append(String.format(Locale.ROOT, "  replay this input: -Dprobity.replay=%s", replayToken));
        return b.toString();
    }

    /** The seed and how the whole run is repeated, which depends on how the seed was set. */
    private String seedAdvice() {
        return switch (seedSource) {
            case DEFAULT -> String.format(Locale.ROOT, "%d (the default seed: every run without -Dprobity.seed repeats it)", seed);
            case SYSTEM_PROPERTY -> String.format(Locale.ROOT, "%d (rerun everything with -Dprobity.seed=%d)", seed, seed);
            case RANDOM -> String.format(Locale.ROOT,
                "%d (drawn by -Dprobity.seed=random; rerun everything with -Dprobity.seed=%d)", seed, seed);
            case CODE -> String.format(Locale.ROOT, "%d (set by the caller; the same seed reruns everything)", seed);
        };
    }
}
