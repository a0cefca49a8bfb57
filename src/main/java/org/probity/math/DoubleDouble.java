package org.probity.math;

import java.util.Locale;

/**
 * Probity's one double-double arithmetic: an immutable unevaluated sum {@code hi + lo} of two doubles
 * with \( |lo| \le \mathrm{ulp}(hi)/2 \) (about 106 significant bits), its arithmetic, the natural
 * logarithm and exponential in double-double, \( \sin(\pi n/d) \) of an exact rational, and the
 * allocation-free kernels that {@link LogSpace} runs on its hot paths.
 *
 * <p>Arithmetic: TwoSum (Knuth), TwoProduct by fused multiply-add, and the double-double add,
 * multiply, divide and square root of Dekker 1971 / the QD library (Hida, Li, Bailey 2001), each with
 * relative error below \( 2^{-102} \) for operands of one sign. Products are formed with {@code fma},
 * never by Dekker's splitting, so the arithmetic stays valid from the subnormal range to the largest
 * doubles (Commons Numbers' {@code DD} splits, and returns NaN above about \( 10^{300} \) and loses
 * digits on subnormals — ranges that the schedule recurrences reach).
 *
 * <p>Algorithms: \( \ln y \) by the exact split \( y = 2^k m \), \( m \in (1/\sqrt2, \sqrt2] \),
 * \( \ln m = 2\,\mathrm{atanh}(s) \), \( s = (m-1)/(m+1) \) with its rounding error recovered
 * (\( |s| &lt; 0.172 \)), the first five terms of the odd series in double-double and the rest in double,
 * and \( k \ln 2 \) from a three-piece split of ln 2 (fdlibm's {@code ln2_hi}, {@code ln2_lo} and the
 * remainder); \( e^x \) by Cody–Waite reduction with the same split and a Taylor polynomial on
 * \( |r| \le \ln 2 / 2 \); \( \sin \) and \( \cos \) by their Taylor series in double-double on
 * \( [0, \pi/4] \) after an exact rational reduction. Relative error of each double-double result
 * below \( 10^{-28} \) (\( \ln \) and \( e^x \), measured in {@code LogSpaceAccuracyTest}) and
 * \( 10^{-30} \) ({@code sinPi}, {@code DoubleDoubleTest}); every function that returns a double
 * rounds once, so it is correctly rounded except within about \( 10^{-12} \) ulp of a tie.
 */
public final class DoubleDouble {
    /** Zero. */
    public static final DoubleDouble ZERO = new DoubleDouble(0, 0);
    /** One. */
    public static final DoubleDouble ONE = new DoubleDouble(1, 0);
    /** ln 2 split so that k * LN2_HI is exact for |k| < 2048 (fdlibm's ln2_hi / ln2_lo). */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** ln 2 - LN2_HI - LN2_LO (mpmath, 60 digits). */
    static final double LN2_LO2 = 1.1612227229362532e-26;
    private static final double TWO54 = 0x1.0p54;
    /** 1/3!, 1/4!, ..., 1/17!: e^r = 1 + r + r^2/2 + r^3 (1/6 + r/24 + ...), |r| <= ln2 / 2. */
    private static final double[] EXP = new double[15];
    /** 1/3, 1/5, ..., 1/45: (atanh(s) - s)/s^3 = 1/3 + s^2/5 + ... (|s| < 0.172: 22 terms reach 1e-33). */
    private static final double[] ATANH = new double[22];
    /** The rounding errors of ATANH: 1/(2i+3) - ATANH[i]. */
    private static final double[] ATANH_LOW = new double[22];
    /** Series terms summed in double-double. */
    private static final int DD_TERMS = 5;
    /** π in double-double. */
    private static final DoubleDouble PI = new DoubleDouble(Constants.PI, Constants.PI_LOW);
    /** (-1)^k / (2k+1)! and (-1)^k / (2k)!, k = 0..14: the truncation on [0, π/4] is below 1e-33. */
    private static final DoubleDouble[] SIN = new DoubleDouble[15];
    private static final DoubleDouble[] COS = new DoubleDouble[15];
    private static final String MSG_LOG = "y: expected a positive finite number, got %s";
    private static final String MSG_SIN = "n/d: expected 0 <= n <= d and d > 0, got %d/%d";

    static {
        double f = 2;
        for (int i = 0; i < EXP.length; i++) {
            f *= i + 3;
            EXP[i] = 1 / f;
        }
        for (int i = 0; i < ATANH.length; i++) {
            ATANH[i] = 1.0 / (2 * i + 3);
            ATANH_LOW[i] = Math.fma(-ATANH[i], 2 * i + 3, 1) / (2 * i + 3);
        }
        SIN[0] = ONE;
        COS[0] = ONE;
        for (int k = 1; k < SIN.length; k++) {
            SIN[k] = SIN[k - 1].divide(of(-(2.0 * k) * (2 * k + 1)));
            COS[k] = COS[k - 1].divide(of(-(2.0 * k - 1) * (2 * k)));
        }
    }

    private final double hi;
    private final double lo;

    private DoubleDouble(double hi, double lo) {
        this.hi = hi;
        this.lo = lo;
    }

    /** The exact value {@code x}. */
    public static DoubleDouble of(double x) {
        return new DoubleDouble(x, 0);
    }

    /** The value {@code hi + lo} (any two finite doubles), renormalised. */
    public static DoubleDouble of(double hi, double lo) {
        return lo == 0 ? new DoubleDouble(hi, 0) : twoSum(hi, lo);
    }

    /** The exact value of an integer (below \( 2^{106} \) in magnitude, so every long). */
    public static DoubleDouble of(long n) {
        double hi = n;
        return new DoubleDouble(hi, (double) (n - (long) hi));
    }

    /** The exact value {@code a - b} (TwoSum: exact for any finite doubles). */
    public static DoubleDouble difference(double a, double b) {
        return twoSum(a, -b);
    }

    /** The exact value {@code a + b} (TwoSum). */
    public static DoubleDouble sum(double a, double b) {
        return twoSum(a, b);
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

    /** The leading double: the correctly rounded value (up to ties). */
    public double hi() {
        return hi;
    }

    /** The trailing correction. */
    public double lo() {
        return lo;
    }

    /** The correctly rounded double value (up to ties). */
    public double doubleValue() {
        return hi + lo;
    }

    /** {@code this + o}. */
    public DoubleDouble add(DoubleDouble o) {
        DoubleDouble s = twoSum(hi, o.hi);
        DoubleDouble t = twoSum(lo, o.lo);
        DoubleDouble u = fastTwoSum(s.hi, s.lo + t.hi);
        return fastTwoSum(u.hi, u.lo + t.lo);
    }

    /** {@code this - x}. */
    public DoubleDouble subtract(double x) {
        return add(new DoubleDouble(-x, 0));
    }

    /** {@code this - o}. */
    public DoubleDouble subtract(DoubleDouble o) {
        return add(o.negate());
    }

    /** {@code -this}. */
    public DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
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

    /** {@code this * this}. */
    public DoubleDouble square() {
        return multiply(this);
    }

    /** {@code this / o} (o non-zero; a zero or non-finite leading quotient is returned as it is). */
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

    /** {@code sqrt(this)} for a non-negative value (0 for 0, NaN below). */
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
     * \( \ln \) of this positive value, rounded once.
     *
     * @return \( \ln(\mathrm{hi} + \mathrm{lo}) \), correctly rounded except near ties
     * @throws IllegalArgumentException if {@code hi} is not positive and finite
     */
    public double log() {
        return log(0);
    }

    /**
     * \( \ln(\text{this} \cdot 2^{e}) = \ln(\text{this}) + e \ln 2 \), for a mantissa kept in range by a
     * separate binary exponent (cumulative products that would underflow), rounded once.
     *
     * @param exponent e
     * @return the logarithm, correctly rounded except near ties
     */
    public double log(int exponent) {
        return lnFma(requirePositive(hi), exponent, lo / hi, 1, 0);
    }

    /**
     * \( \ln(1 - \text{this}) \) for a value in [0, 1/2] (the complement is formed in double-double,
     * where it is exact to \( 10^{-32} \)), rounded once.
     */
    public double log1m() {
        return ONE.subtract(this).log();
    }

    @Override
    public String toString() {
        return hi + " + " + lo;
    }

    /**
     * \( \ln y \) as a double-double (relative error below \( 10^{-28} \)), for callers that subtract
     * logarithms of nearby numbers.
     *
     * @param y a positive finite number
     * @return {@code (hi, lo)} with hi the rounded logarithm
     * @throws IllegalArgumentException if y is not positive and finite
     */
    public static DoubleDouble log(double y) {
        requirePositive(y);
        double hi = lnFma(y, 0, 0, 1, 0);
        // the kernel adds -hi exactly before its one rounding, so this is the remainder ln y - hi
        return new DoubleDouble(hi, lnFma(y, 0, 0, 1, -hi));
    }

    /**
     * \( \sin(\pi n / d) \) in double-double for an exact rational \( n/d \in [0, 1] \): the argument is
     * reduced exactly (\( \sin \pi r = \sin \pi(1 - r) \), and \( \cos \pi(1/2 - r) \) above
     * \( r = 1/4 \)), so the result keeps its relative accuracy where \( \sin \) is near 0 — at both
     * ends, where a rounded angle would cancel.
     *
     * @param n the numerator, {@code 0 <= n <= d}
     * @param d the denominator, {@code d > 0} and below \( 2^{61} \)
     * @return the sine, relative error below \( 10^{-30} \)
     * @throws IllegalArgumentException outside that domain
     */
    public static DoubleDouble sinPi(long n, long d) {
        if (!(d > 0 && n >= 0 && n <= d && d < (1L << 61))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SIN, n, d));
        }
        long m = 2 * n > d ? d - n : n;
        if (4 * m <= d) {
            DoubleDouble x = PI.multiply(of(m).divide(of(d)));
            return series(SIN, x).multiply(x);
        }
        return series(COS, PI.multiply(of(d - 2 * m).divide(of(2 * d))));
    }

    /** \( \sum_k c_k x^{2k} \) by Horner in double-double. */
    private static DoubleDouble series(DoubleDouble[] c, DoubleDouble x) {
        DoubleDouble x2 = x.square();
        DoubleDouble p = c[c.length - 1];
        for (int k = c.length - 2; k >= 0; k--) {
            p = p.multiply(x2).add(c[k]);
        }
        return p;
    }

    private static double requirePositive(double y) {
        if (!(y > 0 && y < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LOG, y));
        }
        return y;
    }

    /**
     * The kernel: \( a + x (\ln y + k \ln 2 + c) \) with \( \ln y + k \ln 2 \) in double-double and one
     * rounding at the end, allocation-free. {@code c} is a small correction (the relative rounding
     * error of y, of order u); {@code a + x ln y} must not cancel to below the size of the correction
     * for the result to be correctly rounded.
     *
     * @param y a positive finite number (subnormals allowed)
     */
    static double lnFma(double y, int k, double c, double x, double a) {
        int shift = 0;
        if (y < Double.MIN_NORMAL) {
            y *= TWO54;
            shift = -54;
        }
        int e = Math.getExponent(y);
        double m = Math.scalb(y, -e);
        if (m > Constants.SQRT2) {
            m *= 0.5;
            e++;
        }
        e += shift + k;
        double f = m - 1;
        double den = m + 1;
        double denLow = (m - (den - (den - m))) + (1 - (den - m));
        double q = f / den;
        double qLow = (Math.fma(-q, den, f) - q * denLow) / den;
        // z = q^2 and the series S(z) = 1/3 + z/5 + z^2/7 + ... in double-double for its first five
        // terms (|z| < 0.03, so the rest, below 1e-11 of q, needs only double precision).
        double z = q * q;
        double zLow = Math.fma(q, q, -z) + 2 * q * qLow;
        double tail = 0;
        for (int i = ATANH.length - 1; i >= DD_TERMS; i--) {
            tail = tail * z + ATANH[i];
        }
        double sHi = tail;
        double sLo = 0;
        for (int i = DD_TERMS - 1; i >= 0; i--) {
            // (sHi + sLo) * (z + zLow) + (ATANH[i] + ATANH_LOW[i])
            double p = sHi * z;
            double pLow = Math.fma(sHi, z, -p) + (sHi * zLow + sLo * z);
            double t = p + ATANH[i];
            double tLow = (Math.abs(p) >= ATANH[i] ? (p - t) + ATANH[i] : (ATANH[i] - t) + p) + pLow + ATANH_LOW[i];
            sHi = t + tLow;
            sLo = tLow - (sHi - t);
        }
        // q^3 S = (q z) S, then atanh(q) = q + q^3 S and log m = 2 atanh(q).
        double cc = q * z;
        double cLow = Math.fma(q, z, -cc) + (q * zLow + qLow * z);
        double d = cc * sHi;
        double dLow = Math.fma(cc, sHi, -d) + (cc * sLo + cLow * sHi);
        double tHi = 2 * q + 2 * d;
        double tLo = ((2 * q - tHi) + 2 * d) + 2 * (qLow + dLow);
        // e ln 2 in three pieces: e * LN2_HI exact, e * LN2_LO with its product error.
        double eh = e * LN2_HI;
        double el = e * LN2_LO;
        double elLow = Math.fma(e, LN2_LO, -el) + e * LN2_LO2;
        double h1 = eh + tHi;
        double e1 = Math.abs(eh) >= Math.abs(tHi) ? (eh - h1) + tHi : (tHi - h1) + eh;
        double lh = h1 + el;
        double e2 = Math.abs(h1) >= Math.abs(el) ? (h1 - lh) + el : (el - lh) + h1;
        double ll = e1 + e2 + tLo + elLow + c;
        // a + x (lh + ll): x lh exactly (fma), a + x lh by TwoSum, everything else in the low part
        double p = x * lh;
        double pLow = Math.fma(x, lh, -p);
        double s = a + p;
        double sLow = Math.abs(a) >= Math.abs(p) ? (a - s) + p : (p - s) + a;
        return s + (sLow + pLow + x * ll);
    }

    /**
     * \( a + \ln(1 + \sigma e^{d + d_{lo}}) \) for \( d \le 0 \), \( \sigma = \pm 1 \) (\( \sigma = -1 \)
     * needs \( d &lt; 0 \)): the exponential in double-double (Cody–Waite reduction, Taylor polynomial),
     * the sum \( 1 + \sigma e^{d} \) with its rounding error, then {@link #lnFma}; one rounding.
     */
    static double lnOnePlusSignedExp(double d, double dLow, double sign, double a) {
        double kd = Math.rint(d * Constants.INV_LN2);
        int k = (int) kd;
        double rHi = d - kd * LN2_HI;
        double rLo = -kd * LN2_LO;
        double r = rHi + rLo;
        double rErr = (rHi - r) + rLo;
        double r2 = r * r;
        double r2Low = Math.fma(r, r, -r2);
        double poly = 0;
        for (int i = EXP.length - 1; i >= 0; i--) {
            poly = poly * r + EXP[i];
        }
        double hi = 1 + r;
        double lo = (1 - hi) + r;
        double half = 0.5 * r2;
        double s = hi + half;
        lo += (hi - s) + half;
        lo += 0.5 * r2Low + r2 * r * poly + rErr * (1 + r);
        double sum = s + lo;
        double low = lo - (sum - s);
        double e = Math.scalb(sum, k);
        double eLow = Math.scalb(low, k) + e * dLow;
        double y = 1 + sign * e;
        double yLow = ((1 - y) + sign * e) + sign * eLow;
        return lnFma(y, 0, yLow / y, 1, a);
    }
}
