package org.probity.dist;

import java.util.Locale;
import org.probity.math.Arguments;
import org.probity.math.Constants;

/**
 * A univariate normal distribution \( \mathcal N(\mu, \sigma^2) \), immutable and validated, made from
 * either its variance ({@link #of}) or its log-variance ({@link #ofLogVariance}). The parameter it
 * was made from is kept exactly; the other is derived ({@code log} or {@code exp}, within 1 ulp), and
 * {@link #isLogVarianceForm()} tells which is exact so that divergences use the exact one.
 */
public final class Gaussian {
    static final String MSG_LOG_RANGE =
        "%s: expected a finite number whose exp is a positive finite variance (in [-745, 709.78]), got %s";
    private static final Gaussian STANDARD = new Gaussian(0, 1, 0, false);

    private final double mean;
    private final double variance;
    private final double logVariance;
    private final boolean logForm;

    private Gaussian(double mean, double variance, double logVariance, boolean logForm) {
        this.mean = mean;
        this.variance = variance;
        this.logVariance = logVariance;
        this.logForm = logForm;
    }

    /**
     * \( \mathcal N(\mu, \sigma^2) \) from its variance.
     *
     * @param mean a finite number
     * @param variance a finite number {@code > 0}
     * @return the distribution
     * @throws IllegalArgumentException naming the parameter and its value otherwise
     */
    public static Gaussian of(double mean, double variance) {
        Arguments.requireFinite("mean", mean);
        Arguments.requirePositiveFinite("variance", variance);
        return new Gaussian(mean, variance, Math.log(variance), false);
    }

    /**
     * \( \mathcal N(\mu, e^{\lambda}) \) from its log-variance \( \lambda \).
     *
     * @param mean a finite number
     * @param logVariance a finite number with \( e^\lambda \) positive and finite
     * @return the distribution
     */
    public static Gaussian ofLogVariance(double mean, double logVariance) {
        Arguments.requireFinite("mean", mean);
        double v = Math.exp(logVariance);
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LOG_RANGE, "logVariance", logVariance));
        }
        return new Gaussian(mean, v, logVariance, true);
    }

    /** \( \mathcal N(0, 1) \). */
    public static Gaussian standard() {
        return STANDARD;
    }

    /** \( \mu \). */
    public double mean() {
        return mean;
    }

    /** \( \sigma^2 \). */
    public double variance() {
        return variance;
    }

    /** \( \ln \sigma^2 \). */
    public double logVariance() {
        return logVariance;
    }

    /** \( \sigma \). */
    public double standardDeviation() {
        return Math.sqrt(variance);
    }

    /** Whether the log-variance (rather than the variance) is the exact parameter. */
    public boolean isLogVarianceForm() {
        return logForm;
    }

    /**
     * \( \ln p(x) = -\tfrac12 \ln(2\pi) - \tfrac12 \ln\sigma^2 - (x - \mu)^2 / (2\sigma^2) \).
     *
     * @param x any finite number
     * @return the log density (a few ulps, absolute error \( \lesssim u (1 + |\ln \sigma^2| + z^2) \))
     */
    public double logDensity(double x) {
        double d = x - mean;
        return -Constants.HALF_LOG_2PI - 0.5 * logVariance - 0.5 * (d * d) / variance;
    }

    /** \( p(x) = e^{\ln p(x)} \). */
    public double density(double x) {
        return Math.exp(logDensity(x));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Gaussian)) {
            return false;
        }
        Gaussian g = (Gaussian) o;
        return Double.compare(mean, g.mean) == 0 && Double.compare(variance, g.variance) == 0
            && Double.compare(logVariance, g.logVariance) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(mean) * 31 + Double.hashCode(logVariance);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Gaussian(mean=%s, variance=%s)", mean, variance);
    }
}
