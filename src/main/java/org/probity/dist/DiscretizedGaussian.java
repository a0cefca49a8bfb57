package org.probity.dist;

import java.util.Locale;
import org.probity.math.Arguments;
import org.probity.math.StandardNormal;

/**
 * The discretized Gaussian image decoder of Ho et al. 2020 (eq. 13): pixel values in [-1, 1] are
 * 256 levels \( c_k = -1 + 2k/255 \); bin k is \( [c_k - 1/255, c_k + 1/255] \) except that the first
 * bin extends to \( -\infty \) and the last to \( +\infty \), and
 * \( P(k) = \Phi((c_k + 1/255 - \mu)/\sigma) - \Phi((c_k - 1/255 - \mu)/\sigma) \) with \( \sigma = e^{s} \).
 *
 * <p>Probabilities are computed in log space by {@link StandardNormal} (edge bins by
 * {@code logCdf}, interior bins from the standardized centre and half-width by
 * {@code logProbabilityAround}), exact in the tails (no tanh approximation). Accuracy: a few ulps
 * per unit of the condition number of \( \ln P \) in the standardized centre and width (which is
 * large only for a bin deep in the far tail whose probability is within \( 10^{-16} \) of 1), see
 * {@code DiscretizedGaussianAccuracyTest}; the 256 probabilities sum to 1 within a few ulps.
 */
public final class DiscretizedGaussian {
    /** Number of levels. */
    public static final int BINS = 256;
    /**
     * How far from a level, in bins, a value may be and still count as on the grid
     * ({@link #isLevel(double)}): levels computed in double as \( k/127.5 - 1 \) or \( (2k - 255)/255 \)
     * are within \( 10^{-13} \) bins of the exact level.
     */
    public static final double LEVEL_TOLERANCE_BINS = 1e-9;
    static final String MSG_X = "x: expected a pixel value in [-1, 1], got %s";
    static final String MSG_BIN = "bin: expected an index in [0, 255], got %d";

    private final double mean;
    private final double logScale;
    private final double invScale;

    private DiscretizedGaussian(double mean, double logScale) {
        this.mean = mean;
        this.logScale = logScale;
        this.invScale = Math.exp(-logScale);
    }

    /**
     * The decoder with location \( \mu \) and log standard deviation \( s \).
     *
     * @param mean a finite number (need not lie in [-1, 1])
     * @param logScale \( \ln\sigma \), finite, with \( e^{\pm s} \) finite and positive (|s| <= 709)
     * @return the decoder
     */
    public static DiscretizedGaussian of(double mean, double logScale) {
        Arguments.requireFinite("mean", mean);
        if (!(Math.abs(logScale) <= 709)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "logScale: expected a finite number in [-709, 709], got %s", logScale));
        }
        return new DiscretizedGaussian(mean, logScale);
    }

    /** \( \mu \). */
    public double mean() {
        return mean;
    }

    /** \( s = \ln\sigma \). */
    public double logScale() {
        return logScale;
    }

    /**
     * The bin that contains the pixel value x: \( \operatorname{round}((x + 1) \cdot 255/2) \).
     *
     * @param x a value in [-1, 1]
     * @return the bin index in [0, 255]
     */
    public static int binOf(double x) {
        if (!(x >= -1 && x <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_X, x));
        }
        return (int) Math.rint((x + 1) * 127.5);
    }

    /** The centre \( c_k = -1 + 2k/255 \) of bin k (the k-th level of the grid), correctly rounded. */
    public static double center(int bin) {
        checkBin(bin);
        return (2.0 * bin - 255) / 255;
    }

    /**
     * Whether x is a level of the grid: in [-1, 1] and within {@link #LEVEL_TOLERANCE_BINS} bins of
     * \( c_{\mathrm{binOf}(x)} \).
     */
    public static boolean isLevel(double x) {
        if (!(x >= -1 && x <= 1)) {
            return false;
        }
        double k = (x + 1) * 127.5;
        return Math.abs(k - Math.rint(k)) <= LEVEL_TOLERANCE_BINS;
    }

    /** The standardized lower edge \( (c_k - 1/255 - \mu)/\sigma \) of bin k; \( -\infty \) for bin 0. */
    public double standardizedLowerEdge(int bin) {
        checkBin(bin);
        return bin == 0 ? Double.NEGATIVE_INFINITY : offset(2 * bin - 256) * invScale;
    }

    /** The standardized upper edge \( (c_k + 1/255 - \mu)/\sigma \) of bin k; \( +\infty \) for bin 255. */
    public double standardizedUpperEdge(int bin) {
        checkBin(bin);
        return bin == BINS - 1 ? Double.POSITIVE_INFINITY : offset(2 * bin - 254) * invScale;
    }

    /**
     * \( \ln P(\text{bin of } x) \) for a pixel value on (or near) the 256-level grid of [-1, 1].
     *
     * @param x a value in [-1, 1]; it selects the bin that contains it ({@link #binOf})
     * @return the log probability of that bin, \( \le 0 \)
     */
    public double logProbability(double x) {
        return logProbabilityOfBin(binOf(x));
    }

    /**
     * \( \ln P(k) \).
     *
     * @param bin k in [0, 255]
     * @return the log probability; \( -\infty \) only when a standardized edge overflows
     */
    public double logProbabilityOfBin(int bin) {
        checkBin(bin);
        if (bin == 0) {
            return StandardNormal.logCdf(standardizedUpperEdge(0));
        }
        if (bin == BINS - 1) {
            return StandardNormal.logSurvival(standardizedLowerEdge(BINS - 1));
        }
        // Interior bins from centre and half-width: the standardized width is then exact to 1 ulp.
        return StandardNormal.logProbabilityAround(offset(2 * bin - 255) * invScale, invScale / 255);
    }

    /**
     * \( n/255 - \mu \) with the rounding error of \( n/255 \) recovered by an fma, so that a bin edge or
     * centre close to the mean keeps its relative accuracy (no cancellation of a rounded constant).
     */
    private double offset(int n) {
        double hi = n / 255.0;
        double lo = Math.fma(-hi, 255, n) / 255;
        return (hi - mean) + lo;
    }

    /** \( P(k) \). */
    public double probabilityOfBin(int bin) {
        return Math.exp(logProbabilityOfBin(bin));
    }

    /** The 256 log probabilities. */
    public double[] logProbabilities() {
        double[] lp = new double[BINS];
        for (int k = 0; k < BINS; k++) {
            lp[k] = logProbabilityOfBin(k);
        }
        return lp;
    }

    /** The 256 probabilities. */
    public double[] probabilities() {
        double[] p = logProbabilities();
        for (int k = 0; k < BINS; k++) {
            p[k] = Math.exp(p[k]);
        }
        return p;
    }

    private static void checkBin(int bin) {
        if (!(bin >= 0 && bin < BINS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_BIN, bin));
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DiscretizedGaussian)) {
            return false;
        }
        DiscretizedGaussian g = (DiscretizedGaussian) o;
        return Double.compare(mean, g.mean) == 0 && Double.compare(logScale, g.logScale) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(mean) * 31 + Double.hashCode(logScale);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DiscretizedGaussian(mean=%s, logScale=%s)", mean, logScale);
    }
}
