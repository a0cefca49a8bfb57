package org.probity.conformance;

import java.util.Locale;
import java.util.Objects;

/**
 * Element-wise mean, variance and log-variance of a batch of Gaussians, as answered by
 * {@code q_mean_variance} and {@code q_posterior_mean_variance}. The arrays are copied on the way in
 * and out.
 */
public final class MeanVariance {
    private static final String MSG_LENGTHS = "%s: expected %d values (the length of mean), got %d";

    private final double[] mean;
    private final double[] variance;
    private final double[] logVariance;

    private MeanVariance(double[] mean, double[] variance, double[] logVariance) {
        this.mean = mean;
        this.variance = variance;
        this.logVariance = logVariance;
    }

    /**
     * A batch of equal length.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static MeanVariance of(double[] mean, double[] variance, double[] logVariance) {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(variance, "variance");
        Objects.requireNonNull(logVariance, "logVariance");
        if (variance.length != mean.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LENGTHS, "variance", mean.length, variance.length));
        }
        if (logVariance.length != mean.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LENGTHS, "logVariance", mean.length, logVariance.length));
        }
        return new MeanVariance(mean.clone(), variance.clone(), logVariance.clone());
    }

    /** The number of elements. */
    public int size() {
        return mean.length;
    }

    /** The means. */
    public double[] mean() {
        return mean.clone();
    }

    /** The variances. */
    public double[] variance() {
        return variance.clone();
    }

    /** The natural logs of the variances, as the implementation computed them. */
    public double[] logVariance() {
        return logVariance.clone();
    }

    /** Mean number {@code i}. */
    public double mean(int i) {
        return mean[i];
    }

    /** Variance number {@code i}. */
    public double variance(int i) {
        return variance[i];
    }

    /** Log-variance number {@code i}. */
    public double logVariance(int i) {
        return logVariance[i];
    }
}
