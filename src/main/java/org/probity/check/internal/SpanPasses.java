package org.probity.check.internal;

import java.util.Arrays;

/**
 * The shrink passes that work on the structure of the target — the spans the generators marked
 * and runs of adjacent choices: delete a span or a block, set a span to its simplest value, pick
 * an earlier alternative, replace a recursive structure by one of its substructures. They make
 * the input smaller; {@link ReorderPass} and {@link ValuePasses} make what remains simpler.
 * Calls on failure are stated per pass (n = choices, s = spans).
 *
 * @param <A> the payload of a failing attempt
 */
final class SpanPasses<A> {
    private static final int[] BLOCKS = {8, 4, 2, 1};
    /** The largest first choice of a span that {@link #lowerAlternatives} treats as picking an alternative. */
    private static final int MAX_ALTERNATIVE = 16;

    private final ShrinkTarget<A> t;

    SpanPasses(ShrinkTarget<A> target) {
        this.t = target;
    }

    /** Deletes each span, outermost first; calls on failure: s. */
    void deleteSpans() {
        for (int i = 0; i < t.spans().size() && !t.exhausted(); ) {
            Spans s = t.spans();
            if (s.length(i) == 0 || !t.consider(ShrinkTarget.without(t.choices(), s.start(i), s.end(i)))) {
                i++;
            }
        }
    }

    /** Deletes blocks of k adjacent choices for k = 8, 4, 2, 1 (for unmarked generators); calls on failure: 4n. */
    void deleteBlocks() {
        for (int k : BLOCKS) {
            for (int i = 0; i + k <= t.choices().length && !t.exhausted(); ) {
                if (!t.consider(ShrinkTarget.without(t.choices(), i, i + k))) {
                    i++;
                }
            }
        }
    }

    /** Sets each span's choices to 0, the simplest value of that shape; calls on failure: s. */
    void zeroSpans() {
        for (int i = 0; i < t.spans().size() && !t.exhausted(); i++) {
            Spans s = t.spans();
            long[] cand = t.choices().clone();
            boolean nonZero = false;
            for (int j = s.start(i); j < s.end(i); j++) {
                nonZero |= cand[j] != 0;
                cand[j] = 0;
            }
            if (nonZero) {
                t.consider(cand);
            }
        }
    }

    /**
     * For each span of two or more choices whose first choice u is at most {@value #MAX_ALTERNATIVE}
     * (a choice among alternatives: {@code oneOf}, {@code frequency}, a recursive node), tries each
     * smaller first choice 1 .. u − 1 with the rest of the span set to 0, since the rest was drawn
     * for another alternative (0 itself is {@link #zeroSpans}); calls on failure: at most 15 s.
     */
    void lowerAlternatives() {
        for (int i = 0; i < t.spans().size() && !t.exhausted(); i++) {
            Spans s = t.spans();
            if (s.length(i) < 2) {
                continue;
            }
            long u = t.choices()[s.start(i)];
            for (long w = 1; w < u && u <= MAX_ALTERNATIVE && !t.exhausted(); w++) {
                long[] cand = t.choices().clone();
                cand[s.start(i)] = w;
                Arrays.fill(cand, s.start(i) + 1, s.end(i), 0);
                if (t.consider(cand)) {
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
    void replaceByDescendants() {
        for (int a = 0; a < t.spans().size() && !t.exhausted(); a++) {
            for (int d = a + 1; d < t.spans().size() && !t.exhausted(); d++) {
                Spans s = t.spans();
                if (a >= s.size() || s.start(d) >= s.end(a)) {
                    break;
                }
                if (!s.sameLabel(a, d) || s.length(d) >= s.length(a) || nearestSameLabelAncestor(s, d) != a) {
                    continue;
                }
                long[] c = t.choices();
                if (t.consider(ShrinkTarget.replace(c, s.start(a), s.end(a), Arrays.copyOfRange(c, s.start(d), s.end(d))))) {
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
}
