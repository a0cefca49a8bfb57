package org.probity.diffusion;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.probity.math.HighPrecision;
import org.probity.math.UlpStats;

/**
 * The uniform and absorbing D3PM quantities of {@link DiscreteDiffusion} against 64-digit references:
 * \( Q_t \), \( \bar{Q}_t \) in closed form from the exact \( \bar\alpha_t \) of {@link ExactSchedule},
 * and the posterior by Bayes' rule in Dfp. Budget {@value #BUDGET} ulp (max): each entry is claimed
 * within 1 ulp. K ∈ {2, 3, 40, 256}, random β arrays (with \( \beta_T = 1 \) among them) and the jsd
 * and linear D3PM schedules.
 */
class D3pmAccuracyTest {
    static final double BUDGET = 1;
    /** RMS budget of every dataset here: 0.5 ulp (measured 0.18-0.30; correct rounding gives about 0.29). */
    static final double BUDGET_RMS = 0.5;

    static Dfp entry(DiscreteDiffusion.Family f, int k, Dfp stay, Dfp move, int i, int j) {
        if (f == DiscreteDiffusion.Family.UNIFORM) {
            Dfp spread = move.divide(k);
            return i == j ? stay.add(spread) : spread;
        }
        int m = k - 1;
        if (i == m) {
            return j == m ? HighPrecision.of(1) : HighPrecision.of(0);
        }
        return j == i ? stay : j == m ? move : HighPrecision.of(0);
    }

    @Test
    void transitionCumulativeAndPosteriorWithinBudget() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {14, 6});
        UlpStats q = UlpStats.of("d3pm_q_mat");
        UlpStats probs = UlpStats.of("d3pm_q_probs");
        UlpStats post = UlpStats.of("d3pm_q_posterior");
        double[][] betaSets = {ExactSchedule.randomBetas(r, 8, false), ExactSchedule.randomBetas(r, 30, true),
            D3pmSchedules.jsd(20), D3pmSchedules.linear(50, 0.02, 1), ExactSchedule.randomBetas(r, 200, false)};
        Dfp one = HighPrecision.of(1);
        for (double[] betas : betaSets) {
            ExactSchedule e = new ExactSchedule("", NoiseSchedule.of(betas));
            for (DiscreteDiffusion.Family f : new DiscreteDiffusion.Family[] {DiscreteDiffusion.Family.UNIFORM,
                DiscreteDiffusion.Family.ABSORBING}) {
                for (int k : betas.length == 30 ? new int[] {2, 3, 256} : new int[] {2, 3, 40}) {
                    DiscreteDiffusion d = DiscreteDiffusion.create(f, k, betas);
                    for (int c = 0; c < 3; c++) {
                        int t = 1 + r.nextInt(betas.length);
                        int x0 = r.nextInt(k);
                        String in = f + " K=" + k + " T=" + betas.length + " t=" + t + " x0=" + x0;
                        double[][] qt = d.transition(t);
                        double[] row = d.cumulativeRow(t, x0);
                        Dfp stay = one.subtract(e.beta(t));
                        for (int j = 0; j < Math.min(k, 5); j++) {
                            int i = j == 0 ? x0 : r.nextInt(k);
                            int jj = r.nextInt(3) == 0 ? i : r.nextInt(k);
                            q.add(in + " Q[" + i + "][" + jj + "]", qt[i][jj], entry(f, k, stay, e.beta(t), i, jj));
                            probs.add(in + " j=" + jj, row[jj], entry(f, k, e.alphaBar(t), e.oneMinusAlphaBar(t), x0, jj));
                        }
                        if (t < 2) {
                            continue;
                        }
                        int xt = f == DiscreteDiffusion.Family.ABSORBING ? (r.nextBoolean() ? x0 : k - 1) : r.nextInt(k);
                        double[] got = d.posterior(t, x0, xt);
                        Dfp[] num = new Dfp[k];
                        Dfp z = HighPrecision.of(0);
                        for (int i = 0; i < k; i++) {
                            num[i] = entry(f, k, stay, e.beta(t), i, xt).multiply(entry(f, k, e.alphaBar(t - 1), e.oneMinusAlphaBar(t - 1), x0, i));
                            z = z.add(num[i]);
                        }
                        for (int i = 0; i < Math.min(k, 5); i++) {
                            int ii = i == 0 ? xt : i == 1 ? x0 : r.nextInt(k);
                            post.add(in + " xt=" + xt + " i=" + ii, got[ii], num[ii].divide(z));
                        }
                    }
                }
            }
        }
        q.assertWithin(BUDGET, BUDGET_RMS);
        probs.assertWithin(BUDGET, BUDGET_RMS);
        post.assertWithin(BUDGET, BUDGET_RMS);
    }
}
