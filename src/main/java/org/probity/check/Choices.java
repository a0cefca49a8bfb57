package org.probity.check;

/**
 * The source every generator draws from: a sequence of primitive choices.
 *
 * <p>While a property runs, choices come from a seeded random generator and are recorded; while a
 * failure shrinks, they are replayed from an edited copy of that record. A generator that draws
 * only through this interface therefore shrinks with no shrinker of its own: smaller choices must
 * mean simpler values (choice 0 is the simplest), and a sequence that runs out reads as zeros.
 */
public interface Choices {
    /**
     * Draws one choice.
     *
     * @param max the largest allowed value, {@code >= 0}
     * @return a value in {@code [0, max]}; uniform when drawn at random
     */
    long draw(long max);
}
