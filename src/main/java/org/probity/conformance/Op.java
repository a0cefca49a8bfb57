package org.probity.conformance;

import java.util.Locale;
import java.util.Optional;

/**
 * The operations of the adapter protocol (PROTOCOL.md), each with its wire name.
 *
 * <p>Timesteps are 1-based ({@code t} in 1..T), logs natural, results in nats.
 */
public enum Op {
    /** {@code betas} → ᾱ_1..ᾱ_T. */
    ALPHAS_CUMPROD("alphas_cumprod"),
    /** {@code betas, x0[], t[]} → mean, variance, log-variance of q(x_t | x_0). */
    Q_MEAN_VARIANCE("q_mean_variance"),
    /** {@code betas, x0[], xt[], t[]} (t ≥ 2) → mean, variance, log-variance of q(x_{t-1} | x_t, x_0). */
    Q_POSTERIOR_MEAN_VARIANCE("q_posterior_mean_variance"),
    /** {@code betas, xt[], t[], eps[]} → x̂_0. */
    PREDICT_X0_FROM_EPS("predict_x0_from_eps"),
    /** {@code mean1[], logvar1[], mean2[], logvar2[]} → KL(N1 ‖ N2). */
    NORMAL_KL("normal_kl"),
    /** {@code x[], mean[], log_scale[]} → log-probability of x's bin on the 256-level grid. */
    DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD("discretized_gaussian_log_likelihood"),
    /** {@code betas, x0[]} → KL(q(x_T | x_0) ‖ N(0, 1)). */
    PRIOR_KL("prior_kl"),
    /** {@code betas, x0[], xt[], t[], model_mean[], model_log_variance[]} → L_{t-1}. */
    VB_TERM("vb_term"),
    /** {@code p[][], q[][]} → KL(p ‖ q) per row. */
    CATEGORICAL_KL("categorical_kl"),
    /** {@code p[][]} → H(p) per row. */
    CATEGORICAL_ENTROPY("categorical_entropy"),
    /** {@code p[][], q[][]} → H(p, q) per row. */
    CATEGORICAL_CROSS_ENTROPY("categorical_cross_entropy");

    private final String wireName;

    Op(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire, e.g. {@code "normal_kl"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The op with this wire name.
     *
     * @param name a wire name such as {@code "normal_kl"}
     * @return the op, or empty when the protocol has no such op
     */
    public static Optional<Op> fromWireName(String name) {
        for (Op op : values()) {
            if (op.wireName.equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName.toLowerCase(Locale.ROOT);
    }
}
