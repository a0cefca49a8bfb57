package org.probity.spec.internal;

import java.time.Duration;
import java.util.Locale;

/**
 * The time one try (one model instance) may take to evaluate: a deadline that the evaluators'
 * loops (enumeration points, sum terms, Monte Carlo samples, assignments) check every 256 steps.
 * Past it, {@link Exceeded} stops the evaluation; the check then reports the item as not checked,
 * naming the budget. A backstop for what the up-front limits ({@link Limits}) do not bound.
 */
final class Budget {
    /** No deadline (tests that evaluate single expressions). */
    static final Budget NONE = new Budget(null, Long.MAX_VALUE);

    private final Duration limit;
    private final long deadline;
    private int calls;

    private Budget(Duration limit, long deadline) {
        this.limit = limit;
        this.deadline = deadline;
    }

    /** A budget of {@code limit} from now. */
    static Budget of(Duration limit) {
        return new Budget(limit, System.nanoTime() + limit.toNanos());
    }

    /** @throws Exceeded when the deadline has passed (checked on every 256th call) */
    void check() {
        if ((++calls & 255) == 0 && limit != null && System.nanoTime() - deadline > 0) {
            throw new Exceeded(limit);
        }
    }

    /** @throws Exceeded when the deadline has passed (checked on every call: for coarse loops) */
    void checkNow() {
        if (limit != null && System.nanoTime() - deadline > 0) {
            throw new Exceeded(limit);
        }
    }

    /** An evaluation ran past its per-try budget. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded(Duration limit) {
            super(String.format(Locale.ROOT, "one instance took longer than the per-try budget of %.3g s",
                limit.toNanos() / 1e9), null, false, false);
        }
    }
}
