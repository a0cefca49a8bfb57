package org.probity.conformance.internal;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.probity.diffusion.NamedSchedule;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.Schedules;

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

    /**
     * κ of the ratio r = ᾱ_t / ᾱ_{t'} (0 ≤ t' &lt; t) as DDIM code forms it, from a table of ᾱ built
     * by a running product of (1 − β_s) or a running sum of log(1 − β_s): the computed ᾱ_t is the
     * computed ᾱ_{t'} times the factors t' + 1..t, so the prefix's roundings cancel in the quotient
     * and r carries only the terms of {@link #alphaBar} for s in t' + 1..t, i.e. κ(ᾱ_t) − κ(ᾱ_{t'}),
     * plus three roundings (the division, and the two table entries when the table is rounded to
     * the declared format after it was built in a wider one). Code that builds ᾱ_t and ᾱ_{t'} by
     * unrelated computations is not covered.
     */
    public static double alphaBarRatio(NoiseSchedule s, int t, int tPrev) {
        return alphaBar(s, t) - alphaBar(s, tPrev) + 3;
    }

    /**
     * κ(1 − ᾱ_t/ᾱ_{t'}) = (1 + r κ(r)) / (1 − r) with r = ᾱ_t/ᾱ_{t'} and κ(r) of
     * {@link #alphaBarRatio}: the difference magnifies r's relative error by r / (1 − r) (about
     * κ(r) / β_t for t' = t − 1), the one rounding of the subtraction counted; 1 where r = 0,
     * infinite where r = 1.
     */
    public static double oneMinusAlphaBarRatio(NoiseSchedule s, int t, int tPrev) {
        double logR = s.logAlphaBar(t) - s.logAlphaBar(tPrev);
        double oneMinusR = -Math.expm1(logR);
        return oneMinusR > 0 ? (1 + Math.exp(logR) * alphaBarRatio(s, t, tPrev)) / oneMinusR : Double.POSITIVE_INFINITY;
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

    /**
     * κ of β_t of a named schedule as its published formula computes it in floating point: for the
     * linspace schedules the roundings of start, step and (t − 1)·step relative to β_t (doubled for
     * {@code scaled_linear}, which squares); for {@code cosine}, β_t = 1 − r with
     * r = cos²θ_t / cos²θ_{t−1}: r carries the roundings of the angles amplified by θ tan θ (cos
     * near π/2), and 1 − r magnifies them by r / β_t. 1 on a step where the reference is clipped at
     * 0.999 and the unclipped value is not within that error of the clip.
     */
    public static double namedBeta(NamedSchedule name, int steps, int t, double unitRoundoff) {
        switch (name) {
            case LINEAR, LINEAR_SCALED -> {
                double scale = name == NamedSchedule.LINEAR ? 1 : 1000.0 / steps;
                return linspaceKappa(scale * 1e-4, scale * 0.02, steps, t) + (scale == 1 ? 0 : 2);
            }
            case SCALED_LINEAR -> {
                return 2 * linspaceKappa(Math.sqrt(0.00085), Math.sqrt(0.012), steps, t) + 2;
            }
            default -> {
                double s = 0.008;
                double th1 = ((double) t / steps + s) / (1 + s) * Math.PI / 2;
                double th0 = ((double) (t - 1) / steps + s) / (1 + s) * Math.PI / 2;
                double c1 = Math.cos(th1);
                double c0 = Math.cos(th0);
                double r = c1 * c1 / (c0 * c0);
                double beta = 1 - r;
                double rk = 6 + 2 * th1 * Math.abs(Math.tan(th1)) + 2 * th0 * Math.abs(Math.tan(th0));
                if (beta >= Schedules.MAX_BETA) {
                    double distance = beta - Schedules.MAX_BETA;
                    return distance > CheckContext.ROUNDINGS * unitRoundoff * r * rk ? 1 : r * rk / Schedules.MAX_BETA + 1;
                }
                return (r * rk + 1) / beta;
            }
        }
    }

    /** κ of entry t of linspace(start, stop, T) evaluated as start + (t − 1)·step. */
    private static double linspaceKappa(double start, double stop, int steps, int t) {
        if (steps == 1) {
            return 1;
        }
        double step = (stop - start) / (steps - 1);
        double value = start + (t - 1) * step;
        return (Math.abs(start) + 3 * (t - 1) * Math.abs(step)) / Math.abs(value) + 1;
    }
}
