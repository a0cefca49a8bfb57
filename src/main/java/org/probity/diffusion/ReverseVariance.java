package org.probity.diffusion;

/**
 * How a reverse model's variance is chosen (Ho et al. 2020, §3.2; Nichol &amp; Dhariwal 2021, §3.1).
 */
public enum ReverseVariance {
    /**
     * \( \sigma_t^2 = \tilde\beta_t \), with \( \log\tilde\beta_1 \) (which is \( -\infty \)) replaced by
     * \( \log\tilde\beta_2 \) as in the reference code ({@code posterior_log_variance_clipped}); for
     * T = 1, by \( \log\beta_1 \).
     */
    FIXED_SMALL,
    /** \( \sigma_t^2 = \beta_t \), with \( \sigma_1^2 = \tilde\beta_2 \) as in the reference code (for T = 1: \( \beta_1 \)). */
    FIXED_LARGE,
    /**
     * \( \log\sigma_t^2 = v \log\beta_t + (1 - v)\log\tilde\beta_t \) (clipped as in {@link #FIXED_SMALL}),
     * with \( v \in [0, 1] \) from the model (Nichol &amp; Dhariwal 2021, eq. 15; their network output is
     * \( 2v - 1 \)).
     */
    LEARNED;

    /** The clipped \( \log\tilde\beta_t \). */
    static double clippedLogPosteriorVariance(NoiseSchedule s, int t) {
        if (t == 1) {
            return s.steps() >= 2 ? s.logPosteriorVariance(2) : Math.log(s.beta(1));
        }
        return s.logPosteriorVariance(t);
    }

    /** The log-variance at step t for interpolation weight {@code v} (ignored unless LEARNED). */
    double logVariance(NoiseSchedule s, int t, double v) {
        switch (this) {
            case FIXED_SMALL:
                return clippedLogPosteriorVariance(s, t);
            case FIXED_LARGE:
                return t == 1 ? clippedLogPosteriorVariance(s, 1) : Math.log(s.beta(t));
            default:
                return v * Math.log(s.beta(t)) + (1 - v) * clippedLogPosteriorVariance(s, t);
        }
    }
}
