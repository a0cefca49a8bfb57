package org.probity.conformance.internal;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
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

    private static final Map<NoiseSchedule, double[]> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * κ(ᾱ_t) = t + Σ_{s ≤ t} β_s / (1 − β_s) + Σ_{s ≤ t} |log ᾱ_s|: t roundings of a product of t
     * factors, the conditioning of ᾱ_t with respect to the β_s (their rounding to the declared
     * precision), and the error bound of recursive summation (Higham, ASNA 2nd ed., §4.2: u times the
     * sum of the partial sums) when ᾱ_t is formed as exp of a running sum of log(1 − β_s). Steps with
     * β_s = 1 make ᾱ exactly 0 from there on and are not counted.
     */
    public static double alphaBar(NoiseSchedule s, int t) {
        return CACHE.computeIfAbsent(s, Budgets::prefix)[t];
    }

    private static double[] prefix(NoiseSchedule s) {
        double[] k = new double[s.steps() + 1];
        double ratio = 0;
        double partial = 0;
        for (int u = 1; u <= s.steps(); u++) {
            double b = s.beta(u);
            if (b < 1) {
                ratio += b / (1 - b);
            }
            double la = s.logAlphaBar(u);
            if (la > Double.NEGATIVE_INFINITY) {
                partial += Math.abs(la);
            }
            k[u] = u + ratio + partial;
        }
        return k;
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
