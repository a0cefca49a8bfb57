package org.probity.diffusion;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.dfp.Dfp;
import org.probity.math.HighPrecision;

/**
 * The schedule quantities of a double β array in {@link HighPrecision} arithmetic (64 digits), the
 * references of the version-2 accuracy tests. Recipe: each β converted exactly, \( \bar\alpha_t =
 * \prod_{s \le t} (1 - \beta_s) \) as a running product, \( 1 - \bar\alpha_t \) as a difference (64
 * digits leave more than 50 after the cancellation for every β ≥ 1e-12 used here).
 */
final class ExactSchedule {
    final NoiseSchedule schedule;
    final String name;
    private final Dfp[] alphaBar;
    private final Dfp[] beta;
    private final Dfp[] sqrtAlphaBar;
    private final Dfp[] sqrtOneMinusAlphaBar;

    ExactSchedule(String name, NoiseSchedule schedule) {
        this.name = name;
        this.schedule = schedule;
        int n = schedule.steps();
        alphaBar = new Dfp[n + 1];
        beta = new Dfp[n + 1];
        sqrtAlphaBar = new Dfp[n + 1];
        sqrtOneMinusAlphaBar = new Dfp[n + 1];
        alphaBar[0] = HighPrecision.of(1);
        for (int t = 1; t <= n; t++) {
            beta[t] = HighPrecision.of(schedule.beta(t));
            alphaBar[t] = alphaBar[t - 1].multiply(HighPrecision.of(1).subtract(beta[t]));
        }
    }

    int steps() {
        return schedule.steps();
    }

    Dfp alphaBar(int t) {
        return alphaBar[t];
    }

    Dfp oneMinusAlphaBar(int t) {
        return HighPrecision.of(1).subtract(alphaBar[t]);
    }

    Dfp sqrtAlphaBar(int t) {
        if (sqrtAlphaBar[t] == null) {
            sqrtAlphaBar[t] = alphaBar[t].sqrt();
        }
        return sqrtAlphaBar[t];
    }

    Dfp sqrtOneMinusAlphaBar(int t) {
        if (sqrtOneMinusAlphaBar[t] == null) {
            sqrtOneMinusAlphaBar[t] = oneMinusAlphaBar(t).sqrt();
        }
        return sqrtOneMinusAlphaBar[t];
    }

    Dfp beta(int t) {
        return beta[t];
    }

    Dfp snr(int t) {
        return alphaBar[t].divide(oneMinusAlphaBar(t));
    }

    /** The schedules every version-2 accuracy test runs on: named families and random β arrays. */
    static ExactSchedule[] standard(UniformRandomProvider r) {
        return new ExactSchedule[] {
            new ExactSchedule("linear T=50", Schedules.linear(50)),
            new ExactSchedule("linear T=1000", Schedules.linear(1000)),
            new ExactSchedule("cosine T=1000", Schedules.cosine(1000)),
            new ExactSchedule("scaled-linear T=200", Schedules.scaledLinear(200)),
            new ExactSchedule("random T=12", NoiseSchedule.of(randomBetas(r, 12, false))),
            new ExactSchedule("random T=300", NoiseSchedule.of(randomBetas(r, 300, false))),
            new ExactSchedule("random T=40, beta_T = 1", NoiseSchedule.of(randomBetas(r, 40, true)))};
    }

    /** β log-uniform in [1e-9, 0.5]. */
    static double[] randomBetas(UniformRandomProvider r, int steps, boolean lastIsOne) {
        double[] b = new double[steps];
        for (int i = 0; i < steps; i++) {
            b[i] = Math.exp(Math.log(1e-9) + r.nextDouble() * (Math.log(0.5) - Math.log(1e-9)));
        }
        if (lastIsOne) {
            b[steps - 1] = 1;
        }
        return b;
    }

    /** A data-like value: mostly in [-4, 4], sometimes tiny or large. */
    static double value(UniformRandomProvider r) {
        int mode = r.nextInt(8);
        double sign = r.nextBoolean() ? 1 : -1;
        if (mode == 0) {
            return sign * Math.scalb(1 + r.nextDouble(), -30 + r.nextInt(20));
        }
        if (mode == 1) {
            return sign * Math.scalb(1 + r.nextDouble(), 5 + r.nextInt(20));
        }
        return sign * 4 * r.nextDouble();
    }
}
