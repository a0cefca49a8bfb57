package org.probity.math;

/**
 * Distance between doubles in units in the last place (ulps).
 *
 * <p>The distance between {@code a} and {@code b} is the number of representable doubles one must
 * step over to go from one to the other: {@code distance(1.0, Math.nextUp(1.0)) == 1},
 * {@code distance(-0.0, 0.0) == 0}, and a pair with opposite signs counts the steps through zero.
 * It is computed exactly from the IEEE-754 bit patterns, so it never rounds.
 */
public final class Ulps {
    private static final long ORDERED_POSITIVE_INFINITY = ordered(Double.POSITIVE_INFINITY);
    private static final long ORDERED_NEGATIVE_INFINITY = ordered(Double.NEGATIVE_INFINITY);

    private Ulps() {
    }

    /**
     * Returns the number of representable doubles between {@code a} and {@code b}.
     *
     * @param a a double
     * @param b a double
     * @return the ulp distance; 0 when {@code a == b} (including {@code -0.0 == 0.0}) or both are
     *     the same infinity; {@link Long#MAX_VALUE} when either is NaN or the distance overflows
     */
    public static long distance(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Long.MAX_VALUE;
        }
        if (a == b) {
            return 0;
        }
        long ia = ordered(a);
        long ib = ordered(b);
        long d = ia - ib;
        // Overflow happens only when the signs differ and the sum of magnitudes exceeds 2^63.
        if ((ia ^ ib) < 0 && (d ^ ia) < 0) {
            return Long.MAX_VALUE;
        }
        return Math.abs(d);
    }

    /**
     * Returns the double {@code n} representable steps from {@code x}: towards \( +\infty \) for
     * {@code n > 0}, towards \( -\infty \) for {@code n < 0}, counting as {@link #distance} does
     * ({@code -0.0} and {@code 0.0} are one point), so {@code distance(x, step(x, n)) == |n|} while
     * the result is finite. Saturates at the infinities.
     *
     * @param x a finite or infinite double
     * @param n the number of steps, any sign
     * @return the double reached; NaN when {@code x} is NaN
     */
    public static double step(double x, long n) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        long from = ordered(x);
        long to = from + n;
        // Overflow of the long happens only when n and from have the same sign and the sum does not.
        if (((from ^ to) & (n ^ to)) < 0) {
            to = n > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        to = Math.max(ORDERED_NEGATIVE_INFINITY, Math.min(ORDERED_POSITIVE_INFINITY, to));
        return Double.longBitsToDouble(to >= 0 ? to : Long.MIN_VALUE - to);
    }

    /** Maps a double to a long whose natural order is the order of the doubles, with ±0 equal. */
    private static long ordered(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits >= 0 ? bits : Long.MIN_VALUE - bits;
    }
}
