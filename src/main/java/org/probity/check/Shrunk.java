package org.probity.check;

/**
 * The result of shrinking a failing input ({@link Trials#shrink}): the smallest failing input found
 * in the shortlex order of choice sequences, its verdict, and how much work shrinking did.
 *
 * @param <T> the type of the input
 */
public interface Shrunk<T> {
    /** The smallest failing input found (the original input when the failure is flaky). */
    Trial<T> trial();

    /** The verdict on {@link #trial()}. */
    Verdict verdict();

    /** The failing input as first found. */
    Trial<T> original();

    /** How many times shrinking replaced the input by a smaller failing one (the steps a report counts). */
    int steps();

    /** How many candidate inputs shrinking evaluated. */
    int candidates();

    /**
     * Whether the failure did not reproduce when its own choices were replayed: the property
     * depends on hidden state, and the input was not shrunk.
     */
    boolean flaky();
}
