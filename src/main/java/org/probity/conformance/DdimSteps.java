package org.probity.conformance;

import java.util.Locale;
import java.util.Objects;

/**
 * The answer to {@code ddim_step}: element-wise mean, standard deviation and sample
 * x_prev = mean + std · noise of one DDIM step. The arrays are copied on the way in and out.
 */
public final class DdimSteps {
    private static final String MSG_LENGTHS = "%s: expected %d values (the length of mean), got %d";

    private final double[] mean;
    private final double[] std;
    private final double[] xPrev;

    private DdimSteps(double[] mean, double[] std, double[] xPrev) {
        this.mean = mean;
        this.std = std;
        this.xPrev = xPrev;
    }

    /**
     * A batch of equal length.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static DdimSteps of(double[] mean, double[] std, double[] xPrev) {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        Objects.requireNonNull(xPrev, "xPrev");
        if (std.length != mean.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LENGTHS, "std", mean.length, std.length));
        }
        if (xPrev.length != mean.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LENGTHS, "xPrev", mean.length, xPrev.length));
        }
        return new DdimSteps(mean.clone(), std.clone(), xPrev.clone());
    }

    /** The number of elements. */
    public int size() {
        return mean.length;
    }

    /** Mean number {@code i}. */
    public double mean(int i) {
        return mean[i];
    }

    /** Standard deviation number {@code i}. */
    public double std(int i) {
        return std[i];
    }

    /** Sample number {@code i}. */
    public double xPrev(int i) {
        return xPrev[i];
    }
}
