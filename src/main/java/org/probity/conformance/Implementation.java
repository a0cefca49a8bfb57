package org.probity.conformance;

import org.probity.diffusion.DiscreteDiffusion;
import org.probity.diffusion.NoiseLevels;
import org.probity.diffusion.Prediction;
import org.probity.diffusion.TimestepSpacing;

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
 * implementation is an {@link AdapterFault}. The version-2 ops have default methods that throw
 * {@link OpError}, so an implementation of the version-1 ops compiles unchanged.
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

    // ---- version 2 ----

    /** The named schedule's β_1..β_T and the implementation's own ᾱ table ({@code beta_schedule}). */
    default ScheduleTable betaSchedule(String name, int steps) {
        throw notImplemented(Op.BETA_SCHEDULE);
    }

    /** SNR_t = ᾱ_t / (1 − ᾱ_t). */
    default double[] snr(double[] betas, int[] t) {
        throw notImplemented(Op.SNR);
    }

    /** v = √ᾱ_t ε − √(1 − ᾱ_t) x_0. */
    default double[] getVelocity(double[] betas, double[] x0, double[] eps, int[] t) {
        throw notImplemented(Op.GET_VELOCITY);
    }

    /** x̂_0 = √ᾱ_t x_t − √(1 − ᾱ_t) v. */
    default double[] predictX0FromV(double[] betas, double[] xt, int[] t, double[] v) {
        throw notImplemented(Op.PREDICT_X0_FROM_V);
    }

    /** The Min-SNR-γ weight on the squared error of the prediction ({@link Prediction#minSnrWeight}). */
    default double[] lossWeight(double[] betas, int[] t, Prediction predictionType, double gamma) {
        throw notImplemented(Op.LOSS_WEIGHT);
    }

    /** The n sampling timesteps in 1..T, in sampling order (largest first). */
    default int[] inferenceTimesteps(int steps, int n, TimestepSpacing spacing) {
        throw notImplemented(Op.INFERENCE_TIMESTEPS);
    }

    /** One DDIM step from t to t_prev (t_prev = 0 is the last step): mean, std, x_prev = mean + std · noise. */
    default DdimSteps ddimStep(double[] betas, int[] t, int[] tPrev, double[] xt, double[] eps, double eta, double[] noise) {
        throw notImplemented(Op.DDIM_STEP);
    }

    /** n noise levels from σ_max to σ_min, without a trailing 0. */
    default double[] sigmaSchedule(NoiseLevels.Kind kind, int n, double sigmaMin, double sigmaMax, double rho) {
        throw notImplemented(Op.SIGMA_SCHEDULE);
    }

    /** The D3PM one-step matrix Q_t (row x_{t−1}, column x_t), uniform or absorbing (absorbing state K − 1). */
    default double[][] d3pmQMat(DiscreteDiffusion.Family kind, double[] betas, int states, int t) {
        throw notImplemented(Op.D3PM_Q_MAT);
    }

    /** Rows q(x_t | x_0): row x_0 of Q_1 ⋯ Q_t, one per element. */
    default double[][] d3pmQProbs(DiscreteDiffusion.Family kind, double[] betas, int states, int[] x0, int[] t) {
        throw notImplemented(Op.D3PM_Q_PROBS);
    }

    /** Rows q(x_{t−1} | x_t, x_0), t ≥ 2, one per element. */
    default double[][] d3pmQPosterior(DiscreteDiffusion.Family kind, double[] betas, int states, int[] x0, int[] xt, int[] t) {
        throw notImplemented(Op.D3PM_Q_POSTERIOR);
    }

    private static OpError notImplemented(Op op) {
        return new OpError(op, "not implemented by this implementation");
    }
}
