package org.probity.dist;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.probity.math.Arguments;

/**
 * A multivariate normal distribution with diagonal covariance, \( \prod_d \mathcal N(\mu_d, \sigma_d^2) \):
 * an immutable list of independent {@link Gaussian} components.
 */
public final class DiagonalGaussian {
    static final String MSG_EMPTY = "%s: expected at least one entry, got none";
    static final String MSG_LENGTH = "%s: expected %d entries (the length of mean), got %d";
    static final String MSG_INDEX = "d: expected an index in [0, %d], got %d";

    private final Gaussian[] components;

    private DiagonalGaussian(Gaussian[] components) {
        this.components = components;
    }

    /**
     * From means and variances.
     *
     * @param mean finite numbers, at least one
     * @param variance finite numbers {@code > 0}, as many as {@code mean}
     * @return the distribution
     * @throws IllegalArgumentException naming the entry (e.g. {@code variance[2]}) and its value
     */
    public static DiagonalGaussian of(double[] mean, double[] variance) {
        checkLengths(mean, variance, "variance");
        Gaussian[] g = new Gaussian[mean.length];
        for (int d = 0; d < g.length; d++) {
            Arguments.requireFinite("mean[" + d + "]", mean[d]);
            Arguments.requirePositiveFinite("variance[" + d + "]", variance[d]);
            g[d] = Gaussian.of(mean[d], variance[d]);
        }
        return new DiagonalGaussian(g);
    }

    /**
     * From means and log-variances.
     *
     * @param mean finite numbers, at least one
     * @param logVariance finite numbers whose exp is a positive finite variance
     * @return the distribution
     */
    public static DiagonalGaussian ofLogVariance(double[] mean, double[] logVariance) {
        checkLengths(mean, logVariance, "logVariance");
        Gaussian[] g = new Gaussian[mean.length];
        for (int d = 0; d < g.length; d++) {
            Arguments.requireFinite("mean[" + d + "]", mean[d]);
            double v = Math.exp(logVariance[d]);
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, Gaussian.MSG_LOG_RANGE,
                    "logVariance[" + d + "]", logVariance[d]));
            }
            g[d] = Gaussian.ofLogVariance(mean[d], logVariance[d]);
        }
        return new DiagonalGaussian(g);
    }

    /** From its components (at least one). */
    public static DiagonalGaussian ofComponents(Gaussian... components) {
        Objects.requireNonNull(components, "components");
        if (components.length == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_EMPTY, "components"));
        }
        for (int d = 0; d < components.length; d++) {
            Objects.requireNonNull(components[d], "components[" + d + "]");
        }
        return new DiagonalGaussian(components.clone());
    }

    private static void checkLengths(double[] mean, double[] other, String otherName) {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(other, otherName);
        if (mean.length == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_EMPTY, "mean"));
        }
        if (other.length != mean.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LENGTH, otherName, mean.length, other.length));
        }
    }

    /** The dimension D. */
    public int dimension() {
        return components.length;
    }

    /** The d-th component \( \mathcal N(\mu_d, \sigma_d^2) \). */
    public Gaussian component(int d) {
        if (!(d >= 0 && d < components.length)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_INDEX, components.length - 1, d));
        }
        return components[d];
    }

    /** A copy of the means. */
    public double[] means() {
        return Arrays.stream(components).mapToDouble(Gaussian::mean).toArray();
    }

    /** A copy of the variances. */
    public double[] variances() {
        return Arrays.stream(components).mapToDouble(Gaussian::variance).toArray();
    }

    /** \( \ln p(x) = \sum_d \ln \mathcal N(x_d; \mu_d, \sigma_d^2) \), summed with compensation. */
    public double logDensity(double[] x) {
        Objects.requireNonNull(x, "x");
        if (x.length != components.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LENGTH, "x", components.length, x.length));
        }
        org.probity.math.NeumaierSum s = org.probity.math.NeumaierSum.create();
        for (int d = 0; d < x.length; d++) {
            s.add(components[d].logDensity(x[d]));
        }
        return s.sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiagonalGaussian && Arrays.equals(components, ((DiagonalGaussian) o).components);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components);
    }

    @Override
    public String toString() {
        return "DiagonalGaussian(mean=" + Arrays.toString(means()) + ", variance=" + Arrays.toString(variances()) + ")";
    }
}
