package org.probity.check.internal;

/**
 * The time budget of a run's tries, read from the clock only as often as it needs to be.
 *
 * <p>Reading {@link System#nanoTime()} costs tens of nanoseconds on some machines (a virtualised
 * clock), as much as a whole try of a simple property, while a budget is minutes. So the clock is
 * read before the first try, and after each reading the next one is due once the tries done so far,
 * at their mean rate, would have taken {@value #READ_EVERY_NANOS} ns — never more than
 * {@value #MAX_STRIDE} tries later. A run whose tries take a millisecond or more reads the clock
 * before every try, exactly as before; a run of fast tries overruns its budget by at most about a
 * millisecond's worth of them (more only if its tries suddenly become far slower than their mean,
 * and then by at most {@value #MAX_STRIDE} tries).
 */
public final class Deadline {
    /** About how much work (at the mean rate so far) passes between two readings of the clock. */
    static final long READ_EVERY_NANOS = 1_000_000;
    /** The most tries between two readings of the clock. */
    static final int MAX_STRIDE = 256;

    private final long start;
    private final long budget;
    private int untilRead;

    /**
     * @param startNanos when the run started ({@link System#nanoTime()})
     * @param budgetNanos how long its tries may take, counted from {@code startNanos}
     */
    public Deadline(long startNanos, long budgetNanos) {
        this.start = startNanos;
        this.budget = budgetNanos;
    }

    /**
     * Whether the budget is spent, asked before each try.
     *
     * @param done how many tries the run has done so far
     * @return true when the clock was read and is past the deadline
     */
    public boolean passed(int done) {
        if (--untilRead > 0) {
            return false;
        }
        long elapsed = System.nanoTime() - start;
        if (elapsed > budget) {
            return true;
        }
        elapsed = Math.max(1, elapsed);
        untilRead = (int) Math.max(1, Math.min(MAX_STRIDE, READ_EVERY_NANOS * done / elapsed));
        return false;
    }
}
