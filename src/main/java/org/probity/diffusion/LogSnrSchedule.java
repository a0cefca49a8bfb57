package org.probity.diffusion;

import java.util.Locale;
import org.probity.diffusion.internal.CosineLogSnr;
import org.probity.diffusion.internal.LinearLogSnr;

/**
 * A continuous-time variance-preserving noise schedule on \( t \in [0, 1] \), given by its log-SNR
 * in VDM's sign convention: \( \gamma(t) = -\log \mathrm{SNR}(t) \), strictly increasing, so
 * \( q(z_t \mid x) = \mathcal N(\alpha_t x, \sigma_t^2 I) \) with
 * \( \alpha_t^2 = \mathrm{sigmoid}(-\gamma_t) \), \( \sigma_t^2 = \mathrm{sigmoid}(\gamma_t) \),
 * \( \mathrm{SNR}(t) = \alpha_t^2 / \sigma_t^2 = e^{-\gamma_t} \) and
 * \( \mathrm{SNR}'(t) = -\gamma'(t)\, \mathrm{SNR}(t) \) (Kingma, Salimans, Poole &amp; Ho 2021,
 * "Variational Diffusion Models", §3: forward process, SNR and \( q(z_t \mid z_s) \)). The named schedules: {@link #linear}
 * (VDM's fixed baseline) and {@link #cosine} (Nichol &amp; Dhariwal's cosine, its angle truncated to
 * the given endpoints).
 *
 * <p>Accuracy: γ within a few ulps of \( \max(|\gamma_0|, |\gamma_1|) \) absolute, hence SNR, α², σ²
 * and SNR′ within \( 2 + 2\max|\gamma| \) ulps relative; {@link #gammaIncrement}, {@link #snrDecrement}
 * and {@link #transitionVariance} relative to the increment itself (no cancellation), which makes
 * {@link #discretize} accurate at any T. Measured against 64-digit {@code Dfp} references
 * ({@code VdmAccuracyTest}, both shapes, endpoints (−13.3, 5), (−14, 10), (−2, 3), (1, 1.05)): SNR,
 * α², σ², SNR′ at 65 times max 6.8 ulps, RMS 1.5; SNR decrements and \( \sigma^2_{t|s} \) on the
 * T = 1000 grid max 7.0 ulps, RMS 1.8.
 *
 * <p>Every method taking a time throws {@link IllegalArgumentException} naming the parameter unless
 * it is in [0, 1] (and s ≤ t where two times are taken).
 */
public interface LogSnrSchedule {
    /** The message of a time outside [0, 1]. */
    String MSG_TIME = "%s: expected a time in [0, 1], got %s";
    /** The message of a log-SNR outside the schedule's range. */
    String MSG_GAMMA = "g: expected a log-SNR in [%s, %s], got %s";
    /** The message of two times out of order. */
    String MSG_ORDER = "s: expected 0 <= s <= t <= 1, got s = %s, t = %s";

    /** \( \gamma(t) = -\log \mathrm{SNR}(t) \); exactly \( \gamma_0 \) at t = 0 and \( \gamma_1 \) at t = 1. */
    double gamma(double t);

    /** \( \gamma'(t) &gt; 0 \), in closed form. */
    double gammaDerivative(double t);

    /** \( \gamma(t) - \gamma(s) \ge 0 \), s ≤ t, computed without cancellation. */
    double gammaIncrement(double s, double t);

    /** The time at which \( \gamma = g \), for \( g \in [\gamma_0, \gamma_1] \) (the inverse, closed form). */
    double time(double g);

    /** A short name with the endpoints, e.g. "linear(-13.3, 5)". */
    String name();

    /** \( \mathrm{SNR}(t) = e^{-\gamma(t)} \). */
    default double snr(double t) {
        return Math.exp(-gamma(t));
    }

    /** \( \log \mathrm{SNR}(t) = -\gamma(t) \). */
    default double logSnr(double t) {
        return -gamma(t);
    }

    /** \( \mathrm{SNR}'(t) = -\gamma'(t)\, e^{-\gamma(t)} &lt; 0 \). */
    default double snrDerivative(double t) {
        return -gammaDerivative(t) * snr(t);
    }

    /**
     * \( \mathrm{SNR}(s) - \mathrm{SNR}(t) = -e^{-\gamma(s)}\, \mathrm{expm1}(-(\gamma(t) - \gamma(s))) \ge 0 \)
     * for s ≤ t: relative accuracy of {@link #gammaIncrement} plus that of \( e^{-\gamma(s)} \).
     */
    default double snrDecrement(double s, double t) {
        return -snr(s) * Math.expm1(-gammaIncrement(s, t));
    }

    /** \( \alpha_t^2 = \mathrm{sigmoid}(-\gamma_t) = 1 / (1 + e^{\gamma_t}) \). */
    default double alphaSquared(double t) {
        return 1 / (1 + Math.exp(gamma(t)));
    }

    /** \( \sigma_t^2 = \mathrm{sigmoid}(\gamma_t) = 1 / (1 + e^{-\gamma_t}) \). */
    default double sigmaSquared(double t) {
        return 1 / (1 + Math.exp(-gamma(t)));
    }

    /** \( \alpha_t \). */
    default double alpha(double t) {
        return Math.sqrt(alphaSquared(t));
    }

    /** \( \sigma_t \). */
    default double sigma(double t) {
        return Math.sqrt(sigmaSquared(t));
    }

    /**
     * \( \sigma^2_{t|s} = 1 - \alpha_t^2 / \alpha_s^2 \), the variance of \( q(z_t \mid z_s) \) for
     * s ≤ t (VDM §3: \( \sigma^2_{t|s} = \sigma_t^2 - \alpha_{t|s}^2 \sigma_s^2 \) with \( \sigma^2 = 1 - \alpha^2 \)), as \( y / (1 + y) \) with
     * \( y = \sigma_s^2\, \mathrm{expm1}(\gamma_t - \gamma_s) \): relative error a few ulps plus that of
     * the increment; 1 where y overflows.
     */
    default double transitionVariance(double s, double t) {
        double y = sigmaSquared(s) * Math.expm1(gammaIncrement(s, t));
        return y == Double.POSITIVE_INFINITY ? 1 : y / (1 + y);
    }

    /**
     * The T-step discretisation as a {@link NoiseSchedule} of T + 1 steps: step 1 takes the data x to
     * \( z_0 \) (\( \beta_1 = \sigma_0^2 \)), step i + 1 takes \( z_{s(i)} \) to \( z_{t(i)} \) with
     * \( s(i) = (i - 1)/T \), \( t(i) = i/T \) and \( \beta_{i+1} = \sigma^2_{t(i)|s(i)} \) (VDM eq. 13's
     * grid). So {@code discretize(T).posterior(i + 1, x, z)} is \( q(z_{s(i)} \mid z_{t(i)}, x) \).
     *
     * @param steps T ≥ 1
     * @return the schedule
     * @throws IllegalArgumentException if T &lt; 1 or a β underflows to 0
     */
    default NoiseSchedule discretize(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "steps: expected T >= 1, got %d", steps));
        }
        double[] betas = new double[steps + 1];
        betas[0] = sigmaSquared(0);
        for (int i = 1; i <= steps; i++) {
            betas[i] = transitionVariance((double) (i - 1) / steps, (double) i / steps);
        }
        return NoiseSchedule.of(betas);
    }

    /**
     * VDM's linear log-SNR \( \gamma(t) = \gamma_0 + (\gamma_1 - \gamma_0) t \), \( \gamma' = \gamma_1 - \gamma_0 \)
     * (Kingma et al. 2021, §3.2 and App. F: the fixed baseline, \( \gamma_0 = -13.3 \), \( \gamma_1 = 5 \)).
     *
     * @param gamma0 γ(0) = −log SNR_max, finite
     * @param gamma1 γ(1) = −log SNR_min, finite, &gt; gamma0
     * @throws IllegalArgumentException naming the endpoint otherwise
     */
    static LogSnrSchedule linear(double gamma0, double gamma1) {
        return LinearLogSnr.of(gamma0, gamma1);
    }

    /**
     * The cosine schedule as a log-SNR: \( \alpha_t = \cos\theta_t \), \( \sigma_t = \sin\theta_t \),
     * \( \theta_t = b + a t \), so \( \gamma(t) = 2 \log\tan\theta_t \) and
     * \( \gamma'(t) = 4a / \sin 2\theta_t \), with \( b = \arctan e^{\gamma_0/2} \),
     * \( a = \arctan e^{\gamma_1/2} - b \) so that the endpoints are \( \gamma_0, \gamma_1 \) (Nichol
     * &amp; Dhariwal 2021, eq. 17, without its offset and clipping, whose log-SNR is \( 2\log\tan(\pi t/2) \);
     * truncated to given endpoints as in Hoogeboom, Heek &amp; Salimans 2023, "simple diffusion", §3).
     *
     * @param gamma0 γ(0), finite
     * @param gamma1 γ(1), finite, &gt; gamma0
     * @throws IllegalArgumentException naming the endpoint otherwise
     */
    static LogSnrSchedule cosine(double gamma0, double gamma1) {
        return CosineLogSnr.of(gamma0, gamma1);
    }

    /** Throws unless 0 ≤ t ≤ 1; returns t. */
    static double requireTime(String name, double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_TIME, name, t));
        }
        return t;
    }

    /** Throws unless \( \gamma_0 \le g \le \gamma_1 \). */
    static void requireLogSnr(double g, double gamma0, double gamma1) {
        if (!(g >= gamma0 && g <= gamma1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_GAMMA, gamma0, gamma1, g));
        }
    }

    /** Throws unless 0 ≤ s ≤ t ≤ 1. */
    static void requireOrdered(double s, double t) {
        requireTime("s", s);
        requireTime("t", t);
        if (!(s <= t)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_ORDER, s, t));
        }
    }
}
