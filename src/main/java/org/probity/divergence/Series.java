package org.probity.divergence;

import org.probity.math.DoubleDouble;

/**
 * The two small functions every closed form here reduces to, each evaluated without cancellation.
 * Package-private: the public entry points are {@link Kl}, {@link Entropy} and {@link CrossEntropy}.
 */
final class Series {
    /** 1/k! for k = 2..27: \( e^x - 1 - x = \sum_{k \ge 2} x^k / k! \). */
    private static final double[] EXP_TAIL = new double[26];
    /** (k-1)/k! for k = 2..29: \( 1 - e^x(1 - x) = \sum_{k \ge 2} (k-1) x^k / k! \). */
    private static final double[] XEXP_TAIL = new double[28];

    static {
        double f = 1;
        for (int k = 1; k <= 29; k++) {
            f *= k;
            if (k >= 2 && k - 2 < EXP_TAIL.length) {
                EXP_TAIL[k - 2] = 1 / f;
            }
            if (k >= 2) {
                XEXP_TAIL[k - 2] = (k - 1) / f;
            }
        }
    }

    private Series() {
    }

    /**
     * \( e^x - 1 - x \ge 0 \): the Taylor series (Horner, 26 terms) for \( |x| &lt; 1 \), where the direct form
     * cancels; {@code expm1(x) - x} above, \( (-1 - x) + e^x \) (two non-negative terms) below.
     * Relative error a few ulps everywhere.
     */
    static double expm1MinusX(double x) {
        if (Math.abs(x) < 1) {
            double s = 0;
            for (int i = EXP_TAIL.length - 1; i >= 0; i--) {
                s = s * x + EXP_TAIL[i];
            }
            return s * x * x;
        }
        if (x > 0) {
            return Math.expm1(x) - x;
        }
        return (-1 - x) + Math.exp(x);
    }

    /**
     * \( e^{x} - 1 - x \) for \( x = hi + lo \) given as an unevaluated sum (e.g. from TwoSum), so that
     * large |x| lose nothing to the rounding of x: \( e^{hi}(1 + lo) \) to first order in lo.
     */
    static double expm1MinusX(double hi, double lo) {
        if (Math.abs(hi) < 1) {
            return expm1MinusX(hi + lo);
        }
        if (hi > 0) {
            return (Math.expm1(hi) - hi) + Math.expm1(hi) * lo;
        }
        return (-1 - hi) + Math.exp(hi) * (1 + lo) - lo;
    }

    /** \( r - 1 - \ln r \ge 0 \) for \( r = a / b \) (positive finite a, b), without cancellation. */
    static double ratioTerm(double a, double b) {
        double x = logRatio(a, b);
        if (Math.abs(x) < 1) {
            return expm1MinusX(x);
        }
        double r = a / b;
        if (r == Double.POSITIVE_INFINITY) {
            return r;
        }
        double rLow = r >= Double.MIN_NORMAL ? Math.fma(-r, b, a) / b : 0;
        // r > e: r dominates; r < 1/e: -1 - x dominates; both sums are of like-signed terms.
        return x > 0 ? ((r - 1) - x) + rLow : ((-1 - x) + r) + rLow;
    }

    /**
     * \( g(x) = 1 - e^{x}(1 - x) = x e^x - e^x + 1 \ge 0 \) for \( |x| \le 1.5 \) by its Taylor series (28 terms,
     * truncation below \( 10^{-23} \)): with \( x = \ln r \) it is \( r \ln r - r + 1 \), the non-negative
     * KL summand divided by q.
     */
    static double xExpTail(double x) {
        double s = 0;
        for (int i = XEXP_TAIL.length - 1; i >= 0; i--) {
            s = s * x + XEXP_TAIL[i];
        }
        return s * x * x;
    }

    /**
     * \( \ln(a / b) \) for positive finite a, b, with the rounding error of the quotient recovered by an
     * fma (and \( \operatorname{log1p} \) of an exact difference when \( a/b \in (1/2, 2) \)): error about
     * 1 ulp of the result plus \( u \) absolute, even when the quotient underflows or overflows.
     */
    static double logRatio(double a, double b) {
        double r = a / b;
        if (r > 0.5 && r < 2) {
            double diff = a - b;
            double d = diff / b;
            double dLow = Math.fma(-d, b, diff) / b;
            return Math.log1p(d) + dLow / (1 + d);
        }
        if (!(r >= Double.MIN_NORMAL && r < Double.POSITIVE_INFINITY)) {
            return Math.log(a) - Math.log(b);
        }
        double rLow = Math.fma(-r, b, a) / b;
        return Math.log(r) + rLow / r;
    }

    /** \( (a - b)^2 \), with the rounding error of the difference and of the square kept (TwoSum, fma). */
    static double squaredDifference(double a, double b) {
        DoubleDouble d = DoubleDouble.difference(a, b);
        double sq = d.hi() * d.hi();
        return sq + (Math.fma(d.hi(), d.hi(), -sq) + 2 * d.hi() * d.lo());
    }
}
