package org.probity.diffusion;

import org.probity.math.Arguments;
import org.probity.math.DoubleDouble;

/**
 * The v-parameterization of a Gaussian diffusion (Salimans &amp; Ho 2022, "Progressive Distillation
 * for Fast Sampling of Diffusion Models", §4 and Appendix D): with \( x_t = \alpha_t x_0 + \sigma_t
 * \varepsilon \), \( \alpha_t = \sqrt{\bar\alpha_t} \), \( \sigma_t = \sqrt{1 - \bar\alpha_t} \), the
 * velocity is \( v = \alpha_t \varepsilon - \sigma_t x_0 \) and the data are recovered as
 * \( x_0 = \alpha_t x_t - \sigma_t v \) (because \( \alpha_t^2 + \sigma_t^2 = 1 \)).
 *
 * <p>Accuracy: both functions form \( \alpha_t \) and \( \sigma_t \) in double-double from the
 * schedule's tables and the two products and their difference in double-double, rounding once. The
 * error is at most \( \tfrac12 \) ulp plus \( 2^{-100} (|\alpha_t a| + |\sigma_t b|) \) for the two
 * terms \( a, b \): within 1 ulp unless the terms cancel to below \( 2^{-47} \) of their size
 * (measured against 50-digit references in {@code VPredictionAccuracyTest}: ≤ 1 ulp).
 */
public final class VPrediction {

    private VPrediction() {
    }

    /**
     * \( v = \sqrt{\bar\alpha_t}\, \varepsilon - \sqrt{1 - \bar\alpha_t}\, x_0 \).
     *
     * @param schedule the noise schedule
     * @param t the timestep, \( 0 \le t \le T \) (\( v = \varepsilon \) at t = 0)
     * @param x0 the data value, finite
     * @param eps the noise, finite
     * @return the velocity
     * @throws IllegalArgumentException if t is out of range or an input is not finite
     */
    public static double velocity(NoiseSchedule schedule, int t, double x0, double eps) {
        Arguments.requireFinite("x0", x0);
        Arguments.requireFinite("eps", eps);
        return difference(schedule.sqrtAlphaBarDd(t), eps, schedule.sqrtOneMinusAlphaBarDd(t), x0);
    }

    /**
     * \( \hat x_0 = \sqrt{\bar\alpha_t}\, x_t - \sqrt{1 - \bar\alpha_t}\, v \).
     *
     * @param schedule the noise schedule
     * @param t the timestep, \( 0 \le t \le T \)
     * @param xt the noisy value, finite
     * @param v the velocity, finite
     * @return the data estimate
     * @throws IllegalArgumentException if t is out of range or an input is not finite
     */
    public static double x0FromVelocity(NoiseSchedule schedule, int t, double xt, double v) {
        Arguments.requireFinite("xt", xt);
        Arguments.requireFinite("v", v);
        return difference(schedule.sqrtAlphaBarDd(t), xt, schedule.sqrtOneMinusAlphaBarDd(t), v);
    }

    /** \( a x - b y \) in double-double, rounded once. */
    private static double difference(DoubleDouble a, double x, DoubleDouble b, double y) {
        return a.multiply(x).add(b.multiply(-y)).doubleValue();
    }
}
