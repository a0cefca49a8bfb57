package org.probity.check.internal;

import java.util.function.Function;

/**
 * Shrinks a failing choice sequence, after the shrinker of Hypothesis (MacIver and Donaldson,
 * "Test-Case Reduction via Test-Case Generation", ECOOP 2020; Hypothesis' {@code shrinker.py}).
 *
 * <p>The shrink target is the smallest failing sequence found so far in <em>shortlex</em> order
 * (shorter, or as long and lexicographically smaller). A candidate is evaluated only when it is
 * itself shortlex-smaller than the target (after cutting it to the target's length: a generation
 * that needs more is longer anyway), and it replaces the target only when the sequence it records
 * is shortlex-smaller and fails the same way ({@link ShrinkTarget}). Every accepted step therefore
 * lowers the target in a well-founded order, so shrinking terminates; it also stops after
 * {@code maxCalls} evaluations or at its deadline.
 *
 * <p>The passes run in this order, and the round repeats until no pass improves the target:
 * <ol>
 *   <li>{@link SpanPasses#deleteSpans}: delete each span (a list element with its "more" choice, a subtree);</li>
 *   <li>{@link SpanPasses#deleteBlocks}: delete blocks of 8, 4, 2, 1 adjacent choices (for unmarked generators);</li>
 *   <li>{@link SpanPasses#zeroSpans}: set each span's choices to 0, the simplest value of that shape;</li>
 *   <li>{@link SpanPasses#lowerAlternatives}: lower a span's first choice (which alternative, which
 *       kind of node) and set the rest of the span to 0, since the rest was drawn for another alternative;</li>
 *   <li>{@link SpanPasses#replaceByDescendants}: put a span in place of the nearest enclosing span
 *       with the same label (a tree by one of its subtrees);</li>
 *   <li>{@link ReorderPass}: sort sibling spans with the same label, then swap any two of them;</li>
 *   <li>{@link ValuePasses#lowerDuplicates}: lower choices that hold the same value under the same bound together;</li>
 *   <li>{@link ValuePasses#minimizeChoices}: lower each choice (see {@link IntegerSearch#lower});
 *       when lowering a choice by one shortens the sequence (it was a size), lower it and delete a later span;</li>
 *   <li>{@link ValuePasses#redistribute}: move magnitude from a choice to a later one with the same bound;</li>
 *   <li>{@link ValuePasses#lowerTogether}: lower two nearby choices by the same amount.</li>
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

    private final Function<long[], Attempt<A>> oracle;
    private final int maxCalls;
    private final long deadlineNanos;
    private ShrinkTarget<A> target;

    /**
     * @param oracle runs a candidate sequence; returns its attempt (payload null when it does not
     *     fail the same way), or null when it could not run (discarded)
     * @param maxCalls the most candidates to evaluate
     * @param budgetNanos the wall-clock budget, counted from here
     */
    public Shrinker(Function<long[], Attempt<A>> oracle, int maxCalls, long budgetNanos) {
        this.oracle = oracle;
        this.maxCalls = maxCalls;
        this.deadlineNanos = System.nanoTime() + budgetNanos;
    }

    /** Shrinks from {@code start} (a failing attempt) and returns the smallest failing attempt found. */
    public Attempt<A> shrink(Attempt<A> start) {
        target = new ShrinkTarget<>(oracle, maxCalls, deadlineNanos, start);
        SpanPasses<A> spans = new SpanPasses<>(target);
        ReorderPass<A> reorder = new ReorderPass<>(target);
        ValuePasses<A> values = new ValuePasses<>(target);
        Attempt<A> before;
        do {
            before = target.best();
            spans.deleteSpans();
            spans.deleteBlocks();
            spans.zeroSpans();
            spans.lowerAlternatives();
            spans.replaceByDescendants();
            reorder.run();
            values.lowerDuplicates();
            values.minimizeChoices();
            values.redistribute();
            values.lowerTogether();
        } while (target.best() != before && !target.exhausted());
        return target.best();
    }

    /** How many candidates were evaluated. */
    public int steps() {
        return target == null ? 0 : target.calls();
    }

    /** How many times the target was replaced by a smaller failing one. */
    public int reductions() {
        return target == null ? 0 : target.reductions();
    }

    /** Whether {@code a} comes before {@code b} in shortlex order. */
    public static boolean shortlexLess(long[] a, long[] b) {
        return ShrinkTarget.shortlexLess(a, b);
    }
}
