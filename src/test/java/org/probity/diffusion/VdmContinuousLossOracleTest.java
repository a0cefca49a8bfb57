package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.probity.assertions.ProbityAssertions;
import org.probity.math.Tolerance;

/**
 * Kingma et al. 2021 (VDM), §5 / eq. 17: the continuous-time diffusion loss
 * \( L_\infty(x) = -\tfrac12 \int_0^1 \mathrm{SNR}'(t)\, E_\varepsilon\|x - \hat x(z_t, \mathrm{SNR}(t))\|^2 dt \)
 * depends on the schedule only through \( \mathrm{SNR}_{\min} \) and \( \mathrm{SNR}_{\max} \)
 * (substitute \( v = \mathrm{SNR}(t) \)). Checked by quadrature for three variance-preserving
 * schedules with the endpoints of the cosine schedule (T = 1000), with the Bayes denoiser of an
 * N(0, s²) prior; a fourth schedule with another SNR_max must give a different loss.
 */
class VdmContinuousLossOracleTest {
    private static final double RELATIVE_ACCURACY = 1e-11;
    private static final Tolerance QUADRATURE = Tolerance.relative(100 * RELATIVE_ACCURACY).named("quadrature relative accuracy x 100");
    private static final double X = 0.8;
    private static final double PRIOR_VAR = 0.5;

    /** E_eps ||x - w z||^2 with z = alpha x + sigma eps, alpha^2 = v/(1+v), sigma^2 = 1/(1+v). */
    private static double denoisingError(double v) {
        double a = Math.sqrt(v / (1 + v));
        double sig2 = 1 / (1 + v);
        double w = a * PRIOR_VAR / (a * a * PRIOR_VAR + sig2);
        double r = 1 - w * a;
        return r * r * X * X + w * w * sig2;
    }

    /** L_inf for log-SNR lambda(t) with derivative dlambda(t). */
    private static double loss(DoubleUnaryOperator lambda, DoubleUnaryOperator dlambda) {
        IterativeLegendreGaussIntegrator q = new IterativeLegendreGaussIntegrator(16, RELATIVE_ACCURACY, 1e-300);
        return q.integrate(10_000_000, t -> {
            double snr = Math.exp(lambda.applyAsDouble(t));
            return -0.5 * snr * dlambda.applyAsDouble(t) * denoisingError(snr);
        }, 0, 1);
    }

    @Test
    void lossDependsOnlyOnTheSnrEndpoints() {
        NoiseSchedule cos = Schedules.cosine(1000);
        double hi = cos.logSnr(1);
        double lo = cos.logSnr(1000);
        double d = lo - hi;
        double linear = loss(t -> hi + d * t, t -> d);
        double square = loss(t -> hi + d * t * t, t -> 2 * d * t);
        double sine = loss(t -> hi + d * Math.sin(Math.PI / 2 * t), t -> d * Math.PI / 2 * Math.cos(Math.PI / 2 * t));
        ProbityAssertions.assertThat(square).as("square-root SNR path").isCloseTo(linear, QUADRATURE);
        ProbityAssertions.assertThat(sine).as("sine SNR path").isCloseTo(linear, QUADRATURE);
        double otherMax = loss(t -> hi - 1 + (d + 1) * t, t -> d + 1);
        assertThat(QUADRATURE.accepts(linear, otherMax)).as("a different SNR_max changes the loss").isFalse();
    }
}
