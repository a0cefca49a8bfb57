package org.probity.conformance;

/**
 * An implementation of the diffusion and divergence ops of the adapter protocol (PROTOCOL.md), one
 * method per op, evaluated element-wise over arrays of equal length (one batch per call).
 *
 * <p>This is the service-provider interface of {@code check-impl}: {@link SubprocessImplementation}
 * implements it by talking JSON lines to an adapter process, and a JVM implementation implements it
 * directly to be checked in-process by {@link ConformanceChecker}. Timesteps are 1-based ({@code t}
 * in 1..T, {@code betas} is β_1..β_T), logs are natural, results are in nats.
 *
 * <p>An op that is not in {@link #describe()}'s list is never called. A method may throw
 * {@link OpError} to report that it cannot evaluate an input; a protocol fault of an out-of-process
 * implementation is an {@link AdapterFault}.
 */
public interface Implementation {

    /** The implementation's name, supported ops and precision. */
    Description describe();

    /** ᾱ_t = ∏_{s ≤ t} (1 − β_s) for t = 1..T. */
    double[] alphasCumprod(double[] betas);

    /** q(x_t | x_0) = N(√ᾱ_t x_0, 1 − ᾱ_t), element-wise over (x0[i], t[i]). */
    MeanVariance qMeanVariance(double[] betas, double[] x0, int[] t);

    /**
     * q(x_{t−1} | x_t, x_0) = N(c_0 x_0 + c_t x_t, β̃_t) with c_0 = β_t √ᾱ_{t−1} / (1 − ᾱ_t),
     * c_t = √α_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t), β̃_t = β_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t), for t ≥ 2.
     */
    MeanVariance qPosteriorMeanVariance(double[] betas, double[] x0, double[] xt, int[] t);

    /** x̂_0 = (x_t − √(1 − ᾱ_t) ε) / √ᾱ_t. */
    double[] predictX0FromEps(double[] betas, double[] xt, int[] t, double[] eps);

    /** KL(N(m1, e^{lv1}) ‖ N(m2, e^{lv2})) = ½ (lv2 − lv1 + (e^{lv1} + (m1 − m2)²) e^{−lv2} − 1). */
    double[] normalKl(double[] mean1, double[] logvar1, double[] mean2, double[] logvar2);

    /**
     * log P(bin of x) under N(mean, e^{2 log_scale}) discretized on the 256-level grid of [−1, 1]
     * (bins of width 2/255, edge bins open to ±∞).
     */
    double[] discretizedGaussianLogLikelihood(double[] x, double[] mean, double[] logScale);

    /** KL(q(x_T | x_0) ‖ N(0, 1)). */
    double[] priorKl(double[] betas, double[] x0);

    /**
     * L_{t−1} = KL(q(x_{t−1} | x_t, x_0) ‖ N(model_mean, e^{model_log_variance})) for t ≥ 2, and
     * −log p(x_0 | x_1) under the discretized decoder with log-scale ½ model_log_variance for t = 1.
     */
    double[] vbTerm(double[] betas, double[] x0, double[] xt, int[] t, double[] modelMean, double[] modelLogVariance);

    /** KL(p ‖ q) per row. */
    double[] categoricalKl(double[][] p, double[][] q);

    /** H(p) per row. */
    double[] categoricalEntropy(double[][] p);

    /** H(p, q) per row. */
    double[] categoricalCrossEntropy(double[][] p, double[][] q);
}
