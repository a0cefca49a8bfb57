package org.probity.math;

import java.util.Locale;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Erfcx;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;

/**
 * The standard normal distribution in log space, exact in the tails: \( \ln\Phi(z) \) and
 * \( \ln P(a &lt; Z &lt; b) \) without underflow or cancellation, from the Commons Numbers error
 * functions (Boost ports, a few ulps) — never the tanh approximation, whose absolute error reaches
 * \( 1.8 \cdot 10^{-4} \) (ORACLES.md).
 *
 * <p>Accuracy against {@link HighPrecision} (see {@code StandardNormalAccuracyTest} for datasets and
 * measured max / RMS ulps): a few ulps relative to the log probability for every finite interval.
 */
public final class StandardNormal {
    private static final double LN2 = Constants.LN2;
    private static final double INV_SQRT2 = Constants.INV_SQRT2;
    private static final double HALF_LOG_2PI = Constants.HALF_LOG_2PI;
    /** An interval is "narrow" when \( w \cdot \max(1, |c|) \le \) this: Gauss–Legendre is then exact. */
    private static final double NARROW = 0.5;
    /** \( Q(40) \approx 3.7 \cdot 10^{-350} \) underflows to 0. */
    private static final double TAIL_UNDERFLOW = 40;
    private static final GaussIntegrator LEGENDRE = GaussLegendre.rule(10);
    private static final String MSG_INTERVAL = "b: expected a number >= a = %s, got %s";

    private StandardNormal() {
    }

    /**
     * \( \ln\Phi(z) \), the log of the standard normal CDF.
     *
     * <p>For \( z &lt; -1 \): \( \ln \operatorname{erfcx}(-z/\sqrt2) - z^2/2 - \ln 2 \) (no underflow: finite for
     * every finite z whose square is finite); for \( -1 \le z \le 0 \): \( \ln(\operatorname{erfc}(-z/\sqrt2)/2) \);
     * for \( z &gt; 0 \): \( \operatorname{log1p}(-\operatorname{erfc}(z/\sqrt2)/2) \).
     *
     * @param z any number
     * @return \( \ln\Phi(z) \in [-\infty, 0] \); \( -\infty \) at \( -\infty \), 0 at \( +\infty \), NaN for NaN
     */
    public static double logCdf(double z) {
        if (Double.isNaN(z)) {
            return z;
        }
        if (z < -1) {
            // z^2/2 split into hi + lo by an fma, so the large term carries no rounding error.
            double hi = z * z;
            if (hi == Double.POSITIVE_INFINITY) {
                return Double.NEGATIVE_INFINITY;
            }
            double lo = Math.fma(z, z, -hi);
            return Math.log(Erfcx.value(-z * INV_SQRT2)) - 0.5 * hi - LN2 - 0.5 * lo;
        }
        if (z <= 0) {
            return Math.log(0.5 * Erfc.value(-z * INV_SQRT2));
        }
        return Math.log1p(-upperTail(z));
    }

    /**
     * \( Q(z) = 1 - \Phi(z) \) for \( z \ge 0 \), relative error a few ulps: beyond 1 as
     * \( \tfrac12 \operatorname{erfcx}(z/\sqrt2)\, e^{-z^2/2} \) with \( z^2 \) split exactly (hi + lo), since
     * the relative condition of Q is \( z^2 \) and rounding \( z/\sqrt2 \) inside erfc would cost that much.
     */
    static double upperTail(double z) {
        if (z <= 1) {
            return 0.5 * Erfc.value(z * INV_SQRT2);
        }
        if (z >= TAIL_UNDERFLOW) {
            return 0;
        }
        double hi = z * z;
        double lo = Math.fma(z, z, -hi);
        return 0.5 * Erfcx.value(z * INV_SQRT2) * Math.exp(-0.5 * hi) * (1 - 0.5 * lo);
    }

    /**
     * \( \ln(1 - \Phi(z)) = \ln\Phi(-z) \).
     *
     * @param z any number
     * @return the log survival function
     */
    public static double logSurvival(double z) {
        return logCdf(-z);
    }

    /**
     * \( \ln P(a &lt; Z &lt; b) = \ln(\Phi(b) - \Phi(a)) \) for a standard normal Z.
     *
     * <p>Method: reflect so that \( a + b \le 0 \) (the interval's centre is in the lower half). Narrow
     * intervals (\( (b - a)\max(1, |c|) \le 1/2 \), c the centre) are integrated by 10-point
     * Gauss–Legendre on \( \varphi(c + h s) = \varphi(c)\, e^{-chs - h^2 s^2/2} \) in log space (the
     * integrand is entire and varies by less than \( e^{1/2} \), so the rule is exact to rounding); wide
     * intervals below 0 use \( \ln\Phi(b) + \operatorname{log1mExp}(\ln\Phi(a) - \ln\Phi(b)) \) with the
     * difference formed as \( -(a-b)(a+b)/2 + \ln(\operatorname{erfcx}(-a/\sqrt2)/\operatorname{erfcx}(-b/\sqrt2)) \)
     * in the tail; wide intervals around 0 are \( \operatorname{log1p}(-Q(-a) - Q(b)) \) when the two tails
     * hold less than 1/2, else the log of the sum of two positive erfs.
     *
     * @param a the lower end, may be \( -\infty \)
     * @param b the upper end, {@code >= a}, may be \( +\infty \)
     * @return the log probability; \( -\infty \) when {@code a == b}; NaN when either is NaN
     * @throws IllegalArgumentException if {@code b < a}
     */
    public static double logProbability(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        if (!(b >= a)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_INTERVAL, a, b));
        }
        if (a == b) {
            return Double.NEGATIVE_INFINITY;
        }
        if (a + b > 0) {
            double t = a;
            a = -b;
            b = -t;
        }
        if (b == Double.POSITIVE_INFINITY) {
            return 0;
        }
        if (a == Double.NEGATIVE_INFINITY) {
            return logCdf(b);
        }
        double c = 0.5 * a + 0.5 * b;
        double h = 0.5 * b - 0.5 * a;
        if (2 * h * Math.max(1, Math.abs(c)) <= NARROW) {
            return narrow(c, h);
        }
        if (b <= 0) {
            double d;
            if (b < -1) {
                d = -0.5 * (a - b) * (a + b) + Math.log(Erfcx.value(-a * INV_SQRT2) / Erfcx.value(-b * INV_SQRT2));
            } else {
                d = logCdf(a) - logCdf(b);
            }
            return logCdf(b) + LogSpace.log1mExp(d);
        }
        // a < 0 < b: P = 1 - Q(-a) - Q(b); log1p keeps a probability near 1 exact, erf sums otherwise.
        double tails = upperTail(-a) + upperTail(b);
        if (tails < 0.5) {
            return Math.log1p(-tails);
        }
        return Math.log(0.5 * (Erf.value(b * INV_SQRT2) + Erf.value(-a * INV_SQRT2)));
    }

    /**
     * \( \ln P(c - h &lt; Z &lt; c + h) \), the same as {@link #logProbability(double, double)} but from the
     * centre and half-width, which callers often know more exactly than the two ends (a narrow interval
     * far from 0 then keeps its width exactly).
     *
     * @param center c, finite
     * @param halfWidth h, {@code >= 0} and finite
     * @return the log probability
     */
    public static double logProbabilityAround(double center, double halfWidth) {
        if (!(halfWidth >= 0 && halfWidth < Double.POSITIVE_INFINITY) || !Double.isFinite(center)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "halfWidth: expected a finite number >= 0 around a finite center, got center %s, halfWidth %s",
                center, halfWidth));
        }
        if (halfWidth == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double c = -Math.abs(center);
        if (2 * halfWidth * Math.max(1, -c) <= NARROW) {
            return narrow(c, halfWidth);
        }
        return logProbability(c - halfWidth, c + halfWidth);
    }

    /** \( \ln \int_{c-h}^{c+h} \varphi \) for a narrow interval, by Gauss–Legendre on [-1, 1]. */
    private static double narrow(double c, double h) {
        NeumaierSum s = NeumaierSum.create();
        double ch = c * h;
        double hh = 0.5 * h * h;
        for (int i = 0; i < LEGENDRE.getNumberOfPoints(); i++) {
            double x = LEGENDRE.getPoint(i);
            s.add(LEGENDRE.getWeight(i) * Math.exp(-ch * x - hh * x * x));
        }
        return Math.log(h * s.sum()) - HALF_LOG_2PI - 0.5 * (c * c);
    }
}
