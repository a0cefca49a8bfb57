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
 * {@link VPrediction} against 64-digit references ({@link ExactSchedule}: \( v = \sqrt{\bar\alpha_t}\,\varepsilon
 * - \sqrt{1 - \bar\alpha_t}\, x_0 \) and \( \hat x_0 = \sqrt{\bar\alpha_t}\, x_t - \sqrt{1 - \bar\alpha_t}\, v \)
 * evaluated in Dfp): budget {@value #BUDGET} ulps (max), on seven schedules × 60 random points each, t
 * in 0..T. A second dataset puts the two terms close to cancelling (relative gap down to
 * \( 2^{-40} \)), where arithmetic in double alone would lose up to 40 bits: the double-double
 * evaluation stays within the same budget in plain ulps.
 */
class VPredictionAccuracyTest {
    static final double BUDGET = 4;
    /** RMS budget of every dataset here: 0.5 ulp (measured 0.18-0.30; correct rounding gives about 0.29). */
    static final double BUDGET_RMS = 0.5;

    static Dfp term(Dfp coef, double x) {
        return coef.multiply(HighPrecision.of(x));
    }

    @Test
    void velocityAndX0FromVelocityWithinBudget() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {14, 1});
        UlpStats v = UlpStats.of("get_velocity, 7 schedules");
        UlpStats x0 = UlpStats.of("predict_x0_from_v, 7 schedules");
        for (ExactSchedule e : ExactSchedule.standard(r)) {
            for (int i = 0; i < 60; i++) {
                int t = r.nextInt(e.steps() + 1);
                double a = ExactSchedule.value(r);
                double b = ExactSchedule.value(r);
                Dfp sa = e.sqrtAlphaBar(t);
                Dfp sc = e.sqrtOneMinusAlphaBar(t);
                String in = e.name + " t=" + t + " (" + a + ", " + b + ")";
                v.add(in, VPrediction.velocity(e.schedule, t, a, b), term(sa, b).subtract(term(sc, a)));
                x0.add(in, VPrediction.x0FromVelocity(e.schedule, t, a, b), term(sa, a).subtract(term(sc, b)));
            }
        }
        v.assertWithin(BUDGET, BUDGET_RMS);
        x0.assertWithin(BUDGET, BUDGET_RMS);
    }

    @Test
    void nearCancellationStaysWithinBudget() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {14, 2});
        UlpStats v = UlpStats.of("get_velocity, terms cancelling to 2^-40");
        for (ExactSchedule e : ExactSchedule.standard(r)) {
            for (int i = 0; i < 40; i++) {
                int t = 1 + r.nextInt(e.steps());
                double x0 = ExactSchedule.value(r);
                // eps close to the value that makes v = 0: sqrt((1 - abar)/abar) x0, perturbed
                double eps = Math.sqrt(1 / e.schedule.snr(t)) * x0 * (1 + Math.scalb(r.nextDouble() - 0.5, -r.nextInt(40)));
                if (!Double.isFinite(eps)) {
                    continue;
                }
                Dfp t1 = term(e.sqrtAlphaBar(t), eps);
                Dfp t2 = term(e.sqrtOneMinusAlphaBar(t), x0);
                v.add(e.name + " t=" + t, VPrediction.velocity(e.schedule, t, x0, eps), t1.subtract(t2));
            }
        }
        v.assertWithin(BUDGET, BUDGET_RMS);
    }

    @Test
    void atTheEdges() {
        NoiseSchedule s = NoiseSchedule.of(0.5, 1.0);
        assertThat(VPrediction.velocity(s, 0, 3, 2)).isEqualTo(2);          // alpha_bar_0 = 1: v = eps
        assertThat(VPrediction.velocity(s, 2, 3, 2)).isEqualTo(-3);         // alpha_bar_T = 0: v = -x0
        assertThat(VPrediction.x0FromVelocity(s, 2, 5, 2)).isEqualTo(-2);
        assertThatThrownBy(() -> VPrediction.velocity(s, 3, 0, 0)).hasMessage("t: expected a timestep in 0..2, got 3");
        assertThatThrownBy(() -> VPrediction.velocity(s, 1, Double.NaN, 0)).hasMessage("x0: expected a finite number, got NaN");
    }
}
