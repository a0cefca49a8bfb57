package org.probity.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failures of one run, one per kind ({@link Verdict#failureKind()}: exception type and origin,
 * or verdict name and condition), at most {@value #MAX} kinds, in the order they were found; each
 * is shrunk on its own, and a kind met only while shrinking another joins the list (Hypothesis'
 * {@code report_multiple_bugs}).
 *
 * @param <T> the type of the inputs
 */
final class DistinctFailures<T> {
    /** The most distinct failures a run keeps, shrinks and reports. */
    static final int MAX = 8;

    /** A failure found by the run, before shrinking; try index −1 for a stored example. */
    private record Found<T>(Trial<Evaluator.Generated<T>> trial, Verdict verdict, int tryIndex) {
    }

    private final Map<String, Found<T>> found = new LinkedHashMap<>();

    /** Whether no failure was found. */
    boolean isEmpty() {
        return found.isEmpty();
    }

    /**
     * Keeps {@code trial} failing with {@code verdict} when its kind is new and there is room.
     *
     * @return whether it was kept
     */
    boolean offer(Trial<Evaluator.Generated<T>> trial, Verdict verdict, int tryIndex) {
        if (found.size() >= MAX || found.containsKey(verdict.failureKind())) {
            return false;
        }
        found.put(verdict.failureKind(), new Found<>(trial, verdict, tryIndex));
        return true;
    }

    /**
     * Shrinks every failure within the run's shrink time budget (once it is spent, the rest are
     * reported unshrunk); a candidate that fails in a new way is kept and shrunk in its turn.
     */
    List<Failure> shrinkAll(Trials<Evaluator.Generated<T>> trials, Evaluator<T> evaluator, RunConfig cfg) {
        List<String> order = new ArrayList<>(found.keySet());
        List<Failure> failures = new ArrayList<>();
        long deadline = System.nanoTime() + cfg.shrinkTimeBudget().toNanos();
        for (int i = 0; i < order.size(); i++) {
            Found<T> f = found.get(order.get(i));
            if (System.nanoTime() > deadline) {
                String shown = f.trial().value().toString();
                failures.add(new Failure(shown, shown, f.verdict(), cfg.seed(), f.tryIndex(), f.trial().choices(), 0, false,
                    f.trial().replayToken(), cfg.seedSource()));
                continue;
            }
            Shrunk<Evaluator.Generated<T>> s = trials.shrink(f.trial(), f.verdict(), evaluator::verdictOrDiscard, (t, v) -> {
                if (offer(t, v, f.tryIndex())) {
                    order.add(v.failureKind());
                }
            });
            failures.add(new Failure(s.trial().value().toString(), s.original().value().toString(), s.verdict(), cfg.seed(),
                f.tryIndex(), s.trial().choices(), s.steps(), s.flaky(), s.trial().replayToken(), cfg.seedSource()));
        }
        return failures;
    }
}
