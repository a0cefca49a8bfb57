package org.probity.diffusion.internal;

import org.apache.commons.numbers.gamma.Erfc;
import org.probity.math.LogSpace;

/**
 * Scalar Gaussian pieces the diffusion terms need: KL in log-variance form without cancellation,
 * the log normal CDF in the far tail, and the 256-bin discretized decoder. (Interim: the numerics
 * package owns {@code Kl} and {@code DiscretizedGaussian}; these go once those are on main.)
 */
public final class GaussianMath {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double SQRT1_2 = Math.sqrt(0.5);
    private static final double HALF_BIN = 1.0 / 255;

    private GaussianMath() {
    }

    /** \( e^d - 1 - d \) without cancellation: the Taylor series for \( |d| &lt; 1/2 \). */
    public static double expm1MinusX(double d) {
        if (Math.abs(d) >= 0.5 || Double.isInfinite(d)) {
            return Math.expm1(d) - d;
        }
        double term = d * d / 2;
        double sum = 0;
        for (int k = 3; Math.abs(term) > 0x1.0p-60 * Math.abs(sum) || sum == 0 && term != 0; k++) {
            sum += term;
            term *= d / k;
        }
        return sum;
    }

    /** \( -a - \log(1 - a) = \sum_{k \ge 2} a^k / k \) for \( a \in [0, 1/4] \), by the series (no cancellation). */
    public static double minusXMinusLog1mX(double a) {
        double pow = a * a;
        double sum = 0;
        for (int k = 2; pow / k > 0x1.0p-60 * sum || sum == 0 && pow != 0; k++) {
            sum += pow / k;
            pow *= a;
        }
        return sum;
    }

    /**
     * \( \mathrm{KL}(\mathcal N(m_1, e^{l_1}) \| \mathcal N(m_2, e^{l_2})) = \tfrac12[e^{d} - 1 - d + (m_1-m_2)^2 e^{-l_2}] \),
     * \( d = l_1 - l_2 \); relative error a few ulps (the first bracket by its series near 0).
     */
    public static double klLogVariance(double m1, double lv1, double m2, double lv2) {
        double dm = m1 - m2;
        return 0.5 * (expm1MinusX(lv1 - lv2) + dm * dm * Math.exp(-lv2));
    }

    /** \( -\log \mathcal N(x; m, e^{l}) \). */
    public static double gaussianNll(double x, double m, double logVar) {
        double d = x - m;
        return 0.5 * (LOG_2PI + logVar + d * d * Math.exp(-logVar));
    }

    /** \( \log \Phi(z) \): erfc up to its underflow, the asymptotic series of the Mills ratio beyond. */
    public static double logNormalCdf(double z) {
        if (z > -30) {
            return z > 0 ? Math.log1p(-0.5 * Erfc.value(z * SQRT1_2)) : Math.log(0.5 * Erfc.value(-z * SQRT1_2));
        }
        double r = 1 / (z * z);
        double series = 1 - r * (1 - 3 * r * (1 - 5 * r * (1 - 7 * r * (1 - 9 * r))));
        return -0.5 * z * z - Math.log(-z) - 0.5 * LOG_2PI + Math.log(series);
    }

    /** \( \log(\Phi(b) - \Phi(a)) \) for \( a &lt; b \), on the side of 0 that avoids cancellation. */
    public static double logNormalInterval(double a, double b) {
        if (a >= 0) {
            return logNormalInterval(-b, -a);
        }
        double lb = logNormalCdf(b);
        if (b > 0) {
            // Phi(b) - Phi(a) = 1 - Phi(a) - Phi(-b); both tails below 1/2
            return Math.log1p(-Math.exp(logNormalCdf(a)) - Math.exp(logNormalCdf(-b)));
        }
        return lb + LogSpace.log1mExp(logNormalCdf(a) - lb);
    }

    /**
     * The discretized Gaussian decoder of Ho et al. 2020 (eq. 13): the log-probability of the bin of
     * {@code x} on the 256-level grid of [-1, 1] (bins of width 2/255, edge bins open to \( \pm\infty \))
     * under \( \mathcal N(\text{mean}, e^{2 \text{logScale}}) \); exact normal CDF in log space.
     */
    public static double discretizedLogProbability(double x, double mean, double logScale) {
        double inv = Math.exp(-logScale);
        double lo = x <= -1 + HALF_BIN ? Double.NEGATIVE_INFINITY : (x - HALF_BIN - mean) * inv;
        double hi = x >= 1 - HALF_BIN ? Double.POSITIVE_INFINITY : (x + HALF_BIN - mean) * inv;
        if (lo == Double.NEGATIVE_INFINITY) {
            return logNormalCdf(hi);
        }
        if (hi == Double.POSITIVE_INFINITY) {
            return logNormalCdf(-lo);
        }
        return logNormalInterval(lo, hi);
    }
}
