package org.probity.check.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The shrink passes that make the values in the target simpler without changing its structure:
 * lower each choice, lower duplicated values together, move magnitude from one value to another,
 * and lower two nearby values by the same amount. Each lowers numbers with {@link IntegerSearch}.
 * Calls on failure are stated per pass (n = choices, v = a choice's value).
 *
 * @param <A> the payload of a failing attempt
 */
final class ValuePasses<A> {
    /** How far ahead (in choices) a partner of {@link #redistribute} is looked for. */
    private static final int PAIR_WINDOW = 8;
    /** How far ahead (in choices) a partner of {@link #lowerTogether} is looked for. */
    private static final int TOGETHER_WINDOW = 4;
    /** The most later spans a size fix-up ({@link #minimizeChoices}) tries to delete. */
    private static final int LATER_SPANS_CAP = 32;

    private final ShrinkTarget<A> t;

    ValuePasses(ShrinkTarget<A> target) {
        this.t = target;
    }

    /**
     * Lowers together all the choices that hold the same non-zero value under the same bound (a
     * value duplicated across the input); calls on failure: O(log v) per distinct value.
     */
    void lowerDuplicates() {
        long[] c = t.choices();
        long[] maxes = t.maxes();
        Map<List<Long>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < c.length; i++) {
            if (c[i] != 0) {
                groups.computeIfAbsent(List.of(c[i], maxes == null ? -1L : maxes[i]), k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> group : groups.values()) {
            if (group.size() < 2 || t.exhausted()) {
                continue;
            }
            int[] at = group.stream().mapToInt(Integer::intValue).toArray();
            IntegerSearch.lower(c[at[0]], x -> {
                if (!intact(at)) {
                    return false;
                }
                long[] cand = t.choices().clone();
                for (int i : at) {
                    cand[i] = x;
                }
                return t.consider(cand);
            }, () -> intact(at) ? t.choices()[at[0]] : -1, t::exhausted);
        }
    }

    /** Whether the choices at {@code at} all exist in the target and hold one value. */
    private boolean intact(int[] at) {
        long[] cur = t.choices();
        if (at[at.length - 1] >= cur.length) {
            return false;
        }
        long value = cur[at[0]];
        for (int i : at) {
            if (cur[i] != value) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lowers each choice in turn with {@link IntegerSearch#lower}. If that leaves choice i as it
     * was and lowering it by one shortens the recorded sequence (the choice is a size or a count),
     * tries it lowered by one with each later span deleted (the deleted element need not be the
     * last). Calls on failure: O(log v) per choice, plus 1 + {@value #LATER_SPANS_CAP} for a size.
     */
    void minimizeChoices() {
        for (int i = 0; i < t.choices().length && !t.exhausted(); ) {
            long v = t.choices()[i];
            if (v == 0) {
                i++;
                continue;
            }
            final int at = i;
            IntegerSearch.lower(v, x -> at < t.choices().length && t.consider(ShrinkTarget.with(t.choices(), at, x)),
                () -> at < t.choices().length ? t.choices()[at] : -1, t::exhausted);
            if (at < t.choices().length && t.choices()[at] == v && fixSize(at)) {
                continue;
            }
            i++;
        }
    }

    private boolean fixSize(int i) {
        long[] c = t.choices();
        long[] lowered = ShrinkTarget.with(c, i, c[i] - 1);
        if (t.recordedLength(lowered) >= c.length) {
            return false;
        }
        Spans s = t.spans();
        int tried = 0;
        for (int j = 0; j < s.size() && tried < LATER_SPANS_CAP && !t.exhausted(); j++) {
            if (s.start(j) <= i || s.length(j) == 0) {
                continue;
            }
            tried++;
            if (t.consider(ShrinkTarget.without(lowered, s.start(j), s.end(j)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves magnitude from choice i to a later choice j with the same bound within
     * {@value #PAIR_WINDOW} positions: (v_i − k, v_j + k) for all of v_i, then the largest k that
     * works, then the largest even k. Calls on failure: 3 per pair, at most 3 · 8 n.
     */
    void redistribute() {
        for (int i = 0; i < t.choices().length && !t.exhausted(); i++) {
            for (int j = i + 1; j <= i + PAIR_WINDOW && j < t.choices().length && !t.exhausted(); j++) {
                long[] c = t.choices();
                long[] maxes = t.maxes();
                if (c[i] == 0 || maxes != null && maxes[i] != maxes[j]) {
                    continue;
                }
                final int a = i;
                final int b = j;
                LongPredicate move = k -> {
                    long[] cur = t.choices();
                    if (b >= cur.length || k > cur[a]) {
                        return false;
                    }
                    long[] cand = cur.clone();
                    cand[a] -= k;
                    cand[b] = saturatingAdd(cand[b], k);
                    return t.consider(cand);
                };
                if (!move.test(c[i]) && IntegerSearch.find(move) == 0) {
                    // Two steps at a time keeps the sign of an integer folded around 0 (0, 1, −1, 2, …).
                    IntegerSearch.find(k -> move.test(2 * k));
                }
            }
        }
    }

    /**
     * Lowers choice i and a choice j within {@value #TOGETHER_WINDOW} positions after it by the
     * same amount (two values whose difference matters). Calls on failure: 1 per pair, 3 n.
     */
    void lowerTogether() {
        for (int i = 0; i < t.choices().length && !t.exhausted(); i++) {
            for (int j = i + 1; j <= i + TOGETHER_WINDOW && j < t.choices().length && !t.exhausted(); j++) {
                if (t.choices()[i] == 0 || t.choices()[j] == 0) {
                    continue;
                }
                final int a = i;
                final int b = j;
                IntegerSearch.find(k -> {
                    long[] cur = t.choices();
                    if (b >= cur.length || k > cur[a] || k > cur[b]) {
                        return false;
                    }
                    long[] cand = cur.clone();
                    cand[a] -= k;
                    cand[b] -= k;
                    return t.consider(cand);
                });
            }
        }
    }

    private static long saturatingAdd(long a, long b) {
        long s = a + b;
        return s < a ? Long.MAX_VALUE : s;
    }
}
