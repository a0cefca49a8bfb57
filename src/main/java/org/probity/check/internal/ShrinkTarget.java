package org.probity.check.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The state of one shrink: the target (the smallest failing attempt found so far, in shortlex
 * order), the candidates already evaluated, and the budget. The shrink passes propose candidates
 * through {@link #consider}; this class decides which are evaluated and which become the target,
 * and so keeps the shrinker's contract (see {@link Shrinker}): only shortlex-smaller candidates are
 * run, none twice, and none once the budget is spent.
 *
 * @param <A> the payload of a failing attempt
 */
final class ShrinkTarget<A> {
    private final Function<long[], Shrinker.Attempt<A>> oracle;
    private final int maxCalls;
    private final long deadlineNanos;
    /** Every candidate evaluated, with the length of the sequence it recorded (-1: it could not run). */
    private final Map<ChoiceKey, Integer> seen = new HashMap<>();
    private Shrinker.Attempt<A> best;
    private int calls;
    private int reductions;

    /**
     * @param oracle runs a candidate (see {@link Shrinker#Shrinker})
     * @param maxCalls the most candidates to evaluate
     * @param deadlineNanos when to stop ({@link System#nanoTime()})
     * @param start the failing attempt to shrink from
     */
    ShrinkTarget(Function<long[], Shrinker.Attempt<A>> oracle, int maxCalls, long deadlineNanos, Shrinker.Attempt<A> start) {
        this.oracle = oracle;
        this.maxCalls = maxCalls;
        this.deadlineNanos = deadlineNanos;
        this.best = start;
        seen.put(new ChoiceKey(start.recorded()), start.recorded().length);
    }

    /** The smallest failing attempt so far. */
    Shrinker.Attempt<A> best() {
        return best;
    }

    /** The choices of the target. */
    long[] choices() {
        return best.recorded();
    }

    /** The bounds of the target's choices, or null when they were not recorded. */
    long[] maxes() {
        return best.maxes();
    }

    /** The spans of the target ({@link Spans#NONE} when none were recorded). */
    Spans spans() {
        return best.spans() == null ? Spans.NONE : best.spans();
    }

    /** How many candidates were evaluated. */
    int calls() {
        return calls;
    }

    /** How many times the target was replaced by a smaller failing one. */
    int reductions() {
        return reductions;
    }

    /** Whether the budget of evaluations or time is spent. */
    boolean exhausted() {
        return calls >= maxCalls || System.nanoTime() > deadlineNanos;
    }

    /**
     * Proposes {@code cand}: evaluated only when it is shortlex-below the target and not seen
     * before; becomes the target when it fails the same way and records a smaller sequence.
     *
     * @return whether it became the target
     */
    boolean consider(long[] cand) {
        long[] t = choices();
        long[] c = cand.length > t.length ? Arrays.copyOf(cand, t.length) : cand;
        if (!shortlexLess(c, t)) {
            return false;
        }
        Shrinker.Attempt<A> a = evaluate(c);
        if (a != null && a.payload() != null && shortlexLess(a.recorded(), choices())) {
            accept(a);
            return true;
        }
        return false;
    }

    /**
     * The length of the sequence {@code cand} records (evaluating it once, and taking it as the
     * target when it qualifies), or −1 when it cannot run or is not below the target.
     */
    int recordedLength(long[] cand) {
        Integer known = seen.get(new ChoiceKey(cand));
        if (known != null) {
            return known;
        }
        if (!shortlexLess(cand, choices())) {
            return -1;
        }
        Shrinker.Attempt<A> a = evaluate(cand);
        if (a != null && a.payload() != null && shortlexLess(a.recorded(), choices())) {
            accept(a);
        }
        return a == null ? -1 : a.recorded().length;
    }

    /** Runs a candidate unless it was seen before or the budget is spent; null then. */
    private Shrinker.Attempt<A> evaluate(long[] cand) {
        ChoiceKey key = new ChoiceKey(cand);
        if (exhausted() || seen.containsKey(key)) {
            return null;
        }
        calls++;
        Shrinker.Attempt<A> a = oracle.apply(cand);
        seen.put(key, a == null ? -1 : a.recorded().length);
        return a;
    }

    private void accept(Shrinker.Attempt<A> a) {
        best = a;
        reductions++;
        seen.put(new ChoiceKey(a.recorded()), a.recorded().length);
    }

    /** {@code t} with choice {@code i} set to {@code v}. */
    static long[] with(long[] t, int i, long v) {
        long[] out = t.clone();
        out[i] = v;
        return out;
    }

    /** {@code t} without its choices {@code [from, to)}. */
    static long[] without(long[] t, int from, int to) {
        long[] out = new long[t.length - (to - from)];
        System.arraycopy(t, 0, out, 0, from);
        System.arraycopy(t, to, out, from, t.length - to);
        return out;
    }

    /** {@code t} with its choices {@code [from, to)} replaced by {@code content}. */
    static long[] replace(long[] t, int from, int to, long[] content) {
        long[] out = new long[t.length - (to - from) + content.length];
        System.arraycopy(t, 0, out, 0, from);
        System.arraycopy(content, 0, out, from, content.length);
        System.arraycopy(t, to, out, from + content.length, t.length - to);
        return out;
    }

    /** Whether {@code a} comes before {@code b} in shortlex order. */
    static boolean shortlexLess(long[] a, long[] b) {
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
