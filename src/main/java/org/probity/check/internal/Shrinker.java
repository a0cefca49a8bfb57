package org.probity.check.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Shrinks a failing choice sequence. Each pass proposes edited sequences; a proposal is kept when
 * the regenerated input still fails and its recorded choices are smaller in shortlex order
 * (shorter, or as long and lexicographically smaller), so shrinking always terminates. Passes, in
 * order, until none makes progress or the budget runs out: delete spans of 8, 4, 2, 1 choices;
 * zero such spans; lower each choice (to 0, then by binary search, then by one); sort adjacent
 * pairs.
 *
 * @param <A> the payload of a failing attempt (input and verdict)
 */
public final class Shrinker<A> {
    /** A failing attempt: the choices it recorded, and what it found. */
    public record Attempt<A>(long[] recorded, A payload) {
    }

    private static final int[] SPANS = {8, 4, 2, 1};

    private final Function<long[], Attempt<A>> oracle;
    private final int maxSteps;
    private final long deadlineNanos;
    private final Set<ChoiceKey> seen = new HashSet<>();
    private Attempt<A> best;
    private int steps;

    /**
     * @param oracle runs a candidate sequence; returns the attempt when the input fails, else null
     * @param maxSteps the most candidates to evaluate
     * @param budgetNanos the wall-clock budget
     */
    public Shrinker(Function<long[], Attempt<A>> oracle, int maxSteps, long budgetNanos) {
        this.oracle = oracle;
        this.maxSteps = maxSteps;
        this.deadlineNanos = System.nanoTime() + budgetNanos;
    }

    /** Shrinks from {@code start} and returns the smallest failing attempt found. */
    public Attempt<A> shrink(Attempt<A> start) {
        best = start;
        seen.add(new ChoiceKey(start.recorded()));
        boolean progress = true;
        while (progress && !exhausted()) {
            progress = deleteSpans() | zeroSpans() | lowerValues() | sortPairs();
        }
        return best;
    }

    /** How many candidates were evaluated. */
    public int steps() {
        return steps;
    }

    private boolean exhausted() {
        return steps >= maxSteps || System.nanoTime() > deadlineNanos;
    }

    private boolean deleteSpans() {
        boolean any = false;
        for (int k : SPANS) {
            for (int i = 0; i + k <= best.recorded().length && !exhausted(); ) {
                long[] cur = best.recorded();
                long[] cand = new long[cur.length - k];
                System.arraycopy(cur, 0, cand, 0, i);
                System.arraycopy(cur, i + k, cand, i, cur.length - i - k);
                if (consider(cand)) {
                    any = true;
                } else {
                    i++;
                }
            }
        }
        return any;
    }

    private boolean zeroSpans() {
        boolean any = false;
        for (int k : SPANS) {
            for (int i = 0; i + k <= best.recorded().length && !exhausted(); i++) {
                long[] cand = best.recorded().clone();
                boolean nonZero = false;
                for (int j = i; j < i + k; j++) {
                    nonZero |= cand[j] != 0;
                    cand[j] = 0;
                }
                if (nonZero && consider(cand)) {
                    any = true;
                }
            }
        }
        return any;
    }

    private boolean lowerValues() {
        boolean any = false;
        for (int i = 0; i < best.recorded().length && !exhausted(); i++) {
            long v = best.recorded()[i];
            if (v == 0) {
                continue;
            }
            if (tryValue(i, 0)) {
                any = true;
                continue;
            }
            // Binary search for the smallest value at i that still fails: lo passes, hi fails.
            long lo = 0;
            long hi = v;
            while (hi - lo > 1 && !exhausted() && i < best.recorded().length) {
                long mid = lo + (hi - lo) / 2;
                if (tryValue(i, mid)) {
                    hi = mid;
                    any = true;
                } else {
                    lo = mid;
                }
            }
            if (i < best.recorded().length && best.recorded()[i] > 0 && tryValue(i, best.recorded()[i] - 1)) {
                any = true;
            }
        }
        return any;
    }

    private boolean sortPairs() {
        boolean any = false;
        for (int i = 0; i + 1 < best.recorded().length && !exhausted(); i++) {
            long[] cand = best.recorded().clone();
            if (cand[i] > cand[i + 1]) {
                long t = cand[i];
                cand[i] = cand[i + 1];
                cand[i + 1] = t;
                any |= consider(cand);
            }
        }
        return any;
    }

    private boolean tryValue(int i, long value) {
        if (i >= best.recorded().length) {
            return false;
        }
        long[] cand = best.recorded().clone();
        cand[i] = value;
        return consider(cand);
    }

    private boolean consider(long[] cand) {
        if (!seen.add(new ChoiceKey(cand)) || exhausted()) {
            return false;
        }
        steps++;
        Attempt<A> a = oracle.apply(cand);
        if (a != null && shortlexLess(a.recorded(), best.recorded())) {
            best = a;
            seen.add(new ChoiceKey(a.recorded()));
            return true;
        }
        return false;
    }

    /** Whether {@code a} comes before {@code b} in shortlex order. */
    public static boolean shortlexLess(long[] a, long[] b) {
        if (a.length != b.length) {
            return a.length < b.length;
        }
        return Arrays.compare(a, b) < 0;
    }

    private record ChoiceKey(long[] choices) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ChoiceKey && Arrays.equals(choices, ((ChoiceKey) o).choices);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(choices);
        }
    }
}
