package org.probity.conformance;

import java.util.Objects;

/**
 * The answer to {@code beta_schedule}: the β the implementation builds for a named schedule and its
 * own ᾱ table. The arrays are copied on the way in and out; their lengths are not checked here (a
 * schedule of the wrong length is a finding of the check, not a broken answer).
 */
public final class ScheduleTable {
    private final double[] betas;
    private final double[] alphasCumprod;

    private ScheduleTable(double[] betas, double[] alphasCumprod) {
        this.betas = betas;
        this.alphasCumprod = alphasCumprod;
    }

    /** β_1..β_T and ᾱ_1..ᾱ_T as the implementation answered them. */
    public static ScheduleTable of(double[] betas, double[] alphasCumprod) {
        return new ScheduleTable(Objects.requireNonNull(betas, "betas").clone(),
            Objects.requireNonNull(alphasCumprod, "alphasCumprod").clone());
    }

    /** β_1..β_T. */
    public double[] betas() {
        return betas.clone();
    }

    /** ᾱ_1..ᾱ_T. */
    public double[] alphasCumprod() {
        return alphasCumprod.clone();
    }
}
