package org.probity.report;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of one checked item (a catalog identity, a spec claim or a derivation step), as
 * every report renders it. Immutable.
 *
 * @param name               the identity, claim or step name (unique within a run)
 * @param family             the family (catalog family, or {@code spec:FILE} for spec items)
 * @param kind               {@code identity}, {@code claim} or {@code step}
 * @param statement          the statement in words or in the spec language
 * @param outcome            PASS, FAIL or NOT CHECKED
 * @param instances          how many generated instances were checked
 * @param largestDiscrepancy the largest difference between the two sides seen (NaN if no numeric
 *                           relation was evaluated; may be infinite)
 * @param tolerance          the tolerance rule, rendered ("" if none)
 * @param seed               the seed that replays the run of this item
 * @param counterexample     for a failure, the shrunk counterexample with both sides, the
 *                           difference and the tolerance; "" when it passed
 * @param reason             for NOT CHECKED: why it could not be checked and where; "" otherwise
 * @param replay             the command that replays this item exactly
 * @param elapsed            wall-clock time (a timing field: varies between runs)
 * @param worstErrOverTol    the largest share of its tolerance that a comparison used, found by
 *                           the engine's targeted search ({@code err/tol}, above 1 for a failure);
 *                           NaN when the item was not searched that way
 */
public record CheckRecord(String name, String family, String kind, String statement, Outcome outcome, int instances,
                          double largestDiscrepancy, String tolerance, long seed, String counterexample, String reason,
                          String replay, Duration elapsed, double worstErrOverTol) {
    private static final String MSG_NEGATIVE = "instances: expected an integer >= 0, got %d";

    /** The three verdicts of a check, never blurred. */
    public enum Outcome {
        /** Held on every instance. */
        PASS("PASS"),
        /** Failed: a shrunk counterexample is reported. */
        FAIL("FAIL"),
        /** Could not be checked (a construct that cannot be evaluated, no defined instance): the reason says why. */
        NOT_CHECKED("NOT CHECKED");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** {@code PASS}, {@code FAIL} or {@code NOT CHECKED}. */
        public String label() {
            return label;
        }
    }

    /**
     * A record that passed or failed (no NOT CHECKED, no reason): the shape of the catalog's and
     * {@code check-impl}'s checks.
     */
    public CheckRecord(String name, String family, String kind, String statement, boolean passed, int instances,
                       double largestDiscrepancy, String tolerance, long seed, String counterexample, String replay,
                       Duration elapsed) {
        this(name, family, kind, statement, passed, instances, largestDiscrepancy, tolerance, seed, counterexample, replay,
                elapsed, Double.NaN);
    }

    /** A record that passed or failed, with the worst err/tol its targeted search found (the catalog's). */
    public CheckRecord(String name, String family, String kind, String statement, boolean passed, int instances,
                       double largestDiscrepancy, String tolerance, long seed, String counterexample, String replay,
                       Duration elapsed, double worstErrOverTol) {
        this(name, family, kind, statement, passed ? Outcome.PASS : Outcome.FAIL, instances, largestDiscrepancy,
                tolerance, seed, counterexample, "", replay, elapsed, worstErrOverTol);
    }

    /** A record of an item that was not searched for its worst err/tol ({@code worstErrOverTol} NaN). */
    public CheckRecord(String name, String family, String kind, String statement, Outcome outcome, int instances,
                       double largestDiscrepancy, String tolerance, long seed, String counterexample, String reason,
                       String replay, Duration elapsed) {
        this(name, family, kind, statement, outcome, instances, largestDiscrepancy, tolerance, seed, counterexample, reason,
                replay, elapsed, Double.NaN);
    }

    /** Validates: no null fields, {@code instances >= 0}. */
    public CheckRecord {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(counterexample, "counterexample");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(elapsed, "elapsed");
        if (instances < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_NEGATIVE, instances));
        }
    }

    /** @return {@code PASS}, {@code FAIL} or {@code NOT CHECKED} */
    public String verdict() {
        return outcome.label();
    }

    /** @return whether it held */
    public boolean passed() {
        return outcome == Outcome.PASS;
    }

    /** @return whether it failed */
    public boolean failed() {
        return outcome == Outcome.FAIL;
    }

    /** @return whether it could not be checked */
    public boolean notChecked() {
        return outcome == Outcome.NOT_CHECKED;
    }

    /**
     * @return one line for displays that hold one (JUnit's failure message): the counterexample's
     *         line that names the shrunk input, else its first line; "" when it did not fail
     */
    public String counterexampleHeadline() {
        String c = counterexample.strip();
        return c.lines().map(String::strip).filter(l -> l.startsWith("counterexample")).findFirst()
                .orElse(c.lines().findFirst().orElse("").strip());
    }
}
