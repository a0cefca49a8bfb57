package org.probity.math;

/**
 * Log-space helpers with the edge semantics of DESIGN.md: \( 0 \log 0 = 0 \), the log-sum-exp of
 * nothing but \( -\infty \) is \( -\infty \).
 *
 * <p>Accuracy, measured against 64-digit {@link HighPrecision} references in
 * {@code LogSpaceAccuracyTest} (max / RMS ulps over each dataset, across magnitudes): {@code xlogy},
 * {@code klTerm}, {@code log1mExp} and {@code logSumExp(a, b)} are correctly rounded on every dataset
 * (max 0.50–0.53, RMS 0.28–0.30), also where \( \log(e^a + e^b) \) is near 0 and the terms are not: they
 * work in double-double ({@link DoubleDouble}'s allocation-free logarithm and exponential kernels) and
 * round once. {@code log1pExp} 0.98 / 0.34 and
 * {@code logSumExp} of arrays 1.00 / 0.18 are plain double evaluations within 1 ulp.
 */
public final class LogSpace {
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
        // 1 - e^x with e^x in double-double: exact subtraction, then a double-double log.
        return DoubleDouble.lnOnePlusSignedExp(x, 0, -1, 0);
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
        return DoubleDouble.lnOnePlusSignedExp(d, dLow, 1, m);
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
        return DoubleDouble.lnFma(y, 0, 0, x, 0);
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
        if (r >= Double.MIN_NORMAL && r < Double.POSITIVE_INFINITY) {
            // log(x/y) = log(r) + log(1 + rLow/r), with the quotient's rounding error rLow recovered by an fma
            return DoubleDouble.lnFma(r, 0, Math.fma(-r, y, x) / y / r, x, 0);
        }
        // the quotient leaves the normal range: scale x and y to [1, 2) and carry the exponents apart
        int ex = exponent(x);
        int ey = exponent(y);
        double xs = Math.scalb(x, -ex);
        double ys = Math.scalb(y, -ey);
        double rs = xs / ys;
        return DoubleDouble.lnFma(rs, ex - ey, Math.fma(-rs, ys, xs) / ys / rs, x, 0);
    }

    /**
     * {@link #klTerm} with one plain {@code Math.log}, for dynamic programs that evaluate a term per
     * matrix entry: \( x \log(x/y) = \mathrm{fma}(x, \log r, x - r y) \) with \( r = x \oslash y \) and the
     * remainder \( x - r y \) exact by an fma (Boldo &amp; Daumas 2003: exact when
     * \( x \ge 2^{-969} \) and r is normal), so the rounding of the quotient costs nothing; otherwise
     * (tiny x, r outside the normal range, zeros, NaN) it is {@link #klTerm}.
     *
     * <p>Error: \( x \log(x/y) = x \log r + x \log(1 + \delta) \), \( \delta = (x - ry)/(ry) \), and
     * \( x\log(1 + \delta) = (x - ry)(1 + O(u)) \); with {@code Math.log} within 1 ulp (its specification)
     * and one rounding of the fma, the result is within \( 2u|x \log r| + u|\text{result}| + O(u^2)x \):
     * at most 3 ulps of the term, also where \( x \approx y \) (measured: {@code LogSpaceAccuracyTest}).
     */
    public static double klTermFast(double x, double y) {
        double r = x / y;
        if (x >= 0x1.0p-969 && r >= Double.MIN_NORMAL && r < Double.POSITIVE_INFINITY) {
            return Math.fma(x, Math.log(r), Math.fma(-r, y, x));
        }
        return klTerm(x, y);
    }

    /** The binary exponent of a positive finite number, subnormals included. */
    private static int exponent(double v) {
        return v >= Double.MIN_NORMAL ? Math.getExponent(v) : Math.getExponent(v * 0x1.0p54) - 54;
    }
}
