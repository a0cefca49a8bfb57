package org.probity.math;

/**
 * Log-space helpers with the edge semantics of DESIGN.md: \( 0 \log 0 = 0 \), the log-sum-exp of
 * nothing but \( -\infty \) is \( -\infty \).
 *
 * <p>Accuracy, measured against 64-digit {@link HighPrecision} references in
 * {@code LogSpaceAccuracyTest} (max / RMS ulps over each dataset, across magnitudes):
 * {@code log1pExp} 0.98 / 0.34; {@code logSumExp} of arrays 1.00 / 0.18; {@code log1mExp} 1.09 / 0.30
 * (log of a rounded expm1: the two roundings compose); {@code xlogy} 1.24 / 0.44 (a rounded log times
 * x); {@code klTerm} 1.30 / 0.42, and 1.15 / 0.42 for \( y \approx x \); {@code logSumExp(a, b)}
 * 1.17 / 0.39 ulps per unit of the condition number \( \sum_i \mathrm{softmax}_i |x_i| / |r| \), which is
 * large only where the result is near 0 and the terms are not (there the error is a backward error).
 */
public final class LogSpace {
    private static final double LN2 = Math.log(2);

    private LogSpace() {
    }

    /**
     * \( \log(1 - e^{x}) \) for \( x \le 0 \), without cancellation (Mächler 2012: {@code log(-expm1(x))}
     * for \( x > -\ln 2 \), {@code log1p(-exp(x))} otherwise).
     *
     * @param x a non-positive number
     * @return \( \log(1 - e^x) \); \( -\infty \) at \( x = 0 \); 0 at \( x = -\infty \); NaN for
     *     \( x > 0 \) or NaN
     */
    public static double log1mExp(double x) {
        if (!(x <= 0)) {
            return Double.NaN;
        }
        return x > -LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
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
        double d = -Math.abs(a - b);
        return m + Math.log1p(Math.exp(d));
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
        return x * Math.log(y);
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
        if (r == Double.POSITIVE_INFINITY || r == 0) {
            return x * (Math.log(x) - Math.log(y));
        }
        // The rounding error of each quotient is recovered exactly with an fma and added to the log
        // to first order, so only the log and the final product round.
        if (r > 0.5 && r < 2) {
            // x - y is exact here (Sterbenz); log1p keeps the small term free of cancellation.
            double diff = x - y;
            double d = diff / y;
            double dLow = Math.fma(-d, y, diff) / y;
            return Math.fma(x, Math.log1p(d), x * (dLow / (1 + d)));
        }
        double rLow = Math.fma(-r, y, x) / y;
        return Math.fma(x, Math.log(r), x * (rLow / r));
    }
}
