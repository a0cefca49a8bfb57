package org.probity.check.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.LongPredicate;

/**
 * Shrinks a failing choice sequence, after the shrinker of Hypothesis (MacIver and Donaldson,
 * "Test-Case Reduction via Test-Case Generation", ECOOP 2020; Hypothesis' {@code shrinker.py}).
 *
 * <p>The shrink target is the smallest failing sequence found so far in <em>shortlex</em> order
 * (shorter, or as long and lexicographically smaller). A candidate is evaluated only when it is
 * itself shortlex-smaller than the target (after cutting it to the target's length: a generation
 * that needs more is longer anyway), and it replaces the target only when the sequence it records
 * is shortlex-smaller and fails the same way. Every accepted step therefore lowers the target in a
 * well-founded order, so shrinking terminates; it also stops after {@code maxCalls} evaluations or
 * at its deadline.
 *
 * <p>The passes run in this order, and the round repeats until no pass improves the target:
 * <ol>
 *   <li>{@link #deleteSpans}: delete each span (a list element with its "more" choice, a subtree);</li>
 *   <li>{@link #deleteBlocks}: delete blocks of 8, 4, 2, 1 adjacent choices (for unmarked generators);</li>
 *   <li>{@link #zeroSpans}: set each span's choices to 0, the simplest value of that shape;</li>
 *   <li>{@link #lowerAlternatives}: lower a span's first choice (which alternative, which kind of
 *       node) and set the rest of the span to 0, since the rest was drawn for another alternative;</li>
 *   <li>{@link #replaceByDescendants}: put a span in place of the nearest enclosing span with the
 *       same label (a tree by one of its subtrees);</li>
 *   <li>{@link #reorderSpans}: sort sibling spans with the same label, then swap any two of them;</li>
 *   <li>{@link #lowerDuplicates}: lower choices that hold the same value under the same bound together;</li>
 *   <li>{@link #minimizeChoices}: lower each choice (see {@link #shrinkInteger}); when lowering a
 *       choice by one shortens the sequence (it was a size), lower it and delete a later span;</li>
 *   <li>{@link #redistribute}: move magnitude from a choice to a later one with the same bound;</li>
 *   <li>{@link #lowerTogether}: lower two nearby choices by the same amount.</li>
 * </ol>
 *
 * <p>Invariants every pass keeps (Hypothesis' shrink-pass contract): it is deterministic (no
 * randomness; what it tries depends only on the target); a pass that finds no improvement makes a
 * bounded number of evaluations (stated on each pass, n = choices, s = spans, v = a choice's
 * value); after an improvement it continues from the same position in the new target, so every
 * index it holds is re-read from the current target and checked against its length, and it never
 * loops to a fixed point on its own (the round does that).
 *
 * @param <A> the payload of a failing attempt (input and verdict)
 */
public final class Shrinker<A> {
    /**
     * A run of a candidate: the choices it recorded, their bounds and spans (when recorded), and
     * what it found: a failing payload, or null when the candidate ran and did not fail the same way.
     */
    public record Attempt<A>(long[] recorded, long[] maxes, Spans spans, A payload) {
        /** An attempt with neither bounds nor spans. */
        public Attempt(long[] recorded, A payload) {
            this(recorded, null, Spans.NONE, payload);
        }

        /** The attempt that {@code c} recorded. */
        public static <A> Attempt<A> of(RecordingChoices c, A payload) {
            return new Attempt<>(c.recorded(), c.maxes(), c.spans(), payload);
        }
    }

    private static final int[] BLOCKS = {8, 4, 2, 1};
    /** How far ahead (in choices) a partner of {@link #redistribute} is looked for. */
    private static final int PAIR_WINDOW = 8;
    /** How far ahead (in choices) a partner of {@link #lowerTogether} is looked for. */
    private static final int TOGETHER_WINDOW = 4;
    /** The largest first choice of a span that {@link #lowerAlternatives} treats as picking an alternative. */
    private static final int MAX_ALTERNATIVE = 16;
    /** The most spans of one group {@link #reorderSpans} swaps pairwise, and of later spans a size fix-up deletes. */
    private static final int SPAN_CAP = 32;

    private final Function<long[], Attempt<A>> oracle;
    private final int maxCalls;
    private final long deadlineNanos;
    /** Every candidate evaluated, with the length of the sequence it recorded (-1: it could not run). */
    private final Map<ChoiceKey, Integer> seen = new HashMap<>();
    private Attempt<A> best;
    private int calls;
    private int reductions;

    /**
     * @param oracle runs a candidate sequence; returns its attempt (payload null when it does not
     *     fail the same way), or null when it could not run (discarded)
     * @param maxCalls the most candidates to evaluate
     * @param budgetNanos the wall-clock budget
     */
    public Shrinker(Function<long[], Attempt<A>> oracle, int maxCalls, long budgetNanos) {
        this.oracle = oracle;
        this.maxCalls = maxCalls;
        this.deadlineNanos = System.nanoTime() + budgetNanos;
    }

    /** Shrinks from {@code start} (a failing attempt) and returns the smallest failing attempt found. */
    public Attempt<A> shrink(Attempt<A> start) {
        best = start;
        seen.put(new ChoiceKey(start.recorded()), start.recorded().length);
        Attempt<A> before;
        do {
            before = best;
            deleteSpans();
            deleteBlocks();
            zeroSpans();
            lowerAlternatives();
            replaceByDescendants();
            reorderSpans();
            lowerDuplicates();
            minimizeChoices();
            redistribute();
            lowerTogether();
        } while (best != before && !exhausted());
        return best;
    }

    /** How many candidates were evaluated. */
    public int steps() {
        return calls;
    }

    /** How many times the target was replaced by a smaller failing one. */
    public int reductions() {
        return reductions;
    }

    private long[] target() {
        return best.recorded();
    }

    private Spans spans() {
        return best.spans() == null ? Spans.NONE : best.spans();
    }

    private boolean exhausted() {
        return calls >= maxCalls || System.nanoTime() > deadlineNanos;
    }

    /** Deletes each span, outermost first; calls on failure: s. */
    private void deleteSpans() {
        for (int i = 0; i < spans().size() && !exhausted(); ) {
            Spans s = spans();
            if (s.length(i) == 0 || !consider(without(target(), s.start(i), s.end(i)))) {
                i++;
            }
        }
    }

    /** Deletes blocks of k adjacent choices for k = 8, 4, 2, 1; calls on failure: 4n. */
    private void deleteBlocks() {
        for (int k : BLOCKS) {
            for (int i = 0; i + k <= target().length && !exhausted(); ) {
                if (!consider(without(target(), i, i + k))) {
                    i++;
                }
            }
        }
    }

    /** Sets each span's choices to 0; calls on failure: s. */
    private void zeroSpans() {
        for (int i = 0; i < spans().size() && !exhausted(); i++) {
            Spans s = spans();
            long[] cand = target().clone();
            boolean nonZero = false;
            for (int j = s.start(i); j < s.end(i); j++) {
                nonZero |= cand[j] != 0;
                cand[j] = 0;
            }
            if (nonZero) {
                consider(cand);
            }
        }
    }

    /**
     * For each span of two or more choices whose first choice u is at most {@value #MAX_ALTERNATIVE}
     * (a choice among alternatives: {@code oneOf}, {@code frequency}, a recursive node), tries each
     * smaller first choice 1 .. u − 1 with the rest of the span set to 0 (0 itself is
     * {@link #zeroSpans}); calls on failure: at most 15 s.
     */
    private void lowerAlternatives() {
        for (int i = 0; i < spans().size() && !exhausted(); i++) {
            Spans s = spans();
            if (s.length(i) < 2) {
                continue;
            }
            long u = target()[s.start(i)];
            for (long w = 1; w < u && u <= MAX_ALTERNATIVE && !exhausted(); w++) {
                long[] cand = target().clone();
                cand[s.start(i)] = w;
                Arrays.fill(cand, s.start(i) + 1, s.end(i), 0);
                if (consider(cand)) {
                    break;
                }
            }
        }
    }

    /**
     * Replaces each span by each span with the same label nested directly inside it (no span with
     * that label between them): a recursive structure by one of its immediate substructures,
     * outermost first; deeper ones are reached by repeating. Calls on failure: at most s (each span
     * is nested directly in at most one).
     */
    private void replaceByDescendants() {
        for (int a = 0; a < spans().size() && !exhausted(); a++) {
            for (int d = a + 1; d < spans().size() && !exhausted(); d++) {
                Spans s = spans();
                if (a >= s.size() || s.start(d) >= s.end(a)) {
                    break;
                }
                if (!s.sameLabel(a, d) || s.length(d) >= s.length(a) || nearestSameLabelAncestor(s, d) != a) {
                    continue;
                }
                long[] t = target();
                if (consider(replace(t, s.start(a), s.end(a), Arrays.copyOfRange(t, s.start(d), s.end(d))))) {
                    d = a;
                }
            }
        }
    }

    private static int nearestSameLabelAncestor(Spans s, int d) {
        for (int p = s.parent(d); p >= 0; p = s.parent(p)) {
            if (s.sameLabel(p, d)) {
                return p;
            }
        }
        return -1;
    }

    /**
     * For each span (and the top level), sorts its children that share a label so that their
     * concatenation is lexicographically least; if that fails, swaps each pair of them whose swap
     * lowers the sequence, adjacent or not. Calls on failure: per group of m, 1 + C(min(m, 32), 2).
     */
    private void reorderSpans() {
        for (int p = -1; p < spans().size() && !exhausted(); p++) {
            boolean again = true;
            while (again && !exhausted() && p < spans().size()) {
                again = false;
                for (List<Integer> group : groupsOfChildren(p)) {
                    if (group.size() >= 2 && reorderGroup(group)) {
                        again = true;
                        break;
                    }
                }
            }
        }
    }

    private List<List<Integer>> groupsOfChildren(int p) {
        Spans s = spans();
        Map<Object, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int c : s.children(p)) {
            if (s.label(c) != null) {
                byLabel.computeIfAbsent(s.label(c), k -> new ArrayList<>()).add(c);
            }
        }
        return new ArrayList<>(byLabel.values());
    }

    private boolean reorderGroup(List<Integer> group) {
        Spans s = spans();
        long[] t = target();
        List<long[]> parts = new ArrayList<>();
        for (int c : group) {
            parts.add(Arrays.copyOfRange(t, s.start(c), s.end(c)));
        }
        List<long[]> sorted = new ArrayList<>(parts);
        sorted.sort(Shrinker::concatenationOrder);
        if (consider(rearrange(t, s, group, sorted))) {
            return true;
        }
        int m = Math.min(group.size(), SPAN_CAP);
        for (int i = 0; i < m && !exhausted(); i++) {
            for (int j = i + 1; j < m && !exhausted(); j++) {
                if (concatenationOrder(parts.get(j), parts.get(i)) < 0) {
                    List<long[]> swapped = new ArrayList<>(parts);
                    swapped.set(i, parts.get(j));
                    swapped.set(j, parts.get(i));
                    if (consider(rearrange(t, s, group, swapped))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Orders x before y when x followed by y is lexicographically below y followed by x. */
    private static int concatenationOrder(long[] x, long[] y) {
        long[] xy = new long[x.length + y.length];
        System.arraycopy(x, 0, xy, 0, x.length);
        System.arraycopy(y, 0, xy, x.length, y.length);
        long[] yx = new long[x.length + y.length];
        System.arraycopy(y, 0, yx, 0, y.length);
        System.arraycopy(x, 0, yx, y.length, x.length);
        return Arrays.compare(xy, yx);
    }

    /** {@code t} with the spans of {@code group} (disjoint, in order) holding {@code parts} in turn. */
    private static long[] rearrange(long[] t, Spans s, List<Integer> group, List<long[]> parts) {
        long[] out = new long[t.length];
        int w = 0;
        int r = 0;
        for (int k = 0; k < group.size(); k++) {
            int c = group.get(k);
            int len = s.start(c) - r;
            System.arraycopy(t, r, out, w, len);
            w += len;
            long[] part = parts.get(k);
            System.arraycopy(part, 0, out, w, part.length);
            w += part.length;
            r = s.end(c);
        }
        System.arraycopy(t, r, out, w, t.length - r);
        return out;
    }

    /**
     * Lowers together all the choices that hold the same non-zero value under the same bound (a
     * value duplicated across the input); calls on failure: O(log v) per distinct value.
     */
    private void lowerDuplicates() {
        long[] t = target();
        long[] maxes = best.maxes();
        Map<List<Long>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i] != 0) {
                groups.computeIfAbsent(List.of(t[i], maxes == null ? -1L : maxes[i]), k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> group : groups.values()) {
            if (group.size() < 2 || exhausted()) {
                continue;
            }
            int[] at = group.stream().mapToInt(Integer::intValue).toArray();
            shrinkInteger(t[at[0]], x -> {
                if (!intact(at)) {
                    return false;
                }
                long[] cand = target().clone();
                for (int i : at) {
                    cand[i] = x;
                }
                return consider(cand);
            }, () -> intact(at) ? target()[at[0]] : -1);
        }
    }

    /** Whether the choices at {@code at} all exist in the target and hold one value. */
    private boolean intact(int[] at) {
        long[] cur = target();
        return at[at.length - 1] < cur.length && allEqual(at, cur[at[0]]);
    }

    private boolean allEqual(int[] at, long value) {
        long[] cur = target();
        for (int i : at) {
            if (i >= cur.length || cur[i] != value) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lowers each choice in turn with {@link #shrinkInteger}. If that leaves choice i as it was and
     * lowering it by one shortens the recorded sequence (the choice is a size or a count), tries
     * it lowered by one with each later span deleted (the deleted element need not be the last).
     * Calls on failure: O(log v) per choice, plus 1 + SPAN_CAP for a size.
     */
    private void minimizeChoices() {
        for (int i = 0; i < target().length && !exhausted(); ) {
            long v = target()[i];
            if (v == 0) {
                i++;
                continue;
            }
            final int at = i;
            shrinkInteger(v, x -> at < target().length && consider(with(target(), at, x)),
                () -> at < target().length ? target()[at] : -1);
            if (at < target().length && target()[at] == v && fixSize(at)) {
                continue;
            }
            i++;
        }
    }

    private boolean fixSize(int i) {
        long[] t = target();
        long[] lowered = with(t, i, t[i] - 1);
        if (recordedLength(lowered) >= t.length) {
            return false;
        }
        Spans s = spans();
        int tried = 0;
        for (int j = 0; j < s.size() && tried < SPAN_CAP && !exhausted(); j++) {
            if (s.start(j) <= i || s.length(j) == 0) {
                continue;
            }
            tried++;
            if (consider(without(lowered, s.start(j), s.end(j)))) {
                return true;
            }
        }
        return false;
    }

    /** The length of the sequence {@code cand} records (evaluating it once), or −1 when it cannot run. */
    private int recordedLength(long[] cand) {
        Integer known = seen.get(new ChoiceKey(cand));
        if (known != null) {
            return known;
        }
        if (!shortlexLess(cand, target())) {
            return -1;
        }
        Attempt<A> a = evaluate(cand);
        if (a != null && a.payload() != null && shortlexLess(a.recorded(), target())) {
            accept(a);
        }
        return a == null ? -1 : a.recorded().length;
    }

    /**
     * Moves magnitude from choice i to a later choice j with the same bound within
     * {@value #PAIR_WINDOW} positions: (v_i − k, v_j + k) for all of v_i, then the largest k that
     * works, then the largest even k. Calls on failure: 3 per pair, at most 3 · 8 n.
     */
    private void redistribute() {
        for (int i = 0; i < target().length && !exhausted(); i++) {
            for (int j = i + 1; j <= i + PAIR_WINDOW && j < target().length && !exhausted(); j++) {
                long[] t = target();
                long[] maxes = best.maxes();
                if (t[i] == 0 || maxes != null && maxes[i] != maxes[j]) {
                    continue;
                }
                final int a = i;
                final int b = j;
                LongPredicate move = k -> {
                    long[] cur = target();
                    if (b >= cur.length || k > cur[a]) {
                        return false;
                    }
                    long[] cand = cur.clone();
                    cand[a] -= k;
                    cand[b] = saturatingAdd(cand[b], k);
                    return consider(cand);
                };
                if (!move.test(t[i]) && findInteger(move) == 0) {
                    // Two steps at a time keeps the sign of an integer folded around 0 (0, 1, −1, 2, …).
                    findInteger(k -> move.test(2 * k));
                }
            }
        }
    }

    /**
     * Lowers choice i and a choice j within {@value #TOGETHER_WINDOW} positions after it by the
     * same amount (two values whose difference matters). Calls on failure: 1 per pair, 3 n.
     */
    private void lowerTogether() {
        for (int i = 0; i < target().length && !exhausted(); i++) {
            for (int j = i + 1; j <= i + TOGETHER_WINDOW && j < target().length && !exhausted(); j++) {
                if (target()[i] == 0 || target()[j] == 0) {
                    continue;
                }
                final int a = i;
                final int b = j;
                findInteger(k -> {
                    long[] cur = target();
                    if (b >= cur.length || k > cur[a] || k > cur[b]) {
                        return false;
                    }
                    long[] cand = cur.clone();
                    cand[a] -= k;
                    cand[b] -= k;
                    return consider(cand);
                });
            }
        }
    }

    /**
     * Lowers one value (or one group of equal values) toward 0, after Hypothesis' integer
     * shrinker: 0; 1; the value with its high bits cleared; the smallest value by binary search
     * (exact when failing is monotone in the value); shifted right; minus multiples of 2, then of 1.
     * {@code accept.test(x)} proposes x and says whether it became the target; {@code current}
     * re-reads the value (−1 once it is gone). Calls: O(log v).
     */
    private void shrinkInteger(long v, LongPredicate accept, LongSupplier current) {
        if (v <= 0 || accept.test(0)) {
            return;
        }
        if (v > 1 && accept.test(1)) {
            return;
        }
        long base = current.getAsLong();
        if (base <= 1) {
            return;
        }
        int bits = 64 - Long.numberOfLeadingZeros(base);
        final long masked = base;
        findInteger(k -> k < bits && accept.test(masked & ((1L << (bits - k)) - 1)));
        long hi = current.getAsLong();
        long lo = 0;
        while (hi - lo > 1 && !exhausted()) {
            long mid = lo + (hi - lo) / 2;
            if (current.getAsLong() < 0) {
                return;
            }
            if (accept.test(mid)) {
                hi = current.getAsLong();
            } else {
                lo = mid;
            }
        }
        long shifted = current.getAsLong();
        if (shifted <= 1) {
            return;
        }
        findInteger(k -> k < 64 && accept.test(shifted >> k));
        for (long step : new long[] {2, 1}) {
            long from = current.getAsLong();
            if (from <= 0) {
                return;
            }
            findInteger(n -> n <= from / step && accept.test(from - n * step));
        }
    }

    /**
     * Finds a large k with f(k) true and f(k + 1) false, given f(0): k = 1..4 linearly, then an
     * exponential probe and a binary search (Hypothesis' {@code find_integer}). Calls: O(log k).
     */
    static long findInteger(LongPredicate f) {
        for (long i = 1; i < 5; i++) {
            if (!f.test(i)) {
                return i - 1;
            }
        }
        long lo = 4;
        long hi = 5;
        while (f.test(hi)) {
            lo = hi;
            if (hi > Long.MAX_VALUE / 2) {
                return lo;
            }
            hi *= 2;
        }
        while (lo + 1 < hi) {
            long mid = lo + (hi - lo) / 2;
            if (f.test(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Proposes {@code cand}: evaluated only when it is shortlex-below the target and not seen
     * before; becomes the target when it fails the same way and records a smaller sequence.
     */
    private boolean consider(long[] cand) {
        long[] t = target();
        long[] c = cand.length > t.length ? Arrays.copyOf(cand, t.length) : cand;
        if (!shortlexLess(c, t)) {
            return false;
        }
        Attempt<A> a = evaluate(c);
        if (a != null && a.payload() != null && shortlexLess(a.recorded(), target())) {
            accept(a);
            return true;
        }
        return false;
    }

    /** Runs a candidate unless it was seen before or the budget is spent; null then. */
    private Attempt<A> evaluate(long[] cand) {
        ChoiceKey key = new ChoiceKey(cand);
        if (exhausted() || seen.containsKey(key)) {
            return null;
        }
        calls++;
        Attempt<A> a = oracle.apply(cand);
        seen.put(key, a == null ? -1 : a.recorded().length);
        return a;
    }

    private void accept(Attempt<A> a) {
        best = a;
        reductions++;
        seen.put(new ChoiceKey(a.recorded()), a.recorded().length);
    }

    private static long[] with(long[] t, int i, long v) {
        long[] out = t.clone();
        out[i] = v;
        return out;
    }

    private static long[] without(long[] t, int from, int to) {
        long[] out = new long[t.length - (to - from)];
        System.arraycopy(t, 0, out, 0, from);
        System.arraycopy(t, to, out, from, t.length - to);
        return out;
    }

    private static long[] replace(long[] t, int from, int to, long[] content) {
        long[] out = new long[t.length - (to - from) + content.length];
        System.arraycopy(t, 0, out, 0, from);
        System.arraycopy(content, 0, out, from, content.length);
        System.arraycopy(t, to, out, from + content.length, t.length - to);
        return out;
    }

    private static long saturatingAdd(long a, long b) {
        long s = a + b;
        return s < a ? Long.MAX_VALUE : s;
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
