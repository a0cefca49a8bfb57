package org.probity.diffusion;

/**
 * A reverse (generative) model \( p_\theta(x_{t-1} \mid x_t) = \mathcal N(\mu_\theta(x_t, t), \mathrm{diag}\,\sigma^2_\theta(x_t, t)) \)
 * of a Gaussian diffusion with prior \( p(x_T) = \mathcal N(\text{priorMean}, \text{priorVariance}) \)
 * per dimension (the standard normal for DDPM). Timesteps are 1-based; step 1 is the decoder
 * \( p_\theta(x_0 \mid x_1) \). Implementations must be pure functions of their arguments.
 *
 * <p>Built by {@link ReverseModels} (ε, x_0 or mean parameterisation with fixed-small, fixed-large or
 * learned variance) or as a {@link LinearGaussianReverse}, for which the VLB and the likelihood are
 * exact.
 */
public interface ReverseModel {
    /**
     * \( \mu_\theta(x_t, t) \).
     *
     * @param t the step, 1..T
     * @param xt \( x_t \) (not modified)
     * @return the mean of \( x_{t-1} \), one entry per dimension
     */
    double[] mean(int t, double[] xt);

    /**
     * \( \log \sigma^2_\theta(x_t, t) \).
     *
     * @param t the step, 1..T
     * @param xt \( x_t \) (not modified)
     * @return the log-variance of \( x_{t-1} \), one entry per dimension
     */
    double[] logVariance(int t, double[] xt);

    /** Mean of the prior \( p(x_T) \) in every dimension; 0 unless overridden. */
    default double priorMean() {
        return 0;
    }

    /** Variance of the prior \( p(x_T) \) in every dimension; 1 unless overridden. */
    default double priorVariance() {
        return 1;
    }
}
