package org.probity.check;

/**
 * The source every generator draws from: a sequence of primitive choices.
 *
 * <p>While a property runs, choices come from a seeded random generator and are recorded; while a
 * failure shrinks, they are replayed from an edited copy of that record. A generator that draws
 * only through this interface therefore shrinks with no shrinker of its own: smaller choices must
 * mean simpler values (choice 0 is the simplest), and a sequence that runs out reads as zeros.
 *
 * <p>Generators mark the <em>spans</em> of choices that make up one value ({@link #beginSpan},
 * {@link #endSpan}): the shrinker deletes, reorders and substitutes whole spans, so a list loses
 * whole elements and a tree is replaced by one of its subtrees. Every generator of {@link Gens}
 * marks its spans; a hand-written generator ({@code c -> ...}) may mark its own.
 */
public interface Choices {
    /**
     * Draws one choice.
     *
     * @param max the largest allowed value, {@code >= 0}
     * @return a value in {@code [0, max]}; uniform when drawn at random
     */
    long draw(long max);

    /**
     * Draws one choice that is biased, when drawn at random, toward values that find bugs: small
     * magnitudes (a bit length uniform in {@code [0, bitLength(max)]}, then a value uniform below
     * it), the ends 0, {@code max} and {@code max - 1}, and values equal or next to ones drawn earlier
     * in the same try; a quarter of the draws stay uniform on {@code [0, max]}. Replayed and shrunk exactly as
     * {@link #draw}: the recorded choice is the value itself.
     *
     * @param max the largest allowed value, {@code >= 0}
     * @return a value in {@code [0, max]}
     */
    default long drawBiased(long max) {
        return draw(max);
    }

    /**
     * Starts a span: the choices drawn until the matching {@link #endSpan()} make up one value.
     * Spans nest; spans with equal labels are taken to have the same shape (the shrinker tries to
     * reorder them and to put one in place of another that contains it).
     *
     * @param label what kind of value the span holds, compared with {@code equals}
     */
    default void beginSpan(Object label) {
    }

    /** Ends the innermost open span. */
    default void endSpan() {
    }
}
