package org.probity.diffusion;

import java.util.Locale;
import org.probity.math.Arguments;
import org.probity.math.DoubleDouble;

/**
 * One step of the DDIM sampler (Song, Meng &amp; Ermon 2021, "Denoising Diffusion Implicit Models",
 * eqs. 12 and 16) from step t to an earlier step \( t' \) (\( 0 \le t' &lt; t \); \( t' = 0 \) is the last
 * step, with \( \bar\alpha_0 = 1 \)), given the model's noise prediction ε:
 * <ul>
 *   <li>\( \hat x_0 = (x_t - \sqrt{1 - \bar\alpha_t}\, \varepsilon) / \sqrt{\bar\alpha_t} \);</li>
 *   <li>\( \sigma = \eta \sqrt{(1 - \bar\alpha_{t'})/(1 - \bar\alpha_t)} \sqrt{1 - \bar\alpha_t/\bar\alpha_{t'}} \);</li>
 *   <li>mean \( = \sqrt{\bar\alpha_{t'}}\, \hat x_0 + \sqrt{1 - \bar\alpha_{t'} - \sigma^2}\, \varepsilon \),
 *       and \( x_{t'} = \text{mean} + \sigma z \) for a standard normal z.</li>
 * </ul>
 * With η = 1 and \( t' = t - 1 \) the step is the DDPM posterior \( q(x_{t-1} \mid x_t, \hat x_0) \); with
 * η = 0 it is deterministic.
 *
 * <p>Evaluation without cancellation: with \( r = \bar\alpha_t / \bar\alpha_{t'} = \prod_{t' &lt; s \le t}
 * \alpha_s \) and \( 1 - r \) formed as a sum of non-negative terms,
 * \( \sigma^2 = \eta^2 (1 - \bar\alpha_{t'})(1 - r)/(1 - \bar\alpha_t) \) and
 * \( 1 - \bar\alpha_{t'} - \sigma^2 = (1 - \bar\alpha_{t'}) [(1 - \eta^2)(1 - r) + r (1 - \bar\alpha_{t'})] /
 * (1 - \bar\alpha_t) \) (from \( 1 - \bar\alpha_t = (1 - r) + r (1 - \bar\alpha_{t'}) \)), both
 * non-negative for \( 0 \le \eta \le 1 \). Everything runs in double-double and each result is rounded
 * once: mean, σ and \( x_{t'} \) are within 1 ulp unless the terms of the mean (or of
 * \( x_{t'} \)) cancel to below \( 2^{-47} \) of their size (50-digit test in {@code DdimAccuracyTest}).
 */
public final class Ddim {
    private static final String MSG_T = "t: expected a timestep in 1..%d, got %d";
    private static final String MSG_T_PREV = "t_prev: expected a timestep in 0..%d (before t = %d), got %d";
    private static final String MSG_ETA = "eta: expected a number in [0, 1], got %s";
    private static final String MSG_ALPHA_BAR = "t: x0_hat is undefined where alpha_bar_t = 0 (t = %d)";

    private Ddim() {
    }

    /**
     * One DDIM step: its mean, its standard deviation σ and the sample \( x_{t'} = \text{mean} + \sigma z \).
     *
     * @param mean the mean of \( x_{t'} \) given \( x_t \) and ε
     * @param std σ
     * @param xPrev \( x_{t'} \) for the given standard-normal draw
     */
    public record Step(double mean, double std, double xPrev) {
    }

    /**
     * Computes one DDIM step.
     *
     * @param schedule the noise schedule
     * @param t the current step, \( 1 \le t \le T \), with \( \bar\alpha_t &gt; 0 \)
     * @param tPrev the step to move to, \( 0 \le t' &lt; t \)
     * @param xt the current sample, finite
     * @param eps the noise prediction, finite
     * @param eta η in [0, 1] (0: deterministic DDIM, 1: the DDPM variance)
     * @param noise the standard-normal draw z, finite
     * @return mean, σ and \( x_{t'} \)
     * @throws IllegalArgumentException naming the offending parameter
     */
    public static Step step(NoiseSchedule schedule, int t, int tPrev, double xt, double eps, double eta, double noise) {
        int n = schedule.steps();
        if (!(t >= 1 && t <= n)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_T, n, t));
        }
        if (!(tPrev >= 0 && tPrev < t)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_T_PREV, t - 1, t, tPrev));
        }
        if (!(eta >= 0 && eta <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_ETA, eta));
        }
        Arguments.requireFinite("xt", xt);
        Arguments.requireFinite("eps", eps);
        Arguments.requireFinite("noise", noise);
        if (!(schedule.alphaBar(t) > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_ALPHA_BAR, t));
        }
        DoubleDouble sa = schedule.sqrtAlphaBarDd(t);
        DoubleDouble c = schedule.oneMinusAlphaBarDd(t);
        DoubleDouble x0 = DoubleDouble.of(xt).add(schedule.sqrtOneMinusAlphaBarDd(t).multiply(-eps)).divide(sa);
        DoubleDouble[] seg = schedule.segment(tPrev, t);
        DoubleDouble r = seg[0];
        DoubleDouble oneMinusR = seg[1];
        DoubleDouble cPrev = schedule.oneMinusAlphaBarDd(tPrev);
        DoubleDouble eta2 = DoubleDouble.of(eta).multiply(eta);
        DoubleDouble variance = eta2.multiply(cPrev).multiply(oneMinusR).divide(c);
        DoubleDouble oneMinusEta2 = DoubleDouble.ONE.add(eta2.negate());
        DoubleDouble epsCoef2 = cPrev.multiply(oneMinusEta2.multiply(oneMinusR).add(r.multiply(cPrev))).divide(c);
        DoubleDouble std = variance.sqrt();
        DoubleDouble mean = schedule.sqrtAlphaBarDd(tPrev).multiply(x0).add(epsCoef2.sqrt().multiply(eps));
        DoubleDouble sample = mean.add(std.multiply(noise));
        return new Step(mean.doubleValue(), std.doubleValue(), sample.doubleValue());
    }
}
