package org.probity.conformance.internal;

import org.probity.dist.DiscretizedGaussian;
import org.probity.divergence.CrossEntropy;
import org.probity.divergence.Entropy;
import org.probity.divergence.Kl;
import org.probity.math.Constants;

/**
 * Probity's reference values for the non-schedule ops (the schedule quantities come from
 * {@link org.probity.diffusion.NoiseSchedule}, computed in double-double): the Gaussian KL from
 * {@link Kl#gaussianLogVariance}, the discretized decoder from {@link DiscretizedGaussian} (exact
 * log-space normal probabilities, open edge bins), the categorical quantities from {@link Kl},
 * {@link Entropy} and {@link CrossEntropy}; each within a few ulps of 50-digit references (their
 * Javadoc). Also the error scales that the conformance tolerances multiply.
 */
public final class Reference {
    private Reference() {
    }

    /** KL(N(m1, e^lv1) ‖ N(m2, e^lv2)): {@link Kl#gaussianLogVariance}. */
    public static double normalKl(double m1, double lv1, double m2, double lv2) {
        return Kl.gaussianLogVariance(m1, lv1, m2, lv2);
    }

    /** log φ(z), the standard normal log-density. */
    public static double logPhi(double z) {
        return -0.5 * z * z - Constants.HALF_LOG_2PI;
    }

    /** Standardized lower edge of x's bin, or −∞ for the left edge bin ({@link DiscretizedGaussian}'s grid). */
    public static double lowerEdge(double x, double mean, double logScale) {
        return DiscretizedGaussian.of(mean, logScale).standardizedLowerEdge(DiscretizedGaussian.binOf(x));
    }

    /** Standardized upper edge of x's bin, or +∞ for the right edge bin. */
    public static double upperEdge(double x, double mean, double logScale) {
        return DiscretizedGaussian.of(mean, logScale).standardizedUpperEdge(DiscretizedGaussian.binOf(x));
    }

    /**
     * log P(x's bin) under N(mean, e^{2 logScale}) on the 256-level grid with open edge bins:
     * {@link DiscretizedGaussian#logProbability}.
     */
    public static double logBinProbability(double x, double mean, double logScale) {
        return DiscretizedGaussian.of(mean, logScale).logProbability(x);
    }

    /** KL(p ‖ q): {@link Kl#categorical(double[], double[])}. */
    public static double categoricalKl(double[] p, double[] q) {
        return Kl.categorical(p, q);
    }

    /** H(p): {@link Entropy#categorical(double[])}. */
    public static double entropy(double[] p) {
        return Entropy.categorical(p);
    }

    /** H(p, q): {@link CrossEntropy#categorical(double[], double[])}. */
    public static double crossEntropy(double[] p, double[] q) {
        return CrossEntropy.categorical(p, q);
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
