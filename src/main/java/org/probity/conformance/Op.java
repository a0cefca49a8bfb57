package org.probity.conformance;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.probity.diffusion.DiscreteDiffusion;
import org.probity.diffusion.NoiseLevels;
import org.probity.diffusion.Prediction;
import org.probity.diffusion.TimestepSpacing;

/**
 * The operations of the adapter protocol (PROTOCOL.md, versions 1 and 2), each with its wire name,
 * its arguments and its result as the protocol writes them.
 *
 * <p>Timesteps are 1-based ({@code t} in 1..T, \( \bar\alpha_0 = 1 \)), logs natural, results in nats.
 */
public enum Op {
    /** {@code betas} → ᾱ_1..ᾱ_T. */
    ALPHAS_CUMPROD("alphas_cumprod", 1, "betas", "alpha_bar_1..alpha_bar_T"),
    /** {@code betas, x0[], t[]} → mean, variance, log-variance of q(x_t | x_0). */
    Q_MEAN_VARIANCE("q_mean_variance", 1, "betas, x0[], t[]", "{mean[], variance[], log_variance[]} of q(x_t | x_0)"),
    /** {@code betas, x0[], xt[], t[]} (t ≥ 2) → mean, variance, log-variance of q(x_{t-1} | x_t, x_0). */
    Q_POSTERIOR_MEAN_VARIANCE("q_posterior_mean_variance", 1, "betas, x0[], xt[], t[] (t >= 2)",
        "{mean[], variance[], log_variance[]} of q(x_{t-1} | x_t, x_0)"),
    /** {@code betas, xt[], t[], eps[]} → x̂_0. */
    PREDICT_X0_FROM_EPS("predict_x0_from_eps", 1, "betas, xt[], t[], eps[]", "x0_hat = (x_t - sqrt(1 - alpha_bar_t) eps) / sqrt(alpha_bar_t)"),
    /** {@code mean1[], logvar1[], mean2[], logvar2[]} → KL(N1 ‖ N2). */
    NORMAL_KL("normal_kl", 1, "mean1[], logvar1[], mean2[], logvar2[]", "KL(N(mean1, e^logvar1) || N(mean2, e^logvar2))"),
    /** {@code x[], mean[], log_scale[]} → log-probability of x's bin on the 256-level grid. */
    DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD("discretized_gaussian_log_likelihood", 1, "x[], mean[], log_scale[]",
        "log-probability of x's bin (256 levels on [-1, 1], edge bins open)"),
    /** {@code betas, x0[]} → KL(q(x_T | x_0) ‖ N(0, 1)). */
    PRIOR_KL("prior_kl", 1, "betas, x0[]", "KL(q(x_T | x_0) || N(0, 1))"),
    /** {@code betas, x0[], xt[], t[], model_mean[], model_log_variance[]} → L_{t-1}. */
    VB_TERM("vb_term", 1, "betas, x0[], xt[], t[], model_mean[], model_log_variance[]",
        "L_{t-1}: KL to the model for t >= 2, -log p(x_0 | x_1) with the discretized decoder for t = 1"),
    /** {@code p[][], q[][]} → KL(p ‖ q) per row. */
    CATEGORICAL_KL("categorical_kl", 1, "p[][], q[][]", "KL(p || q) per row"),
    /** {@code p[][]} → H(p) per row. */
    CATEGORICAL_ENTROPY("categorical_entropy", 1, "p[][]", "H(p) per row"),
    /** {@code p[][], q[][]} → H(p, q) per row. */
    CATEGORICAL_CROSS_ENTROPY("categorical_cross_entropy", 1, "p[][], q[][]", "H(p, q) per row"),

    /** {@code name, T} → the named schedule's β and the implementation's own ᾱ table. */
    BETA_SCHEDULE("beta_schedule", 2, "name, T", "{betas[], alphas_cumprod[]} of the named schedule"),
    /** {@code betas, t[]} → SNR_t = ᾱ_t / (1 − ᾱ_t). */
    SNR("snr", 2, "betas, t[]", "SNR_t = alpha_bar_t / (1 - alpha_bar_t)"),
    /** {@code betas, x0[], eps[], t[]} → v = √ᾱ_t ε − √(1 − ᾱ_t) x_0. */
    GET_VELOCITY("get_velocity", 2, "betas, x0[], eps[], t[]", "v = sqrt(alpha_bar_t) eps - sqrt(1 - alpha_bar_t) x0"),
    /** {@code betas, xt[], t[], v[]} → x̂_0 = √ᾱ_t x_t − √(1 − ᾱ_t) v. */
    PREDICT_X0_FROM_V("predict_x0_from_v", 2, "betas, xt[], t[], v[]", "x0_hat = sqrt(alpha_bar_t) x_t - sqrt(1 - alpha_bar_t) v"),
    /** {@code betas, t[], prediction_type, gamma} → the Min-SNR-γ loss weight. */
    LOSS_WEIGHT("loss_weight", 2, "betas, t[], prediction_type, gamma",
        "Min-SNR-gamma weight: epsilon min(SNR, gamma)/SNR, v_prediction min(SNR, gamma)/(SNR + 1), sample min(SNR, gamma)"),
    /** {@code T, n, spacing} → the n sampling timesteps in sampling order. */
    INFERENCE_TIMESTEPS("inference_timesteps", 2, "T, n, spacing",
        "the n sampling timesteps in 1..T, largest first (spacing leading, trailing or linspace)"),
    /** {@code betas, t[], t_prev[], xt[], eps[], eta, noise[]} → mean, std and x_prev of one DDIM step. */
    DDIM_STEP("ddim_step", 2, "betas, t[], t_prev[], xt[], eps[], eta, noise[]",
        "{mean[], std[], x_prev[]} of one DDIM step from t to t_prev (t_prev = 0: the last step)"),
    /** {@code kind, n, sigma_min, sigma_max, rho} → n noise levels in sampling order. */
    SIGMA_SCHEDULE("sigma_schedule", 2, "kind, n, sigma_min, sigma_max, rho",
        "n noise levels from sigma_max to sigma_min, no trailing 0 (kind karras or exponential)"),
    /** {@code kind, betas, K, t} → the D3PM one-step matrix Q_t. */
    D3PM_Q_MAT("d3pm_q_mat", 2, "kind, betas, K, t", "Q_t as K rows of K (row x_{t-1}, column x_t); kind uniform or absorbing"),
    /** {@code kind, betas, K, x0[], t[]} → rows q(x_t | x_0). */
    D3PM_Q_PROBS("d3pm_q_probs", 2, "kind, betas, K, x0[], t[]", "rows q(x_t | x_0) = row x0 of Q_1 ... Q_t"),
    /** {@code kind, betas, K, x0[], xt[], t[]} (t ≥ 2) → rows q(x_{t−1} | x_t, x_0). */
    D3PM_Q_POSTERIOR("d3pm_q_posterior", 2, "kind, betas, K, x0[], xt[], t[] (t >= 2)", "rows q(x_{t-1} | x_t, x_0)");

    private final String wireName;
    private final int version;
    private final String arguments;
    private final String result;

    Op(String wireName, int version, String arguments, String result) {
        this.wireName = wireName;
        this.version = version;
        this.arguments = arguments;
        this.result = result;
    }

    /** The name used on the wire, e.g. {@code "normal_kl"}. */
    public String wireName() {
        return wireName;
    }

    /** The protocol version that introduced the op: 1 or 2. */
    public int version() {
        return version;
    }

    /** The op's arguments as PROTOCOL.md lists them, e.g. {@code "betas, x0[], t[]"}. */
    public String arguments() {
        return arguments;
    }

    /** What the op answers, in one line. */
    public String result() {
        return result;
    }

    /**
     * The name of the op's enumerated argument whose values {@code describe}'s {@code variants} may
     * restrict ({@code spacing}, {@code kind}, {@code prediction_type}), or empty.
     */
    public Optional<String> enumeratedArgument() {
        return switch (this) {
            case INFERENCE_TIMESTEPS -> Optional.of("spacing");
            case SIGMA_SCHEDULE, D3PM_Q_MAT, D3PM_Q_PROBS, D3PM_Q_POSTERIOR -> Optional.of("kind");
            case LOSS_WEIGHT -> Optional.of("prediction_type");
            default -> Optional.empty();
        };
    }

    /** The values of {@link #enumeratedArgument()} this Probity checks, in its order; empty for other ops. */
    public List<String> knownVariants() {
        return switch (this) {
            case INFERENCE_TIMESTEPS -> Arrays.stream(TimestepSpacing.values()).map(TimestepSpacing::label).toList();
            case SIGMA_SCHEDULE -> Arrays.stream(NoiseLevels.Kind.values()).map(NoiseLevels.Kind::label).toList();
            case LOSS_WEIGHT -> Arrays.stream(Prediction.values()).map(Prediction::label).toList();
            case D3PM_Q_MAT, D3PM_Q_PROBS, D3PM_Q_POSTERIOR -> List.of(d3pmKind(DiscreteDiffusion.Family.UNIFORM),
                d3pmKind(DiscreteDiffusion.Family.ABSORBING));
            default -> List.of();
        };
    }

    /** The wire name of a D3PM transition family: {@code uniform} or {@code absorbing}. */
    public static String d3pmKind(DiscreteDiffusion.Family family) {
        return family.name().toLowerCase(Locale.ROOT);
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
