package org.probity.math;

/**
 * Log-space helpers with the edge semantics of DESIGN.md: \( 0 \log 0 = 0 \), the log-sum-exp of
 * nothing but \( -\infty \) is \( -\infty \).
 *
 * <p>Accuracy, measured against 64-digit {@link HighPrecision} references in
 * {@code LogSpaceAccuracyTest} (max / RMS ulps over each dataset, across magnitudes): {@code xlogy},
 * {@code klTerm}, {@code log1mExp} and {@code logSumExp(a, b)} are correctly rounded on every dataset
 * (max 0.50–0.53, RMS 0.28–0.30), also where \( \log(e^a + e^b) \) is near 0 and the terms are not: they
 * work in double-double (an exact exponent split with a Cody–Waite ln 2 and short series, see
 * {@code expTwo} and {@code logTwo}) and round once. {@code log1pExp} 0.98 / 0.34 and
 * {@code logSumExp} of arrays 1.00 / 0.18 are plain double evaluations within 1 ulp.
 */
public final class LogSpace {
    private static final double LN2 = Math.log(2);
    /** ln 2 split so that k * LN2_HI is exact for |k| < 2048 (fdlibm's ln2_hi / ln2_lo). */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** ln 2 - LN2_HI - LN2_LO (mpmath, 60 digits). */
    private static final double LN2_LO2 = 1.1612227229362532e-26;
    private static final double SQRT2 = Math.sqrt(2);
    private static final double TWO54 = 0x1.0p54;
    private static final double INV_LN2 = 1.4426950408889634;
    /** 1/3!, 1/4!, ..., 1/17!: e^r = 1 + r + r^2/2 + r^3 (1/6 + r/24 + ...), |r| <= ln2 / 2. */
    private static final double[] EXP = new double[15];
    /** 1/3, 1/5, ..., 1/45: (atanh(s) - s)/s^3 = 1/3 + s^2/5 + ... (|s| < 0.172: 22 terms reach 1e-33). */
    private static final double[] ATANH = new double[22];
    /** The rounding errors of ATANH: 1/(2i+3) - ATANH[i]. */
    private static final double[] ATANH_LOW = new double[22];
    /** Series terms summed in double-double. */
    private static final int DD_TERMS = 5;

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
    }

    private LogSpace() {
    }

    /**
     * \( \log(1 - e^{x}) \) for \( x \le 0 \), without cancellation: {@code log(-expm1(x))} for
     * \( x > -0.01 \) (as in Mächler 2012), otherwise \( 1 - e^x \) from a double-double exponential and
     * a double-double log, so the result is rounded once.
     *
     * @param x a non-positive number
     * @return \( \log(1 - e^x) \); \( -\infty \) at \( x = 0 \); 0 at \( x = -\infty \); NaN for
     *     \( x > 0 \) or NaN
     */
    public static double log1mExp(double x) {
        if (!(x <= 0)) {
            return Double.NaN;
        }
        if (x < -745) {
            // e^x is below half the smallest subnormal: log(1 - e^x) rounds to -e^x (0 at -infinity).
            return x == Double.NEGATIVE_INFINITY ? 0 : -Math.exp(x);
        }
        if (x > -0.01) {
            // y = 1 - e^x < 0.01: |log y| > 4.6, so expm1's 1-ulp error costs at most 1/4 ulp here.
            return Math.log(-Math.expm1(x));
        }
        // 1 - e^x with e^x as an unevaluated sum: exact subtraction, then a double-double log.
        double[] e = expTwo(x);
        double y = 1 - e[0];
        double yLow = ((1 - y) - e[0]) - e[1];
        double[] l = logTwo(y);
        return l[0] + (l[1] + yLow / y);
    }

    /**
     * \( \log(1 + e^{x}) \) (softplus), accurate for all \( x \).
     *
     * @param x any number
     * @return \( \log(1 + e^x) \); \( x \) itself for \( x > 37 \) where the two agree in double
     */
    public static double log1pExp(double x) {
        if (x <= -37) {
            return Math.exp(x);
        }
        if (x <= 18) {
            return Math.log1p(Math.exp(x));
        }
        if (x <= 33.3) {
            return x + Math.exp(-x);
        }
        return x;
    }

    /**
     * \( \log(e^a + e^b) \).
     *
     * @return the log of the sum; \( -\infty \) when both are \( -\infty \); \( +\infty \) when either is
     */
    public static double logSumExp(double a, double b) {
        double m = Math.max(a, b);
        if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY) {
            return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : m;
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        double n = Math.min(a, b);
        // m + log(1 + e^d), d = n - m <= 0 split exactly (TwoSum), everything in double-double.
        double d = n - m;
        double bb = d - n;
        double dLow = (n - (d - bb)) + (-m - bb);
        if (d < -750) {
            return m;
        }
        double[] e = expTwo(d);
        double eLow = e[1] + e[0] * dLow;
        double s = 1 + e[0];
        double sLow = ((1 - s) + e[0]) + eLow;
        double[] l = logTwo(s);
        double lLow = l[1] + sLow / s;
        double hi = m + l[0];
        double lo = Math.abs(m) >= Math.abs(l[0]) ? (m - hi) + l[0] : (l[0] - hi) + m;
        return hi + (lo + lLow);
    }

    /**
     * \( \log \sum_i e^{x_i} \), shifted by the maximum and summed with compensation.
     *
     * @param xs the terms; empty gives \( -\infty \)
     * @return the log-sum-exp; \( -\infty \) when every term is \( -\infty \); NaN when any is NaN
     */
    public static double logSumExp(double... xs) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : xs) {
            if (Double.isNaN(x)) {
                return Double.NaN;
            }
            m = Math.max(m, x);
        }
        if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY) {
            return m;
        }
        // Sum exp(x - m) excluding the (first) maximal term, then log1p: accurate when one term dominates.
        NeumaierSum s = NeumaierSum.create();
        boolean skipped = false;
        for (double x : xs) {
            if (!skipped && x == m) {
                skipped = true;
                continue;
            }
            s.add(Math.exp(x - m));
        }
        return m + Math.log1p(s.sum());
    }

    /**
     * \( x \log y \) with \( 0 \log y = 0 \) for every \( y \ge 0 \) (including \( y = 0 \)).
     *
     * @return the product; NaN when either argument is NaN
     */
    public static double xlogy(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (x == 0) {
            return 0;
        }
        if (!(y > 0 && y < Double.POSITIVE_INFINITY)) {
            return x * Math.log(y);
        }
        double[] l = logTwo(y);
        return Math.fma(x, l[0], x * l[1]);
    }

    /**
     * The relative-entropy term \( x \log(x / y) \) with \( 0 \log(0/y) = 0 \) and
     * \( x \log(x/0) = +\infty \) for \( x > 0 \). The ratio is formed before the log, so the term is
     * exact to a few ulps when \( x \approx y \) (no difference of two logs).
     *
     * @param x a non-negative number (the first argument of KL)
     * @param y a non-negative number (the second argument of KL)
     * @return the term
     */
    public static double klTerm(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (x == 0) {
            return 0;
        }
        if (y == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double r = x / y;
        double[] l;
        if (r >= Double.MIN_NORMAL && r < Double.POSITIVE_INFINITY) {
            // log(x/y) = log(r) + log(1 + rLow/r), with the quotient's rounding error rLow recovered by an fma
            double rLow = Math.fma(-r, y, x) / y;
            l = logTwo(r);
            return Math.fma(x, l[0], x * (l[1] + rLow / r));
        }
        double[] lx = logTwo(x);
        double[] ly = logTwo(y);
        double hi = lx[0] - ly[0];
        double lo = ((lx[0] - hi) - ly[0]) + (lx[1] - ly[1]);
        return Math.fma(x, hi, x * lo);
    }

    /**
     * \( \ln y \) for positive finite y as an unevaluated sum {hi, lo} in double-double:
     * \( y = 2^k m \), \( m \in (1/\sqrt2, \sqrt2] \), \( \ln m = 2\,\mathrm{atanh}(s) \),
     * \( s = (m-1)/(m+1) \) with its rounding error recovered (|s| &lt; 0.172), the first five terms of
     * the odd series in double-double, and \( k \ln 2 \) from a three-piece split of ln 2
     * (k * LN2_HI exact for |k| &lt; 2048).
     */
    static double[] expTwo(double x) {
        double kd = Math.rint(x * INV_LN2);
        int k = (int) kd;
        double rHi = x - kd * LN2_HI;
        double rLo = -kd * LN2_LO;
        double r = rHi + rLo;
        double rErr = (rHi - r) + rLo;
        double r2 = r * r;
        double r2Low = Math.fma(r, r, -r2);
        double p = 0;
        for (int i = EXP.length - 1; i >= 0; i--) {
            p = p * r + EXP[i];
        }
        double hi = 1 + r;
        double lo = (1 - hi) + r;
        double half = 0.5 * r2;
        double s = hi + half;
        lo += (hi - s) + half;
        lo += 0.5 * r2Low + r2 * r * p + rErr * (1 + r);
        double sum = s + lo;
        double low = lo - (sum - s);
        return new double[] {Math.scalb(sum, k), Math.scalb(low, k)};
    }

    static double[] logTwo(double y) {
        return logAsPair(y);
    }

    /**
     * \( \ln y \) as an unevaluated sum {@code {hi, lo}} (hi the rounded log, lo the remainder), relative
     * error below \( 10^{-28} \) (double-double, measured in {@code LogSpaceAccuracyTest}): for callers that
     * subtract logs of nearby numbers.
     *
     * @param y a positive finite number
     * @return a new array {hi, lo}
     */
    public static double[] logAsPair(double y) {
        if (!(y > 0 && y < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                "y: expected a positive finite number, got %s", y));
        }
        int shift = 0;
        if (y < Double.MIN_NORMAL) {
            y *= TWO54;
            shift = -54;
        }
        int k = Math.getExponent(y);
        double m = Math.scalb(y, -k);
        if (m > SQRT2) {
            m *= 0.5;
            k++;
        }
        k += shift;
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
        double c = q * z;
        double cLow = Math.fma(q, z, -c) + (q * zLow + qLow * z);
        double d = c * sHi;
        double dLow = Math.fma(c, sHi, -d) + (c * sLo + cLow * sHi);
        double tHi = 2 * q + 2 * d;
        double tLo = ((2 * q - tHi) + 2 * d) + 2 * (qLow + dLow);
        // k ln 2 in three pieces: k * LN2_HI exact, k * LN2_LO with its product error.
        double a = k * LN2_HI;
        double b = k * LN2_LO;
        double bLow = Math.fma(k, LN2_LO, -b) + k * LN2_LO2;
        double h1 = a + tHi;
        double e1 = Math.abs(a) >= Math.abs(tHi) ? (a - h1) + tHi : (tHi - h1) + a;
        double hi = h1 + b;
        double e2 = Math.abs(h1) >= Math.abs(b) ? (h1 - hi) + b : (b - hi) + h1;
        double lo = e1 + e2 + tLo + bLow;
        double sum = hi + lo;
        return new double[] {sum, lo - (sum - hi)};
    }
}
