package org.probity.check;

/**
 * One generated input of a property run: the value, the try slot it was drawn in, and the choice
 * sequence that regenerates it. Obtained from {@link Trials}; never built by callers.
 *
 * @param <T> the type of the input
 */
public interface Trial<T> {
    /** The generated input. */
    T value();

    /**
     * The try slot the input was drawn in, in {@code [0, tries)}; {@code -1} for an input
     * regenerated from a choice sequence (a replay token, a shrunk candidate).
     */
    int index();

    /** The recorded choices: {@link Trials#regenerate} with them gives this input again. */
    long[] choices();

    /**
     * The token that replays this input: {@code HASH:CHOICES}, where {@code HASH} is the first 8
     * hex digits of the property name's hash, so a token applies only to the property it was
     * printed for ({@link RunConfig#withReplay}, {@code -Dprobity.replay=TOKEN},
     * {@code probity verify --replay}, {@code probity check-impl --replay}).
     */
    String replayToken();
}
