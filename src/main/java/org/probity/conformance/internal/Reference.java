package org.probity.conformance.internal;

import org.apache.commons.numbers.gamma.Erfc;
import org.probity.math.LogSpace;
import org.probity.math.NeumaierSum;

/**
 * Probity's double-precision reference values for the non-schedule ops (the schedule quantities
 * come from {@link org.probity.diffusion.NoiseSchedule}, computed in double-double).
 *
 * <ul>
 *   <li>Gaussian KL: \( \tfrac12(\mathrm{expm1}(d) - d + (m_1 - m_2)^2 e^{-v_2}) \), \( d = v_1 - v_2 \),
 *       no cancellation of the ±1 (error a few ulps of the term scale);</li>
 *   <li>discretized Gaussian: bin probability \( \Phi(b) - \Phi(a) \) as a difference of the smaller
 *       tails in log space, \( \log\Phi \) from Commons Numbers {@code Erfc} (relative accuracy in the
 *       tail) and the asymptotic Mills-ratio series below \( z = -37 \); edge bins open;</li>
 *   <li>categorical: compensated sums of {@link LogSpace#klTerm} and {@link LogSpace#xlogy}
 *       (0 log 0 = 0, p log(p/0) = +∞).</li>
 * </ul>
 */
public final class Reference {
    /** Half the bin width of the 256-level grid of [−1, 1]: 1/255. */
    public static final double HALF_BIN = 1.0 / 255.0;
    /** |x| beyond this is an edge bin (open to ±∞). */
    public static final double EDGE = 0.999;
    private static final double SQRT2 = Math.sqrt(2);
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private Reference() {
    }

    /** KL(N(m1, e^lv1) ‖ N(m2, e^lv2)). */
    public static double normalKl(double m1, double lv1, double m2, double lv2) {
        double d = lv1 - lv2;
        double dm = m1 - m2;
        return 0.5 * ((Math.expm1(d) - d) + dm * dm * Math.exp(-lv2));
    }

    /** log Φ(z). */
    public static double logNdtr(double z) {
        if (z > 5) {
            return Math.log1p(-0.5 * Erfc.value(z / SQRT2));
        }
        if (z > -37) {
            return Math.log(0.5 * Erfc.value(-z / SQRT2));
        }
        double z2 = z * z;
        double s = 1;
        double term = 1;
        for (int k = 1; k < 8; k++) {
            term *= -(2.0 * k - 1) / z2;
            s += term;
        }
        return -0.5 * z2 - LOG_SQRT_2PI - Math.log(-z) + Math.log(s);
    }

    /** log φ(z), the standard normal log-density. */
    public static double logPhi(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /** Standardized lower edge of x's bin, or −∞ for the left edge bin. */
    public static double lowerEdge(double x, double mean, double logScale) {
        return x < -EDGE ? Double.NEGATIVE_INFINITY : (x - HALF_BIN - mean) * Math.exp(-logScale);
    }

    /** Standardized upper edge of x's bin, or +∞ for the right edge bin. */
    public static double upperEdge(double x, double mean, double logScale) {
        return x > EDGE ? Double.POSITIVE_INFINITY : (x + HALF_BIN - mean) * Math.exp(-logScale);
    }

    /** log P(x's bin) under N(mean, e^{2 logScale}) on the 256-level grid with open edge bins. */
    public static double logBinProbability(double x, double mean, double logScale) {
        double lo = lowerEdge(x, mean, logScale);
        double hi = upperEdge(x, mean, logScale);
        if (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
            return 0;
        }
        if (lo == Double.NEGATIVE_INFINITY) {
            return logNdtr(hi);
        }
        if (hi == Double.POSITIVE_INFINITY) {
            return logNdtr(-lo);
        }
        if (lo >= 0) {
            double a = logNdtr(-lo);
            return a + LogSpace.log1mExp(logNdtr(-hi) - a);
        }
        if (hi <= 0) {
            double a = logNdtr(hi);
            return a + LogSpace.log1mExp(logNdtr(lo) - a);
        }
        return Math.log1p(-(Math.exp(logNdtr(lo)) + Math.exp(logNdtr(-hi))));
    }

    /** KL(p ‖ q). */
    public static double categoricalKl(double[] p, double[] q) {
        NeumaierSum s = NeumaierSum.create();
        for (int i = 0; i < p.length; i++) {
            double term = LogSpace.klTerm(p[i], q[i]);
            if (term == Double.POSITIVE_INFINITY) {
                return term;
            }
            s.add(term);
        }
        return s.sum();
    }

    /** H(p). */
    public static double entropy(double[] p) {
        NeumaierSum s = NeumaierSum.create();
        for (double x : p) {
            s.add(-LogSpace.xlogy(x, x));
        }
        return s.sum() + 0.0;
    }

    /** H(p, q). */
    public static double crossEntropy(double[] p, double[] q) {
        NeumaierSum s = NeumaierSum.create();
        for (int i = 0; i < p.length; i++) {
            double term = -LogSpace.xlogy(p[i], q[i]);
            if (term == Double.POSITIVE_INFINITY) {
                return term;
            }
            s.add(term);
        }
        return s.sum() + 0.0;
    }

    // ---- error scales (what a sound implementation's rounding errors add up to, in units of u) ----

    /** Term scale of the Gaussian KL, including the rounding of the inputs to the declared precision. */
    public static double normalKlScale(double m1, double lv1, double m2, double lv2) {
        double ratio = Math.exp(lv1 - lv2);
        double m = Math.abs(m1) + Math.abs(m2);
        return 1 + Math.abs(lv1) + Math.abs(lv2) + ratio * (1 + Math.abs(lv1) + Math.abs(lv2)) + m * m * Math.exp(-lv2);
    }

    /**
     * Error scale of log P(bin): 1 + Σ over finite edges z of φ(z)/P × (|z|(1 + |log σ|) +
     * (|x| + |mean| + 1)/σ + min(1/|z|, 1.26)) — the rounding of the standardized edges propagated through Φ, the relative
     * error of the smaller tail (Mills ratio bound), and the cancellation in the difference.
     */
    public static double decoderScale(double x, double mean, double logScale) {
        double logP = logBinProbability(x, mean, logScale);
        double inputs = (Math.abs(x) + Math.abs(mean) + 1) * Math.exp(-logScale);
        double s = 1;
        for (double z : new double[] {lowerEdge(x, mean, logScale), upperEdge(x, mean, logScale)}) {
            if (Double.isFinite(z)) {
                double ratio = Math.exp(logPhi(z) - logP);
                s += ratio * (Math.abs(z) * (1 + Math.abs(logScale)) + inputs + Math.min(1 / Math.abs(z), 1.26));
            }
        }
        return s;
    }

    /** Term scale of KL(p ‖ q): 1 + Σ p |log(p / q)|, plus p for the rounding of each ratio. */
    public static double categoricalKlScale(double[] p, double[] q) {
        double s = 1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                s += p[i] * (Math.abs(Math.log(p[i] / q[i])) + 2);
            }
        }
        return s;
    }

    /** Term scale of H(p). */
    public static double entropyScale(double[] p) {
        double s = 1;
        for (double x : p) {
            if (x > 0) {
                s += x * (Math.abs(Math.log(x)) + 2);
            }
        }
        return s;
    }

    /** Term scale of H(p, q). */
    public static double crossEntropyScale(double[] p, double[] q) {
        double s = 1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                s += p[i] * (Math.abs(Math.log(q[i])) + 2);
            }
        }
        return s;
    }
}
