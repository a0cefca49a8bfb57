package org.probity.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.probity.math.Counts;

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

    /** The {@link #quantity()} of a finding whose implementation raised an error. */
    public static final String ERROR = "error";

    /** Whether the implementation raised an error on the input (rather than answering a wrong number). */
    public boolean isCrash() {
        return ERROR.equals(quantity);
    }

    /**
     * {@code findings} with each error the implementation raised listed once: the crashes whose
     * error text is the same apart from the op's name (one fault, such as a constructor that fails
     * for T = 1, met by every property that builds the object) are merged into the first, which
     * names the other ops and how many properties met it. The other findings are kept, in order.
     *
     * @param findings findings in report order
     * @return the findings with the crashes merged
     */
    public static List<Finding> mergeCrashes(List<Finding> findings) {
        Map<String, List<Finding>> crashes = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.isCrash()) {
                crashes.computeIfAbsent(errorKey(f), k -> new ArrayList<>()).add(f);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.isCrash()) {
                out.add(f);
                continue;
            }
            List<Finding> same = crashes.get(errorKey(f));
            if (same.get(0) != f) {
                continue;
            }
            if (same.size() == 1) {
                out.add(f);
                continue;
            }
            List<String> others = same.stream().skip(1).map(o -> o.op().wireName()).filter(o -> !o.equals(f.op().wireName()))
                .distinct().toList();
            String also = String.format(Locale.ROOT, " (the same error met by %s%s)",
                Counts.of(same.size() - 1, "more property", "more properties"),
                others.isEmpty() ? "" : ", also on " + String.join(", ", others));
            out.add(new Finding(f.op(), f.property(), f.input(), f.quantity(), f.implementation(), f.expected(), f.difference(),
                f.tolerance(), f.detail() + also, f.shrinkSteps(), f.seed(), f.replayToken()));
        }
        return List.copyOf(out);
    }

    /** The names of the ops, as an error text starts its message with the op that raised it. */
    private static final Pattern OP_NAME = Pattern.compile(
        "\\b(" + String.join("|", java.util.Arrays.stream(Op.values()).map(Op::wireName).toList()) + "): ");

    /** A crash's error text without the name of the op that raised it (the same fault met through another op). */
    private static String errorKey(Finding f) {
        return OP_NAME.matcher(f.detail()).replaceFirst("");
    }

    /** Several lines: op and property, then input, detail and the replay option, as printed by check-impl. */
    public String render() {
        return render(false);
    }

    /**
     * As {@link #render()}; {@code replayed} for the finding of a {@code --replay} run, whose token holds the input
     * itself: it was neither drawn from a seed nor shrunk, so neither is printed.
     */
    public String render(boolean replayed) {
        if (replayed && !replayToken.isEmpty()) {
            return String.format(Locale.ROOT, "FAIL %s — %s%n  input: %s%n  %s%n  (replayed from --replay %s: the token "
                + "holds this input, not a seed)", op.wireName(), property, input, detail, replayToken);
        }
        if (replayToken.isEmpty()) {
            return String.format(Locale.ROOT, "FAIL %s — %s%n  input: %s%n  %s%n  (seen across the whole run; seed %d)",
                op.wireName(), property, input, detail, seed);
        }
        return String.format(Locale.ROOT, "FAIL %s — %s%n  input: %s%n  %s%n  (shrunk in %s; seed %d; rerun this input with --replay %s)",
            op.wireName(), property, input, detail, Counts.of(shrinkSteps, "step"), seed, replayToken);
    }
}
