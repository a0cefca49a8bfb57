package org.probity.check.internal;

import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * How the shrinker lowers one number: Hypothesis' integer shrinker and its {@code find_integer}
 * probe. The value may be one choice, a group of equal choices, or an amount moved between two
 * choices; the caller says what proposing a value means.
 */
final class IntegerSearch {
    private IntegerSearch() {
    }

    /**
     * Lowers one value (or one group of equal values) toward 0, after Hypothesis' integer
     * shrinker: 0; 1; the value with its high bits cleared; the smallest value by binary search
     * (exact when failing is monotone in the value); shifted right; minus multiples of 2, then of 1.
     * Calls: O(log v).
     *
     * @param v the value now
     * @param accept proposes x and says whether it became the target
     * @param current re-reads the value (−1 once it is gone)
     * @param exhausted whether the shrink budget is spent
     */
    static void lower(long v, LongPredicate accept, LongSupplier current, BooleanSupplier exhausted) {
        if (v <= 0 || accept.test(0)) {
            return;
        }
        if (v > 1 && accept.test(1)) {
            return;
        }
        long base = current.getAsLong();
        if (base <= 1) {
            return;
        }
        int bits = 64 - Long.numberOfLeadingZeros(base);
        final long masked = base;
        find(k -> k < bits && accept.test(masked & ((1L << (bits - k)) - 1)));
        long hi = current.getAsLong();
        long lo = 0;
        while (hi - lo > 1 && !exhausted.getAsBoolean()) {
            long mid = lo + (hi - lo) / 2;
            if (current.getAsLong() < 0) {
                return;
            }
            if (accept.test(mid)) {
                hi = current.getAsLong();
            } else {
                lo = mid;
            }
        }
        long shifted = current.getAsLong();
        if (shifted <= 1) {
            return;
        }
        find(k -> k < 64 && accept.test(shifted >> k));
        for (long step : new long[] {2, 1}) {
            long from = current.getAsLong();
            if (from <= 0) {
                return;
            }
            find(n -> n <= from / step && accept.test(from - n * step));
        }
    }

    /**
     * Finds a large k with f(k) true and f(k + 1) false, given f(0): k = 1..4 linearly, then an
     * exponential probe and a binary search (Hypothesis' {@code find_integer}). Calls: O(log k).
     */
    static long find(LongPredicate f) {
        for (long i = 1; i < 5; i++) {
            if (!f.test(i)) {
                return i - 1;
            }
        }
        long lo = 4;
        long hi = 5;
        while (f.test(hi)) {
            lo = hi;
            if (hi > Long.MAX_VALUE / 2) {
                return lo;
            }
            hi *= 2;
        }
        while (lo + 1 < hi) {
            long mid = lo + (hi - lo) / 2;
            if (f.test(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
