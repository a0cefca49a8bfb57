package org.probity.diffusion;

import java.util.Locale;
import org.probity.math.Arguments;
import org.probity.math.DoubleDouble;
import org.probity.math.NeumaierSum;

/**
 * The named noise schedules of the diffusion literature, each built from its defining formula in a
 * form without cancellation, and the zero-terminal-SNR rescale of any schedule. {@link NamedSchedule}
 * lists the four of PROTOCOL.md by their protocol names ({@code linear}, {@code linear_scaled},
 * {@code scaled_linear}, {@code cosine}).
 *
 * <p>Accuracy of the named schedules: every \( \beta_t \) is the correctly rounded value of its
 * published definition with the decimal constants as printed (exact rational arithmetic, or
 * double-double with one rounding), so within 0.5 ulp (measured: 0 ulps against 60-digit mpmath
 * references at T = 1 to 100 000, {@code NamedSchedulesAccuracyTest}); every derived quantity is then
 * that of the double β array, within 1–2 ulps ({@link NoiseSchedule}).
 */
public final class Schedules {
    /** DDPM linear schedule endpoints (Ho et al. 2020, §4). */
    public static final double DDPM_BETA_1 = 1e-4;
    /** DDPM linear schedule endpoints (Ho et al. 2020, §4). */
    public static final double DDPM_BETA_T = 0.02;
    /** Cosine schedule offset s (Nichol &amp; Dhariwal 2021, eq. 17). */
    public static final double COSINE_OFFSET = 0.008;
    /** Largest β of the cosine and sigmoid schedules (Nichol &amp; Dhariwal 2021, §3.2). */
    public static final double MAX_BETA = 0.999;
    /** Stable Diffusion scaled-linear endpoints (β, not √β). */
    public static final double SD_BETA_1 = 0.00085;
    /** Stable Diffusion scaled-linear endpoints (β, not √β). */
    public static final double SD_BETA_T = 0.012;

    private static final String MSG_STEPS = "T: expected a number of steps >= 1, got %d";
    private static final String MSG_SCALED_STEPS = "T: linear_scaled is defined for T >= 20 (its beta_T = 20/T "
        + "must not exceed 1), got %d";
    /** The smallest T of {@link #linearScaled(int)}: \( \beta_T = 20/T \le 1 \). */
    public static final int LINEAR_SCALED_MIN_STEPS = 20;
    private static final String MSG_BETA = "%s: expected a finite number in (0, 1], got %s";
    private static final String MSG_ORDER = "start, end: expected start < end, got %s >= %s";
    private static final String MSG_TAU = "tau: expected a finite number > 0, got %s";
    private static final String MSG_ZSNR = "schedule: the zero-terminal-SNR rescale keeps alphaBar_1 and "
        + "sets alphaBar_T = 0, so it needs T >= 2 steps, got T = %d";

    private Schedules() {
    }

    /**
     * The DDPM linear schedule with Ho et al.'s fixed ends, whatever T: \( \beta_t \) evenly spaced from
     * \( \beta_1 = 10^{-4} \) to \( \beta_T = 0.02 \) (Ho et al. 2020, §4; diffusers {@code "linear"};
     * protocol name {@code linear}). Exactly \( \beta_t = (T + 199 t - 200) / (10^4 (T - 1)) \), a quotient
     * of two integers below \( 2^{53} \), so one division rounds it correctly; T = 1 gives \( [10^{-4}] \).
     * For improved-diffusion's convention, whose ends scale with 1000/T, see {@link #linearScaled(int)};
     * the two agree at T = 1000 only.
     *
     * @param steps \( T \ge 1 \)
     * @return the schedule
     * @throws IllegalArgumentException if {@code steps < 1}
     */
    public static NoiseSchedule linear(int steps) {
        requireSteps(steps);
        return NoiseSchedule.of(rationalLinspace(steps, 10_000L * Math.max(1, steps - 1)));
    }

    /**
     * The linear schedule of improved-diffusion ({@code get_named_beta_schedule("linear", T)}; Nichol &amp;
     * Dhariwal 2021; protocol name {@code linear_scaled}): Ho's ends times 1000/T, so
     * \( \beta_1 = 0.1/T \), \( \beta_T = 20/T \), exactly
     * \( \beta_t = (T + 199 t - 200) / (10 T (T - 1)) \), correctly rounded. Defined for T &ge; 20
     * ({@value #LINEAR_SCALED_MIN_STEPS}), where \( \beta_T \le 1 \); equal to {@link #linear(int)} at T = 1000.
     *
     * @param steps \( T \ge 20 \)
     * @return the schedule
     * @throws IllegalArgumentException if {@code steps < 20}
     */
    public static NoiseSchedule linearScaled(int steps) {
        if (!(steps >= LINEAR_SCALED_MIN_STEPS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SCALED_STEPS, steps));
        }
        return NoiseSchedule.of(rationalLinspace(steps, 10L * steps * (steps - 1)));
    }

    /**
     * \( \beta_t = (T + 199 t - 200) / \text{den} \), t = 1..T, each correctly rounded: the numerator is
     * an exact integer; a denominator below \( 2^{53} \) is exact too, so one division rounds correctly,
     * and a larger one is divided in double-double and rounded once.
     */
    private static double[] rationalLinspace(int steps, long den) {
        double[] b = new double[steps];
        for (int t = 1; t <= steps; t++) {
            long num = steps == 1 ? 1 : steps + 199L * t - 200;
            b[t - 1] = den < (1L << 53) ? (double) num / den
                : DoubleDouble.of(num).divide(DoubleDouble.of(den)).hi();
        }
        return b;
    }

    /**
     * β evenly spaced from {@code beta1} to {@code betaT}, exactly as {@code numpy.linspace}:
     * \( \beta_t = (t-1) \cdot (\beta_T - \beta_1)/(T-1) + \beta_1 \) with the last entry exactly
     * \( \beta_T \); T = 1 gives \( [\beta_1] \).
     *
     * @throws IllegalArgumentException if {@code steps < 1} or an endpoint is not in (0, 1]
     */
    public static NoiseSchedule linear(int steps, double beta1, double betaT) {
        return NoiseSchedule.of(linspace(steps, requireBeta("beta1", beta1), requireBeta("betaT", betaT)));
    }

    /**
     * The Stable Diffusion "scaled linear" schedule: \( \sqrt{\beta} \) evenly spaced from
     * \( \sqrt{0.00085} \) to \( \sqrt{0.012} \), squared (Rombach et al. 2022; Lin et al. 2024, §2;
     * diffusers {@code "scaled_linear"}; protocol name {@code scaled_linear}). Its terminal SNR is not
     * zero (about 0.004682 at T = 1000). Evaluated as
     * \( \beta_t = ((T - t)\sqrt{0.00085} + (t - 1)\sqrt{0.012})^2 / (T - 1)^2 \) in double-double from the
     * decimal constants (\( 85/10^5 \), \( 12/10^3 \)) and rounded once; T = 1 gives \( [0.00085] \).
     *
     * @param steps \( T \ge 1 \)
     * @return the schedule
     */
    public static NoiseSchedule scaledLinear(int steps) {
        requireSteps(steps);
        DoubleDouble r1 = DoubleDouble.of(85L).divide(DoubleDouble.of(100_000L)).sqrt();
        DoubleDouble rT = DoubleDouble.of(12L).divide(DoubleDouble.of(1000L)).sqrt();
        double[] b = new double[steps];
        if (steps == 1) {
            b[0] = SD_BETA_1;
            return NoiseSchedule.of(b);
        }
        DoubleDouble den = DoubleDouble.of((long) (steps - 1)).square();
        for (int t = 1; t <= steps; t++) {
            DoubleDouble w = r1.multiply(DoubleDouble.of((long) (steps - t))).add(rT.multiply(DoubleDouble.of((long) (t - 1))));
            b[t - 1] = w.square().divide(den).hi();
        }
        return NoiseSchedule.of(b);
    }

    /** \( \sqrt\beta \) evenly spaced from \( \sqrt{\beta_1} \) to \( \sqrt{\beta_T} \), squared. */
    public static NoiseSchedule scaledLinear(int steps, double beta1, double betaT) {
        double[] r = linspace(steps, Math.sqrt(requireBeta("beta1", beta1)), Math.sqrt(requireBeta("betaT", betaT)));
        for (int i = 0; i < r.length; i++) {
            r[i] *= r[i];
        }
        return NoiseSchedule.of(r);
    }

    /**
     * The cosine schedule (Nichol &amp; Dhariwal 2021, eq. 17; diffusers {@code "squaredcos_cap_v2"};
     * protocol name {@code cosine}): \( \bar\alpha(t) = f(t)/f(0) \),
     * \( f(t) = \cos^2\big(\tfrac{t/T + s}{1 + s}\tfrac{\pi}{2}\big) \), \( s = 0.008 \),
     * \( \beta_t = \min(1 - \bar\alpha(t)/\bar\alpha(t-1), 0.999) \). With the angles
     * \( \theta_t = \pi (125 t + T)/(252 T) \) exact rationals times \( \pi \), the difference is
     * \( \sin(\theta_t - \theta_{t-1}) \sin(\theta_t + \theta_{t-1}) / \cos^2\theta_{t-1} \) and
     * \( \cos\theta_{t-1} = \sin(125 \pi (T - t + 1)/(252 T)) \); each sine is evaluated in double-double
     * from its exact rational argument ({@link DoubleDouble#sinPi}), so neither small \( \beta \) (t near 1)
     * nor the cosine near \( \pi/2 \) (t near T, where a rounded angle cancels) loses digits, and
     * \( \beta_t \) is rounded once. At T = 1000 only the last β is clipped.
     *
     * @param steps \( T \ge 1 \)
     * @return the schedule
     */
    public static NoiseSchedule cosine(int steps) {
        requireSteps(steps);
        long d = 252L * steps;
        double[] b = new double[steps];
        DoubleDouble step = DoubleDouble.sinPi(125, d);
        DoubleDouble cPrev = DoubleDouble.sinPi(125L * steps, d);
        for (int t = 1; t <= steps; t++) {
            DoubleDouble c = DoubleDouble.sinPi(125L * (steps - t), d);
            DoubleDouble sum = DoubleDouble.sinPi(250L * t - 125 + 2L * steps, d);
            double beta = step.multiply(sum).divide(cPrev.square()).hi();
            b[t - 1] = Math.min(beta, MAX_BETA);
            cPrev = c;
        }
        return NoiseSchedule.of(b);
    }

    /** The sigmoid schedule with start = −3, end = 3, τ = 1 (see {@link #sigmoid(int, double, double, double)}). */
    public static NoiseSchedule sigmoid(int steps) {
        return sigmoid(steps, -3, 3, 1);
    }

    /**
     * The sigmoid schedule (Chen 2023, "On the importance of noise scheduling", Algorithm 1; as in
     * Jabri et al. 2023): \( \bar\alpha(u) \propto \sigma(e/\tau) - \sigma(x(u)/\tau) \) with
     * \( x(u) = \text{start} + u(\text{end} - \text{start}) \),
     * \( \beta_t = \min(1 - \bar\alpha(t/T)/\bar\alpha((t-1)/T), 0.999) \), evaluated without
     * cancellation as \( \frac{\sigma(b)}{\sigma(e)} \cdot \frac{\mathrm{expm1}(a - b)}{\mathrm{expm1}(a - e)} \),
     * \( a = x_{t-1}/\tau, b = x_t/\tau, e = \text{end}/\tau \). The last β is clipped.
     *
     * @throws IllegalArgumentException unless start &lt; end are finite and τ &gt; 0 is finite
     */
    public static NoiseSchedule sigmoid(int steps, double start, double end, double tau) {
        requireSteps(steps);
        Arguments.requireFinite("start", start);
        Arguments.requireFinite("end", end);
        if (!(start < end)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_ORDER, start, end));
        }
        if (!(tau > 0 && tau < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_TAU, tau));
        }
        double[] b = new double[steps];
        double e = end / tau;
        for (int t = 1; t <= steps; t++) {
            double a = (start + (end - start) * (t - 1) / steps) / tau;
            double bb = t == steps ? e : (start + (end - start) * t / steps) / tau;
            double beta = logistic(bb) / logistic(e) * (Math.expm1(a - bb) / Math.expm1(a - e));
            b[t - 1] = Math.min(beta, MAX_BETA);
        }
        return NoiseSchedule.of(b);
    }

    /**
     * The zero-terminal-SNR rescale (Lin et al. 2024, Algorithm 1): shift \( \sqrt{\bar\alpha_t} \) by
     * \( -\sqrt{\bar\alpha_T} \) and scale it so \( \sqrt{\bar\alpha_1} \) is unchanged. The result has
     * \( \bar\alpha_T = 0 \), \( \beta_T = 1 \), \( \beta_1 \) unchanged. The shifted roots
     * \( r_t = \sqrt{\bar\alpha_t} - \sqrt{\bar\alpha_T} \) are formed as suffix sums of
     * \( \sqrt{\bar\alpha_{s-1}} - \sqrt{\bar\alpha_s} = \bar\alpha_{s-1}\beta_s/(\sqrt{\bar\alpha_{s-1}} + \sqrt{\bar\alpha_s}) \)
     * and \( \beta'_t = (r_{t-1} - r_t)(r_{t-1} + r_t)/r_{t-1}^2 \), \( \alpha'_t = (r_t/r_{t-1})^2 \)
     * (kept alongside β, so \( \bar\alpha' \) stays accurate where β' is near 1); nothing cancels. A schedule whose
     * \( \bar\alpha_T \) is already 0 in double precision (a β = 1, or underflow) is returned with only
     * \( \beta_T \) set to 1 (unchanged if it already is).
     *
     * @throws IllegalArgumentException if T = 1 and \( \bar\alpha_1 &gt; 0 \)
     */
    public static NoiseSchedule zeroTerminalSnr(NoiseSchedule schedule) {
        if (schedule.hasZeroTerminalSnr()) {
            // abar_T is already 0 in double (a beta = 1, or underflow): only beta_T = 1 is made exact
            return schedule.beta(schedule.steps()) == 1 ? schedule : schedule.withLastBetaOne();
        }
        int n = schedule.steps();
        if (n < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_ZSNR, n));
        }
        double[] d = new double[n + 1];
        for (int s = 1; s <= n; s++) {
            double sa0 = schedule.sqrtAlphaBar(s - 1);
            d[s] = schedule.alphaBar(s - 1) * schedule.beta(s) / (sa0 + schedule.sqrtAlphaBar(s));
        }
        double[] r = new double[n + 1];
        NeumaierSum acc = NeumaierSum.create();
        for (int t = n; t >= 1; t--) {
            acc.add(d[t]);
            r[t - 1] = acc.sum();
        }
        double[] b = new double[n];
        double[] a = new double[n];
        b[0] = schedule.beta(1);
        a[0] = schedule.alpha(1);
        for (int t = 2; t <= n; t++) {
            double rp = r[t - 1];
            double beta = rp > 0 ? d[t] * (rp + r[t]) / rp / rp : 1;
            b[t - 1] = beta > 0 ? Math.min(beta, 1) : Double.MIN_VALUE;
            // alpha'_t = (r_t / r_{t-1})^2 directly: 1 - beta'_t would lose digits when beta'_t is near 1
            double q = rp > 0 ? r[t] / rp : 0;
            a[t - 1] = q * q;
        }
        b[n - 1] = 1;
        a[n - 1] = 0;
        return NoiseSchedule.ofBetasAndAlphas(b, a);
    }

    private static double logistic(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    private static double[] linspace(int steps, double start, double stop) {
        requireSteps(steps);
        double[] y = new double[steps];
        if (steps == 1) {
            y[0] = start;
            return y;
        }
        double step = (stop - start) / (steps - 1);
        for (int i = 0; i < steps; i++) {
            y[i] = i * step + start;
        }
        y[steps - 1] = stop;
        return y;
    }

    private static void requireSteps(int steps) {
        if (!(steps >= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_STEPS, steps));
        }
    }

    private static double requireBeta(String name, double b) {
        if (!(b > 0 && b <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_BETA, name, b));
        }
        return b;
    }
}
