package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.probity.math.HighPrecision;
import org.probity.math.UlpStats;

/**
 * {@link Ddim#step} against 64-digit references: Song et al. 2021 eqs. 12 and 16 evaluated as written
 * in Dfp (\( \hat x_0 \), σ from \( 1 - \bar\alpha_t/\bar\alpha_{t'} \), the mean with
 * \( \sqrt{1 - \bar\alpha_{t'} - \sigma^2} \), \( x_{t'} = \text{mean} + \sigma z \)) from the exact
 * \( \bar\alpha \) of {@link ExactSchedule}. Budget {@value #BUDGET} ulps (max) for mean, σ and
 * \( x_{t'} \); η ∈ {0, 1} and random, \( t' \) = t − 1, 0 or random below t; seven schedules.
 */
class DdimAccuracyTest {
    static final double BUDGET = 4;
    /** RMS budget of every dataset here: 0.5 ulp (measured 0.18-0.30; correct rounding gives about 0.29). */
    static final double BUDGET_RMS = 0.5;

    @Test
    void meanStdAndSampleWithinBudget() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {14, 4});
        UlpStats mean = UlpStats.of("ddim_step mean");
        UlpStats std = UlpStats.of("ddim_step std");
        UlpStats sample = UlpStats.of("ddim_step x_prev");
        Dfp one = HighPrecision.of(1);
        for (ExactSchedule e : ExactSchedule.standard(r)) {
            for (int i = 0; i < 30; i++) {
                int t = 1 + r.nextInt(e.steps());
                if (e.schedule.alphaBar(t) == 0) {
                    t--;
                }
                if (t == 0) {
                    continue;
                }
                int mode = r.nextInt(3);
                int tPrev = mode == 0 ? t - 1 : mode == 1 ? 0 : r.nextInt(t);
                double eta = r.nextInt(3) == 0 ? 0 : r.nextInt(2) == 0 ? 1 : r.nextDouble();
                double xt = ExactSchedule.value(r);
                double eps = ExactSchedule.value(r);
                double z = ExactSchedule.value(r);
                Dfp a = e.alphaBar(t);
                Dfp ap = e.alphaBar(tPrev);
                Dfp x0 = HighPrecision.of(xt).subtract(e.sqrtOneMinusAlphaBar(t).multiply(HighPrecision.of(eps))).divide(e.sqrtAlphaBar(t));
                Dfp sigma = HighPrecision.of(eta).multiply(one.subtract(ap).divide(one.subtract(a)).sqrt())
                    .multiply(one.subtract(a.divide(ap)).sqrt());
                Dfp m = ap.sqrt().multiply(x0).add(one.subtract(ap).subtract(sigma.multiply(sigma)).sqrt().multiply(HighPrecision.of(eps)));
                Ddim.Step got = Ddim.step(e.schedule, t, tPrev, xt, eps, eta, z);
                String in = e.name + " t=" + t + " t'=" + tPrev + " eta=" + eta;
                mean.add(in, got.mean(), m);
                std.add(in, got.std(), sigma);
                sample.add(in, got.xPrev(), m.add(sigma.multiply(HighPrecision.of(z))));
            }
        }
        mean.assertWithin(BUDGET, BUDGET_RMS);
        std.assertWithin(BUDGET, BUDGET_RMS);
        sample.assertWithin(BUDGET, BUDGET_RMS);
    }

    @Test
    void lastStepLandsOnX0HatAndEtaOneIsThePosteriorStep() {
        NoiseSchedule s = Schedules.linear(10);
        Ddim.Step last = Ddim.step(s, 1, 0, 0.3, -0.2, 1, 0.7);
        assertThat(last.std()).isZero();
        assertThat(last.mean()).isEqualTo((0.3 - s.sqrtOneMinusAlphaBar(1) * -0.2) / s.sqrtAlphaBar(1), org.assertj.core.data.Offset.offset(1e-15));
        // eta = 1, t' = t - 1: sigma^2 is the DDPM posterior variance beta_tilde_t
        Ddim.Step ddpm = Ddim.step(s, 7, 6, 0.3, -0.2, 1, 0);
        assertThat(ddpm.std() * ddpm.std()).isCloseTo(s.posteriorVariance(7), org.assertj.core.data.Offset.offset(1e-17));
        assertThatThrownBy(() -> Ddim.step(s, 3, 3, 0, 0, 0, 0)).hasMessage("t_prev: expected a timestep in 0..2 (before t = 3), got 3");
        assertThatThrownBy(() -> Ddim.step(s, 3, 1, 0, 0, 1.5, 0)).hasMessage("eta: expected a number in [0, 1], got 1.5");
        assertThatThrownBy(() -> Ddim.step(NoiseSchedule.of(0.5, 1), 2, 1, 0, 0, 0, 0))
            .hasMessage("t: x0_hat is undefined where alpha_bar_t = 0 (t = 2)");
    }
}
