package org.probity.diffusion;

import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.probity.divergence.Estimate;
import org.probity.math.GaussLegendre;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;

/**
 * The diffusion loss of a variational diffusion model for one data point x ∈ ℝ^d and an affine
 * denoiser (Kingma, Salimans, Poole &amp; Ho 2021, "Variational Diffusion Models", §3–5), in nats:
 * the discrete-time \( L_T \) (eq. 13), the continuous-time \( L_\infty \) (eq. 17) exactly
 * (eq. 18–20: by the change of variables \( v = \mathrm{SNR}(t) \), closed-form for an
 * {@link SnrAffineDenoiser}) and by quadrature in t, and the bound on \( |L_T - L_\infty| \) that
 * makes \( L_\infty \) the limit of \( L_T \).
 *
 * <p>Both are expectations over \( \varepsilon \sim \mathcal N(0, I) \), \( z_t = \alpha_t x + \sigma_t \varepsilon \),
 * taken in closed form: for \( \hat x = a z_t + b \),
 * \( g(t) = \mathbb E_\varepsilon \|x - \hat x\|^2 = \|(1 - a\alpha_t) x - b\|^2 + a^2 \sigma_t^2 d \).
 *
 * <p>Accuracy against 64/120-digit references ({@code VdmAccuracyTest}, 8 schedules × 12 denoisers,
 * d = 1..3): \( L_\infty \) max 3.5 ulps, RMS 1.2 (after dividing by the cancellation factor
 * \( (A_0 J_0 + |A_1| J_1 + A_2 J_2) / \int \tilde g \)); \( L_T \) at T = 1, 10, 100 max 18.9 ulps,
 * RMS 2.2. {@link #continuousByQuadrature} agrees with the closed form within its declared error on
 * every instance of the catalog's {@code vdm} identities.
 *
 * <pre>{@code
 * LogSnrSchedule s = LogSnrSchedule.linear(-13.3, 5);                 // VDM's fixed schedule
 * SnrAffineDenoiser f = SnrAffineDenoiser.of(1, 1, new double[] {0}, new double[] {0});
 * double[] x = {0.5};
 * double lInf = VdmLoss.continuous(s, f, x);                           // eq. 17, exact
 * double l100 = VdmLoss.discrete(s, f.inTime(s), x, 100);              // eq. 13
 * double bound = VdmLoss.discretizationBound(s, f, x, 100);            // |l100 - lInf| <= bound
 * }</pre>
 */
public final class VdmLoss {
    /** Panels (equal in γ) of the coarse rule of {@link #continuousByQuadrature}; the fine rule has twice as many. */
    public static final int QUADRATURE_PANELS = 8;
    private static final GaussIntegrator RULE = GaussLegendre.rule(20);
    private static final String MSG_STEPS = "steps: expected T >= 1, got %d";
    private static final String MSG_DIM = "x: expected %d entries (the denoiser's dimension), got %d";

    private VdmLoss() {
    }

    /**
     * \( g(t) = \mathbb E_\varepsilon \|x - \hat x_\theta(z_t; t)\|^2 = \|(1 - a(t)\alpha_t) x - b(t)\|^2 + a(t)^2 \sigma_t^2 d \),
     * compensated sum; relative error a few ulps times \( G(t) / g(t) \), G from {@link #squaredErrorMagnitude}.
     *
     * @throws IllegalArgumentException if t is not in [0, 1] or x has the wrong length
     */
    public static double expectedSquaredError(LogSnrSchedule s, AffineDenoiser f, double[] x, double t) {
        requireX(f, x);
        double a = f.gain(t);
        double[] b = f.offset(t);
        double k = 1 - a * s.alpha(t);
        NeumaierSum sum = NeumaierSum.create();
        for (int j = 0; j < x.length; j++) {
            double r = k * x[j] - b[j];
            sum.add(r * r);
        }
        sum.add(a * a * s.sigmaSquared(t) * x.length);
        return sum.sum();
    }

    /**
     * \( G(t) = \sum_j (|x_j| + |a\alpha_t x_j| + |b_j|)^2 + a^2\sigma_t^2 d \): the magnitude of the
     * terms whose rounding {@link #expectedSquaredError} carries (its error is a few ulps of G).
     */
    public static double squaredErrorMagnitude(LogSnrSchedule s, AffineDenoiser f, double[] x, double t) {
        requireX(f, x);
        double a = f.gain(t);
        double[] b = f.offset(t);
        double aa = Math.abs(a * s.alpha(t));
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
            double r = Math.abs(x[j]) * (1 + aa) + Math.abs(b[j]);
            sum += r * r;
        }
        return sum + a * a * s.sigmaSquared(t) * x.length;
    }

    /**
     * VDM eq. 13: \( L_T(x) = \tfrac12 \sum_{i=1}^{T} (\mathrm{SNR}(s(i)) - \mathrm{SNR}(t(i)))\, g(t(i)) \),
     * \( s(i) = (i - 1)/T \), \( t(i) = i/T \) (as doubles; the loss is defined on that grid): the sum
     * over i of \( \mathbb E_\varepsilon \mathrm{KL}(q(z_s \mid z_t, x) \| p(z_s \mid z_t)) \) with
     * \( p(z_s \mid z_t) = q(z_s \mid z_t, x = \hat x_\theta(z_t; t)) \) (eq. 11–12). Compensated sum of
     * non-negative terms: relative error a few ulps plus those of the SNR decrements and of g.
     *
     * @throws IllegalArgumentException if T &lt; 1 or x has the wrong length
     */
    public static double discrete(LogSnrSchedule s, AffineDenoiser f, double[] x, int steps) {
        return gridSum(s, steps, (si, ti) -> expectedSquaredError(s, f, x, ti));
    }

    /**
     * VDM eq. 17 and 20: \( L_\infty(x) = -\tfrac12 \int_0^1 \mathrm{SNR}'(t)\, g(t)\, dt
     * = \tfrac12 \int_{\mathrm{SNR}_{\min}}^{\mathrm{SNR}_{\max}} \tilde g(v)\, dv \) for the denoiser
     * \( \hat x(z; t) = \tilde x(z, \mathrm{SNR}(t)) \), exactly ({@link SnrAffineDenoiser#integral}):
     * it depends on the schedule only through \( \mathrm{SNR}(0) \) and \( \mathrm{SNR}(1) \).
     * Relative error a few ulps times the cancellation factor of {@link SnrAffineDenoiser#integralMagnitude}.
     */
    public static double continuous(LogSnrSchedule s, SnrAffineDenoiser f, double[] x) {
        return 0.5 * f.integral(x, s.snr(1), s.snr(0), s.snrDecrement(0, 1));
    }

    /**
     * \( \tfrac12 \sum_i (\mathrm{SNR}(s(i)) - \mathrm{SNR}(t(i))) \sup_{[s(i), t(i)]} |g - g(t(i))| \ge |L_T - L_\infty| \):
     * on each interval, \( L_\infty \)'s piece is \( \tfrac12 \int_{v(t_i)}^{v(s_i)} \tilde g\, dv \) and
     * \( L_T \)'s is \( \tfrac12 (v(s_i) - v(t_i))\, \tilde g(v(t_i)) \) (the right-endpoint
     * Riemann–Stieltjes sum of \( -\tfrac12 \int g\, d\mathrm{SNR} \)), so their difference is at most
     * the interval's length times the oscillation of \( \tilde g \) on it
     * ({@link SnrAffineDenoiser#oscillation}, exact). It is \( O(1/T) \): at most
     * \( \tfrac12 \max_i \Delta\mathrm{SNR}_i \cdot \mathrm{TV}(\tilde g) \).
     */
    public static double discretizationBound(LogSnrSchedule s, SnrAffineDenoiser f, double[] x, int steps) {
        return gridSum(s, steps, (si, ti) -> f.oscillation(x, s.snr(ti), s.snr(si)));
    }

    /**
     * \( \tfrac12 \sum_{i=1}^{T} (\mathrm{SNR}(s(i)) - \mathrm{SNR}(t(i)))\, w(s(i), t(i)) \) on the grid
     * \( s(i) = (i - 1)/T \), \( t(i) = i/T \), compensated: the Riemann–Stieltjes sum that both L_T and its
     * bound are.
     */
    private static double gridSum(LogSnrSchedule s, int steps, DoubleBinaryOperator w) {
        requireSteps(steps);
        NeumaierSum sum = NeumaierSum.create();
        for (int i = 1; i <= steps; i++) {
            double si = (double) (i - 1) / steps;
            double ti = (double) i / steps;
            sum.add(0.5 * s.snrDecrement(si, ti) * w.applyAsDouble(si, ti));
        }
        return sum.sum();
    }

    /**
     * \( L_\infty = -\tfrac12 \int_0^1 \mathrm{SNR}'(t)\, g(t)\, dt \) by quadrature in t, for any
     * affine denoiser (no change of variables): composite 20-point Gauss–Legendre (Hipparchus) on
     * {@value #QUADRATURE_PANELS} and twice as many panels whose ends are equally spaced in γ
     * ({@link LogSnrSchedule#time}), so each panel sees the same change of SNR. Declared error: the
     * difference of the two rules (the integrand is analytic on each panel, so the finer rule's
     * error is far smaller; an estimate, not a proof) plus the rounding bound
     * \( (32 + 4\Gamma) u \int \tfrac12 |\mathrm{SNR}'| G\, dt \) (G from {@link #squaredErrorMagnitude};
     * \( \Gamma = \max(|\gamma_0|, |\gamma_1|) \): γ's absolute error, which exp makes relative).
     *
     * @return the fine rule's value and its declared error
     */
    public static Estimate continuousByQuadrature(LogSnrSchedule s, AffineDenoiser f, double[] x) {
        requireX(f, x);
        double[] coarse = panels(s, f, x, QUADRATURE_PANELS, false);
        double[] fine = panels(s, f, x, 2 * QUADRATURE_PANELS, true);
        double scale = Math.max(Math.abs(s.gamma(0)), Math.abs(s.gamma(1)));
        double bound = Math.abs(fine[0] - coarse[0]) + (32 + 4 * scale) * Tolerance.UNIT_ROUNDOFF * fine[1];
        long evaluations = (long) RULE.getNumberOfPoints() * 3 * QUADRATURE_PANELS;
        return new Estimate(fine[0], bound, evaluations, String.format(Locale.ROOT,
            "Gauss-Legendre 20 x %d vs %d panels equal in gamma", 2 * QUADRATURE_PANELS, QUADRATURE_PANELS));
    }

    private static double[] panels(LogSnrSchedule s, AffineDenoiser f, double[] x, int count, boolean withMagnitude) {
        double g0 = s.gamma(0);
        double g1 = s.gamma(1);
        NeumaierSum value = NeumaierSum.create();
        NeumaierSum magnitude = NeumaierSum.create();
        double lo = 0;
        for (int k = 1; k <= count; k++) {
            double hi = k == count ? 1 : s.time(g0 + (g1 - g0) * k / count);
            double half = 0.5 * (hi - lo);
            double mid = lo + half;
            for (int j = 0; j < RULE.getNumberOfPoints(); j++) {
                double t = Math.min(1, Math.max(0, mid + half * RULE.getPoint(j)));
                double w = -0.5 * half * RULE.getWeight(j) * s.snrDerivative(t);
                value.add(w * expectedSquaredError(s, f, x, t));
                if (withMagnitude) {
                    magnitude.add(Math.abs(w) * squaredErrorMagnitude(s, f, x, t));
                }
            }
            lo = hi;
        }
        return new double[] {value.sum(), magnitude.sum()};
    }

    private static void requireSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_STEPS, steps));
        }
    }

    private static void requireX(AffineDenoiser f, double[] x) {
        if (x == null || x.length != f.dimension()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DIM, f.dimension(), x == null ? 0 : x.length));
        }
    }
}
