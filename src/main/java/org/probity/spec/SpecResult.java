package org.probity.spec;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.probity.check.RunConfig;
import org.probity.math.Counts;

/**
 * What checking a {@code .prob} file found: one {@link Item} per claim, per derivation step and per
 * derivation chain, per model family. {@link #render()} is the text SPEC-LANGUAGE.md ("What
 * {@code probity check} prints") describes.
 *
 * <p>Three verdicts, never blurred ({@link Status}): an item holds, fails (with a shrunk
 * counterexample), or is not checked (with the reason and the source position of what could not be
 * evaluated). Not-checked items are counted apart; they make {@link #exitCode(boolean)} 1 only when
 * strict.
 */
public final class SpecResult {
    private final String fileName;
    private final List<Item> items;
    private final RunConfig options;
    private final Duration elapsed;

    /** The verdict of one item. */
    public enum Status {
        /** Held on every instance where it was defined (at least one). */
        PASS("PASS"),
        /** Failed on an instance: a shrunk counterexample is reported. */
        FAIL("FAIL"),
        /**
         * Could not be decided: a construct the family cannot evaluate, or no instance on which both
         * sides were defined; the reason says which.
         */
        NOT_CHECKED("NOT CHECKED");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** {@code PASS}, {@code FAIL} or {@code NOT CHECKED}, as reports print it. */
        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * The result of one claim, step or chain on one family.
     *
     * @param name the claim or derivation name; a step is "NAME, step k", a chain "NAME, whole chain"
     * @param kind "claim", "step" or "chain"
     * @param family "markov" or "gaussian"
     * @param line the line of the claim or step
     * @param text the source text of the claim or step
     * @param relation the relation checked (==, <=, >=, <, >)
     * @param status PASS, FAIL or NOT CHECKED
     * @param instances model instances tried
     * @param defined instances on which both sides were defined at some assignment (the rest were skipped)
     * @param largestDiscrepancy the largest |left - right| seen (NaN when never defined)
     * @param tolerance the tolerance rule of the largest discrepancy or of the failure
     * @param method "exact" or the Monte Carlo declaration (false-alarm rate, samples)
     * @param counterexample for a failure: the shrunk model instance, the assignment of free
     *     variables, both sides, the difference and the tolerance; empty otherwise
     * @param reason for NOT CHECKED: why, with the source position of the construct
     *     ({@code line L, column C}); for a PASS with skipped instances: why they were skipped; else empty
     * @param seed the seed of the run
     * @param replay the engine's replay token of the shrunk counterexample, empty unless failed
     */
    public record Item(String name, String kind, String family, int line, String text, String relation, Status status,
                       int instances, int defined, double largestDiscrepancy, String tolerance, String method,
                       String counterexample, String reason, long seed, String replay) {
        /** Whether it held (status PASS). */
        public boolean passed() {
            return status == Status.PASS;
        }

        /** Whether it failed (status FAIL). */
        public boolean failed() {
            return status == Status.FAIL;
        }

        /** Whether it was not checked (status NOT CHECKED). */
        public boolean notChecked() {
            return status == Status.NOT_CHECKED;
        }

        /** The multi-line rendering of this item. */
        public String render() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%s  %s [%s] line %d: %s", status.label(), name,
                family, line, Counts.of(instances, "instance")));
            if (defined < instances) {
                sb.append(String.format(Locale.ROOT, " (%d where defined)", defined));
            }
            if (status != Status.NOT_CHECKED || !Double.isNaN(largestDiscrepancy)) {
                sb.append(String.format(Locale.ROOT, ", largest discrepancy %s", discrepancy(largestDiscrepancy)));
                if (!tolerance.isEmpty()) {
                    sb.append(" (tolerance ").append(tolerance).append(')');
                }
            }
            if (!method.equals("exact")) {
                sb.append("\n      ").append(method);
            }
            if (!reason.isEmpty()) {
                sb.append("\n      ").append(status == Status.NOT_CHECKED ? "not checked: " : "skipped: ")
                    .append(reason.replace("\n", "\n      "));
            }
            if (status == Status.FAIL) {
                sb.append("\n      line ").append(line).append(": ").append(text.replace("\n", "\n      "));
                sb.append("\n      ").append(counterexample.replace("\n", "\n      "));
            }
            return sb.toString();
        }

        private static String discrepancy(double d) {
            return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%.3g", d);
        }
    }

    SpecResult(String fileName, List<Item> items, RunConfig options, Duration elapsed) {
        this.fileName = fileName;
        this.items = List.copyOf(items);
        this.options = options;
        this.elapsed = elapsed;
    }

    /** The file checked. */
    public String fileName() {
        return fileName;
    }

    /** Every claim, step and chain result in file order (markov before gaussian for each). */
    public List<Item> items() {
        return items;
    }

    /** Whether no item failed (items not checked do not fail a file; see {@link #exitCode(boolean)}). */
    public boolean passed() {
        return items.stream().noneMatch(Item::failed);
    }

    /** The number of items that failed. */
    public long failures() {
        return items.stream().filter(Item::failed).count();
    }

    /** The number of items not checked. */
    public long notChecked() {
        return items.stream().filter(Item::notChecked).count();
    }

    /** The first failed item in file order. */
    public Optional<Item> firstFailure() {
        return items.stream().filter(Item::failed).findFirst();
    }

    /** The options of the run. */
    public RunConfig options() {
        return options;
    }

    /** Wall-clock time of the check. */
    public Duration elapsed() {
        return elapsed;
    }

    /** The process exit code {@code probity check} uses: 0 when nothing fails, 1 when one fails. */
    public int exitCode() {
        return exitCode(false);
    }

    /**
     * The exit code: 1 when an item fails, or when {@code strict} and an item was not checked; else 0.
     */
    public int exitCode(boolean strict) {
        return failures() > 0 || (strict && notChecked() > 0) ? 1 : 0;
    }

    /** The report text: one block per item, then a summary line. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(fileName).append(" (").append(options).append(")\n");
        for (Item i : items) {
            sb.append(i.render()).append('\n');
        }
        sb.append(summaryLine());
        return sb.toString();
    }

    /**
     * {@code PASS: n checks, f failed, k not checked, t ms} ({@code FAIL} when one failed; the
     * not-checked count only when there are some).
     */
    public String summaryLine() {
        long failed = failures();
        long skipped = notChecked();
        return String.format(Locale.ROOT, "%s: %s, %d failed%s, %d ms", failed == 0 ? "PASS" : "FAIL",
            Counts.of(items.size(), "check"), failed, skipped == 0 ? "" : ", " + skipped + " not checked", elapsed.toMillis());
    }

    @Override
    public String toString() {
        return render();
    }
}
