package org.probity.diffusion;

import java.util.Locale;
import java.util.Objects;

/**
 * Reverse models from a predictor network, in the three parameterisations of the DDPM literature
 * (Ho et al. 2020, eq. 11; Nichol &amp; Dhariwal 2021, §3.1).
 */
public final class ReverseModels {
    private static final String MSG_INTERP = "interpolation: expected a predictor for LEARNED variance and null otherwise, got %s with %s";
    private static final String MSG_LEN = "%s: expected %d entries (one per dimension), got %d";

    /** A function of \( (t, x_t) \) returning one value per dimension (a network, or a formula). */
    @FunctionalInterface
    public interface Predictor {
        /**
         * @param t the step, 1..T
         * @param xt \( x_t \) (must not be modified)
         * @return one value per dimension
         */
        double[] predict(int t, double[] xt);
    }

    private ReverseModels() {
    }

    /**
     * ε-parameterisation: \( \mu_\theta = \frac{1}{\sqrt{\alpha_t}}\big(x_t - \frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\hat\varepsilon(x_t, t)\big) \).
     *
     * @param schedule the forward schedule
     * @param eps \( \hat\varepsilon \)
     * @param variance the variance choice
     * @param interpolation for {@link ReverseVariance#LEARNED}: \( v(x_t, t) \in [0, 1] \); otherwise null
     */
    public static ReverseModel epsilon(NoiseSchedule schedule, Predictor eps, ReverseVariance variance, Predictor interpolation) {
        Objects.requireNonNull(eps, "eps");
        return build(schedule, variance, interpolation, (t, xt) -> {
            double[] e = sized("eps", eps.predict(t, xt), xt.length);
            double k = schedule.beta(t) / schedule.sqrtOneMinusAlphaBar(t);
            double r = 1 / Math.sqrt(schedule.alpha(t));
            double[] m = new double[xt.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = r * (xt[i] - k * e[i]);
            }
            return m;
        });
    }

    /**
     * x_0-parameterisation: the posterior mean with \( \hat x_0 \) in place of \( x_0 \):
     * \( \mu_\theta = c^{(0)}_t \hat x_0(x_t, t) + c^{(t)}_t x_t \).
     */
    public static ReverseModel x0(NoiseSchedule schedule, Predictor x0, ReverseVariance variance, Predictor interpolation) {
        Objects.requireNonNull(x0, "x0");
        return build(schedule, variance, interpolation, (t, xt) -> {
            double[] p = sized("x0", x0.predict(t, xt), xt.length);
            double c0 = schedule.posteriorMeanCoefX0(t);
            double ct = schedule.posteriorMeanCoefXt(t);
            double[] m = new double[xt.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = c0 * p[i] + ct * xt[i];
            }
            return m;
        });
    }

    /** Mean-parameterisation: \( \mu_\theta \) predicted directly, with the given variance choice. */
    public static ReverseModel mean(NoiseSchedule schedule, Predictor mean, ReverseVariance variance, Predictor interpolation) {
        Objects.requireNonNull(mean, "mean");
        return build(schedule, variance, interpolation, (t, xt) -> sized("mean", mean.predict(t, xt), xt.length));
    }

    private static ReverseModel build(NoiseSchedule schedule, ReverseVariance variance, Predictor interpolation, Predictor mean) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(variance, "variance");
        if ((variance == ReverseVariance.LEARNED) != (interpolation != null)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_INTERP, variance, interpolation));
        }
        return new ReverseModel() {
            @Override
            public double[] mean(int t, double[] xt) {
                return mean.predict(t, xt);
            }

            @Override
            public double[] logVariance(int t, double[] xt) {
                double[] lv = new double[xt.length];
                double[] v = interpolation == null ? null : sized("interpolation", interpolation.predict(t, xt), xt.length);
                for (int i = 0; i < lv.length; i++) {
                    lv[i] = variance.logVariance(schedule, t, v == null ? 0 : v[i]);
                }
                return lv;
            }
        };
    }

    private static double[] sized(String what, double[] xs, int n) {
        if (xs.length != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LEN, what, n, xs.length));
        }
        return xs;
    }
}
