package org.probity.diffusion.internal;

/**
 * An unevaluated sum {@code hi + lo} of two doubles with {@code |lo| <= ulp(hi)/2}: about 106
 * significant bits. Used to run the cumulative products and sums of a noise schedule so that each
 * published double is the correct rounding of a value whose own error is far below half an ulp.
 *
 * <p>Algorithms: TwoSum (Knuth), TwoProduct by fused multiply-add, and the "sloppy" double-double
 * add, multiply, divide and square root of Dekker 1971 / Bailey's QD library (Hida, Li, Bailey 2001);
 * each operation has relative error below \( 2^{-102} \) for operands of one sign.
 */
public final class DoubleDouble {
    /** Zero. */
    public static final DoubleDouble ZERO = new DoubleDouble(0, 0);
    /** One. */
    public static final DoubleDouble ONE = new DoubleDouble(1, 0);

    private static final double LN2_HI = 0x1.62e42fefa39efp-1;
    private static final double LN2_LO = 0x1.abc9e3b39803fp-56;

    /** The leading double: the correctly rounded value (up to ties). */
    public final double hi;
    /** The trailing correction. */
    public final double lo;

    private DoubleDouble(double hi, double lo) {
        this.hi = hi;
        this.lo = lo;
    }

    /** The exact value {@code x}. */
    public static DoubleDouble of(double x) {
        return new DoubleDouble(x, 0);
    }

    /** The value {@code hi + lo}, renormalised. */
    public static DoubleDouble of(double hi, double lo) {
        return lo == 0 ? new DoubleDouble(hi, 0) : twoSum(hi, lo);
    }

    /** The exact value {@code a - b} (TwoSum: exact for any finite doubles). */
    public static DoubleDouble difference(double a, double b) {
        return twoSum(a, -b);
    }

    private static DoubleDouble twoSum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        double e = (a - (s - bb)) + (b - bb);
        return new DoubleDouble(s, e);
    }

    private static DoubleDouble fastTwoSum(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    /** {@code this + o}. */
    public DoubleDouble add(DoubleDouble o) {
        DoubleDouble s = twoSum(hi, o.hi);
        DoubleDouble t = twoSum(lo, o.lo);
        DoubleDouble u = fastTwoSum(s.hi, s.lo + t.hi);
        return fastTwoSum(u.hi, u.lo + t.lo);
    }

    /** {@code this * o}. */
    public DoubleDouble multiply(DoubleDouble o) {
        double p = hi * o.hi;
        double e = Math.fma(hi, o.hi, -p);
        e += hi * o.lo + lo * o.hi;
        return fastTwoSum(p, e);
    }

    /** {@code this * x}. */
    public DoubleDouble multiply(double x) {
        double p = hi * x;
        double e = Math.fma(hi, x, -p) + lo * x;
        return fastTwoSum(p, e);
    }

    /** {@code this / o} (o must be non-zero). */
    public DoubleDouble divide(DoubleDouble o) {
        double q1 = hi / o.hi;
        if (!Double.isFinite(q1) || q1 == 0) {
            return new DoubleDouble(q1, 0);
        }
        DoubleDouble r = add(o.multiply(-q1));
        double q2 = r.hi / o.hi;
        r = r.add(o.multiply(-q2));
        double q3 = r.hi / o.hi;
        DoubleDouble q = fastTwoSum(q1, q2);
        return q.add(of(q3));
    }

    /** {@code sqrt(this)} for a non-negative value. */
    public DoubleDouble sqrt() {
        if (hi <= 0) {
            return hi == 0 ? ZERO : new DoubleDouble(Double.NaN, 0);
        }
        double s = Math.sqrt(hi);
        double e = Math.fma(-s, s, hi) + lo;
        return fastTwoSum(s, e / (2 * s));
    }

    /** {@code this * 2^n} (exact unless the result leaves the normal range). */
    public DoubleDouble scalb(int n) {
        return new DoubleDouble(Math.scalb(hi, n), Math.scalb(lo, n));
    }

    /**
     * \( \log(\text{this}) \) for a positive value, to about 1 ulp: {@code log1p} of the exact
     * distance to 1 near 1, {@code log(hi) + lo/hi} elsewhere.
     */
    public double log() {
        if (hi == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (hi >= 0.5 && hi <= 2) {
            return Math.log1p((hi - 1) + lo); // hi - 1 is exact here (Sterbenz)
        }
        return Math.log(hi) + lo / hi;
    }

    /** \( \log(1 - \text{this}) \) for a value in [0, 1/2], to about 1 ulp. */
    public double log1mThis() {
        return Math.log1p(-hi) - lo / (1 - hi);
    }

    /**
     * \( \log(m \cdot 2^{e}) = \log m + e \ln 2 \) for a positive mantissa {@code m} kept in range
     * by a separate binary exponent; the two parts are added in double-double.
     */
    public static double logScaled(DoubleDouble m, int e) {
        double lm = m.log();
        if (e == 0) {
            return lm;
        }
        double p = e * LN2_HI;
        DoubleDouble eln2 = fastTwoSum(p, Math.fma(e, LN2_HI, -p) + e * LN2_LO);
        return eln2.add(of(lm)).hi;
    }

    /** The correctly rounded double value (up to ties). */
    public double doubleValue() {
        return hi + lo;
    }

    @Override
    public String toString() {
        return hi + " + " + lo;
    }
}
