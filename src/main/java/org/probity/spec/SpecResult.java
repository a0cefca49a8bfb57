package org.probity.spec;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.probity.check.RunConfig;

/**
 * What checking a {@code .prob} file found: one {@link Item} per claim, per derivation step and per
 * derivation chain, per model family. {@link #render()} is the text SPEC-LANGUAGE.md ("What
 * {@code probity check} prints") describes.
 */
public final class SpecResult {
    private final String fileName;
    private final List<Item> items;
    private final RunConfig options;
    private final Duration elapsed;

    /**
     * The result of one claim, step or chain on one family.
     *
     * @param name the claim or derivation name; a step is "NAME, step k", a chain "NAME, whole chain"
     * @param kind "claim", "step" or "chain"
     * @param family "markov" or "gaussian"
     * @param line the line of the claim or step
     * @param text the source text of the claim or step
     * @param relation the relation checked (==, <=, >=, <, >)
     * @param passed whether it held on every instance
     * @param instances model instances tried
     * @param defined instances on which both sides were defined at some assignment (the rest were skipped)
     * @param largestDiscrepancy the largest |left - right| seen (NaN when never defined)
     * @param tolerance the tolerance rule of the largest discrepancy or of the failure
     * @param method "exact" or the Monte Carlo declaration (false-alarm rate, samples)
     * @param counterexample for a failure: the shrunk model instance, the assignment of free
     *     variables, both sides, the difference and the tolerance; empty when passed
     * @param seed the seed of the run
     * @param replay the engine's replay token of the shrunk counterexample, empty when passed
     */
    public record Item(String name, String kind, String family, int line, String text, String relation, boolean passed,
                       int instances, int defined, double largestDiscrepancy, String tolerance, String method,
                       String counterexample, long seed, String replay) {
        /** The multi-line rendering of this item. */
        public String render() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%s  %s [%s] line %d: %d instances", passed ? "PASS" : "FAIL", name,
                family, line, instances));
            if (defined < instances) {
                sb.append(String.format(Locale.ROOT, " (%d where defined)", defined));
            }
            sb.append(String.format(Locale.ROOT, ", largest discrepancy %s", discrepancy(largestDiscrepancy)));
            if (!tolerance.isEmpty()) {
                sb.append(" (tolerance ").append(tolerance).append(')');
            }
            if (!method.equals("exact")) {
                sb.append("\n      ").append(method);
            }
            if (!passed) {
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

    /** Whether every item passed. */
    public boolean passed() {
        return items.stream().allMatch(Item::passed);
    }

    /** The first failed item in file order. */
    public Optional<Item> firstFailure() {
        return items.stream().filter(i -> !i.passed()).findFirst();
    }

    /** The options of the run. */
    public RunConfig options() {
        return options;
    }

    /** Wall-clock time of the check. */
    public Duration elapsed() {
        return elapsed;
    }

    /** The process exit code {@code probity check} uses: 0 when all hold, 1 when one fails. */
    public int exitCode() {
        return passed() ? 0 : 1;
    }

    /** The report text: one block per item, then a summary line. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(fileName).append(" (").append(options).append(")\n");
        for (Item i : items) {
            sb.append(i.render()).append('\n');
        }
        long failed = items.stream().filter(i -> !i.passed()).count();
        sb.append(String.format(Locale.ROOT, "%s: %d checks, %d failed, %d ms", failed == 0 ? "PASS" : "FAIL",
            items.size(), failed, elapsed.toMillis()));
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
