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

    /** Maps a double to a long whose natural order is the order of the doubles, with ±0 equal. */
    private static long ordered(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits >= 0 ? bits : Long.MIN_VALUE - bits;
    }
}
