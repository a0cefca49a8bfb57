package org.probity.check.internal;

/**
 * Thrown by a generator that could not produce an acceptable value (a filter ran out of attempts,
 * or the choice sequence grew past its limit); the runner counts the try as discarded.
 */
public final class Discard extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param why what was being looked for */
    public Discard(String why) {
        super(why, null, false, false);
    }
}
