package org.probity.diffusion;

import java.util.Locale;
import java.util.Optional;
import org.hipparchus.dfp.Dfp;
import org.probity.math.HighPrecision;

/**
 * The noise levels \( \sigma_0 &gt; \sigma_1 &gt; \dots &gt; \sigma_{n-1} \) of an EDM-style sampler, in
 * sampling order from \( \sigma_{\max} \) to \( \sigma_{\min} \), without the trailing 0 that samplers
 * append:
 * <ul>
 *   <li>{@link Kind#KARRAS}: \( \sigma_i = \big(\sigma_{\max}^{1/\rho} + \tfrac{i}{n-1}(\sigma_{\min}^{1/\rho}
 *       - \sigma_{\max}^{1/\rho})\big)^{\rho} \) (Karras et al. 2022, "Elucidating the Design Space of
 *       Diffusion-Based Generative Models", eq. 5; ρ = 7 in the paper);</li>
 *   <li>{@link Kind#EXPONENTIAL}: \( \sigma_i = \exp\big(\log\sigma_{\max} + \tfrac{i}{n-1}(\log\sigma_{\min}
 *       - \log\sigma_{\max})\big) \), evenly spaced in log σ (k-diffusion's {@code get_sigmas_exponential}).</li>
 * </ul>
 * n = 1 gives \( [\sigma_{\max}] \) (as {@code linspace} with one point). Accuracy: evaluated in
 * {@value HighPrecision#DIGITS}-digit arithmetic ({@link HighPrecision}) and rounded once: correctly
 * rounded up to the ≈ 1e-60 relative error of the Dfp elementary functions.
 */
public final class NoiseLevels {
    private static final String MSG_N = "n: expected a number of levels >= 1, got %d";
    private static final String MSG_SIGMA = "sigma_min, sigma_max: expected 0 < sigma_min <= sigma_max < Infinity, got %s, %s";
    private static final String MSG_RHO = "rho: expected a finite number > 0, got %s";

    /** The two level families. */
    public enum Kind {
        /** Karras et al. 2022, eq. 5: evenly spaced in \( \sigma^{1/\rho} \). */
        KARRAS("karras"),
        /** Evenly spaced in \( \log\sigma \). */
        EXPONENTIAL("exponential");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The conventional name: {@code karras} or {@code exponential}. */
        public String label() {
            return label;
        }

        /**
         * The kind with this name.
         *
         * @param label {@code karras} or {@code exponential}
         * @return the kind, or empty for any other name
         */
        public static Optional<Kind> fromLabel(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    private NoiseLevels() {
    }

    /**
     * The levels of {@code kind}.
     *
     * @param kind the family
     * @param n the number of levels, ≥ 1
     * @param sigmaMin \( \sigma_{\min} &gt; 0 \)
     * @param sigmaMax \( \sigma_{\max} \ge \sigma_{\min} \), finite
     * @param rho ρ &gt; 0, finite (used by {@link Kind#KARRAS} only, but validated for both)
     * @return n levels, \( \sigma_{\max} \) first
     * @throws IllegalArgumentException naming the offending parameter
     */
    public static double[] of(Kind kind, int n, double sigmaMin, double sigmaMax, double rho) {
        if (!(n >= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_N, n));
        }
        if (!(sigmaMin > 0 && sigmaMin <= sigmaMax && sigmaMax < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SIGMA, sigmaMin, sigmaMax));
        }
        if (!(rho > 0 && rho < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_RHO, rho));
        }
        double[] out = new double[n];
        out[0] = sigmaMax;
        if (n == 1) {
            return out;
        }
        Dfp r = HighPrecision.of(rho);
        Dfp hi = kind == Kind.KARRAS ? HighPrecision.exp(HighPrecision.log(HighPrecision.of(sigmaMax)).divide(r))
            : HighPrecision.log(HighPrecision.of(sigmaMax));
        Dfp lo = kind == Kind.KARRAS ? HighPrecision.exp(HighPrecision.log(HighPrecision.of(sigmaMin)).divide(r))
            : HighPrecision.log(HighPrecision.of(sigmaMin));
        Dfp span = lo.subtract(hi);
        out[n - 1] = sigmaMin; // exact by definition
        for (int i = 1; i < n - 1; i++) {
            Dfp u = hi.add(span.multiply(i).divide(n - 1));
            Dfp level = kind == Kind.KARRAS ? HighPrecision.exp(HighPrecision.log(u).multiply(r)) : HighPrecision.exp(u);
            out[i] = HighPrecision.toDouble(level);
        }
        return out;
    }

    /** \( n \) Karras levels (see {@link Kind#KARRAS}). */
    public static double[] karras(int n, double sigmaMin, double sigmaMax, double rho) {
        return of(Kind.KARRAS, n, sigmaMin, sigmaMax, rho);
    }

    /** \( n \) log-evenly spaced levels (see {@link Kind#EXPONENTIAL}). */
    public static double[] exponential(int n, double sigmaMin, double sigmaMax) {
        return of(Kind.EXPONENTIAL, n, sigmaMin, sigmaMax, 1);
    }
}
