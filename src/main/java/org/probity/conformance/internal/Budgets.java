package org.probity.conformance.internal;

import org.probity.diffusion.NoiseSchedule;

/**
 * Condition estimates of the schedule quantities, the amplification factors of
 * {@link CheckContext}'s tolerance rules. They bound how far a sound implementation in the declared
 * precision may stray, counting the rounding errors it cannot avoid: ᾱ_t is a product of t
 * factors each perturbed by the rounding of β; 1 − ᾱ_t inherits ᾱ_t's error amplified by
 * ᾱ_t / (1 − ᾱ_t) when formed as a difference (the straightforward way, accepted); the posterior
 * combines both at t and t − 1.
 */
public final class Budgets {
    private Budgets() {
    }

    /**
     * κ(ᾱ_t) = t + Σ_{s ≤ t} β_s / (1 − β_s) + |log ᾱ_t| (steps with β_s = 1 make ᾱ exactly 0 and are
     * not counted).
     */
    public static double alphaBar(NoiseSchedule s, int t) {
        double k = t;
        for (int u = 1; u <= t; u++) {
            double b = s.beta(u);
            if (b < 1) {
                k += b / (1 - b);
            }
        }
        double la = s.logAlphaBar(t);
        return la > Double.NEGATIVE_INFINITY ? k + Math.abs(la) : k;
    }

    /** κ(1 − ᾱ_t) = (1 + ᾱ_t κ(ᾱ_t)) / (1 − ᾱ_t); 1 at t = 0 (where 1 − ᾱ_0 = 0 exactly). */
    public static double oneMinusAlphaBar(NoiseSchedule s, int t) {
        if (t == 0) {
            return 1;
        }
        return (1 + s.alphaBar(t) * alphaBar(s, t)) / s.oneMinusAlphaBar(t);
    }

    /** κ of the posterior coefficients and variance at t ≥ 2: κ(1 − ᾱ_t) + κ(1 − ᾱ_{t−1}) + κ(ᾱ_t) + 4. */
    public static double posterior(NoiseSchedule s, int t) {
        return oneMinusAlphaBar(s, t) + oneMinusAlphaBar(s, t - 1) + alphaBar(s, t) + 4;
    }
}
