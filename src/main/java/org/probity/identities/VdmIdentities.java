package org.probity.identities;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.probity.check.Property;
import org.probity.check.Verdict;
import org.probity.diffusion.AffineDenoiser;
import org.probity.diffusion.GaussianDiffusion;
import org.probity.diffusion.LogSnrSchedule;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.SnrAffineDenoiser;
import org.probity.diffusion.VdmLoss;
import org.probity.dist.DiagonalGaussian;
import org.probity.dist.Gaussian;
import org.probity.divergence.Estimate;
import org.probity.divergence.Kl;
import org.probity.identities.gen.VdmGens;
import org.probity.identities.gen.VdmGens.Instance;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;

/**
 * The identities of variational diffusion models (Kingma, Salimans, Poole &amp; Ho 2021, §3–5) as
 * contracts: the subject is a {@link VdmCalculus}; instances come from {@link VdmGens} (linear and
 * cosine log-SNR schedules, d = 1..3, SNR-affine denoisers). Family name: {@value #FAMILY}.
 *
 * <p>Tolerances are error bounds of the computations compared, in units of
 * \( u = 2^{-53} \): every quantity built from a schedule carries the error of γ, about
 * \( \Gamma = \max(|\gamma_0|, |\gamma_1|) \) ulps absolute, which exp turns into Γ ulps relative
 * (hence the 4Γ in the rules); a discretised {@link NoiseSchedule} of T + 1 steps composes its ᾱ
 * from T + 1 rounded factors (hence 3T).
 */
public final class VdmIdentities {
    /** The family of these identities. */
    public static final String FAMILY = "vdm";
    /** The step counts at which {@link #continuousLimit} compares \( L_T \) with \( L_\infty \) (besides the instance's T). */
    static final int[] LIMIT_STEPS = {1, 2, 10, 100};

    private final VdmCalculus c;

    private VdmIdentities(VdmCalculus c) {
        this.c = Objects.requireNonNull(c, "c");
    }

    /** The identities of this family against {@code c}. */
    public static VdmIdentities of(VdmCalculus c) {
        return new VdmIdentities(c);
    }

    /** Every identity of this class against Probity's implementation. */
    public static List<Identity> all() {
        return all(VdmCalculus.library());
    }

    /** Every identity of this class against {@code c}, in catalog order. */
    public static List<Identity> all(VdmCalculus c) {
        VdmIdentities f = of(c);
        return List.of(f.discreteLossIsKlSum(), f.continuousLimit(), f.scheduleInvariance());
    }

    /**
     * VDM eq. 11–13: \( L_T(x) = \sum_{i=1}^T \mathbb E_\varepsilon \mathrm{KL}(q(z_{s(i)} \mid z_{t(i)}, x) \|
     * q(z_{s(i)} \mid z_{t(i)}, x = \hat x_\theta(z_{t(i)}; t(i)))) \). The right side is computed by
     * Probity's Gaussian posterior machinery ({@link GaussianDiffusion#posterior} on
     * {@link LogSnrSchedule#discretize}, {@link Kl#diagonalGaussian}), not from SNRs; the expectation
     * over ε is exact by the two-point Gauss–Hermite rule ε = ±(1, …, 1) (the KL is a sum over
     * dimensions of quadratics in \( \varepsilon_j \)). Rule: \( (3T + 32 + 4\Gamma) u \) times the
     * magnitude \( \tfrac12 \sum_i \Delta\mathrm{SNR}_i G(t_i) \) (G: {@link VdmLoss#squaredErrorMagnitude}),
     * plus the cancellation of the two posterior means in each KL: \( (2|\Delta m| e + e^2)/(2\tilde\beta) \)
     * with \( e = 4u(|c_0|(|x| + |\hat x|) + 2|c_t z|) \).
     */
    public Identity discreteLossIsKlSum() {
        String name = "VDM: L_T = sum of the T posterior KLs";
        String st = "T/2 E[(SNR(s) - SNR(t)) |x - x^(z_t; t)|^2] = sum_i E_eps KL(q(z_s|z_t,x) || q(z_s|z_t, x = x^(z_t; t))), "
            + "s = (i-1)/T, t = i/T";
        return identity(name, st, in -> {
            LogSnrSchedule s = in.schedule();
            AffineDenoiser f = in.denoiser().inTime(s);
            double[] x = in.x();
            int steps = in.steps();
            int d = x.length;
            GaussianDiffusion q = GaussianDiffusion.of(s.discretize(steps));
            NeumaierSum kl = NeumaierSum.create();
            double cancellation = 0;
            double magnitude = 0;
            double u = Tolerance.UNIT_ROUNDOFF;
            for (int i = 1; i <= steps; i++) {
                int k = i + 1;
                double ti = (double) i / steps;
                double a = f.gain(ti);
                double[] b = f.offset(ti);
                double c0 = q.schedule().posteriorMeanCoefX0(k);
                double ct = q.schedule().posteriorMeanCoefXt(k);
                for (int sign = -1; sign <= 1; sign += 2) {
                    Gaussian[] post = new Gaussian[d];
                    Gaussian[] model = new Gaussian[d];
                    for (int j = 0; j < d; j++) {
                        Gaussian marginal = q.marginal(k, x[j]);
                        double z = marginal.mean() + sign * marginal.standardDeviation();
                        double xHat = a * z + b[j];
                        post[j] = q.posterior(k, x[j], z);
                        model[j] = q.posterior(k, xHat, z);
                        double dm = Math.abs(post[j].mean() - model[j].mean());
                        double e = 4 * u * (Math.abs(c0) * (Math.abs(x[j]) + Math.abs(xHat)) + 2 * Math.abs(ct * z));
                        cancellation += 0.5 * (2 * dm * e + e * e) / (2 * post[j].variance());
                    }
                    kl.add(0.5 * Kl.diagonalGaussian(DiagonalGaussian.ofComponents(post), DiagonalGaussian.ofComponents(model)));
                }
                magnitude += 0.5 * s.snrDecrement((double) (i - 1) / steps, ti) * VdmLoss.squaredErrorMagnitude(s, f, x, ti);
            }
            double roundings = 3.0 * steps + 32 + 4 * in.gammaScale();
            Tolerance tol = Tolerance.absolute(roundings * u * magnitude + cancellation).named(String.format(Locale.ROOT,
                "(3T + 32 + 4 Gamma) u x magnitude %.3g + posterior-mean cancellation %.3g", magnitude, cancellation));
            return Verdict.close("L_T = sum of E KL(q(z_s|z_t,x) || p(z_s|z_t)), T = " + steps,
                c.discreteLoss(s, f, x, steps), kl.sum(), tol);
        });
    }

    /**
     * \( L_T \to L_\infty \) (VDM eq. 13 → 17): at T ∈ {1, 2, 10, 100} and the instance's T,
     * \( |L_T - L_\infty| \le B_T \), the right-endpoint Riemann–Stieltjes bound
     * \( B_T = \tfrac12 \sum_i \Delta\mathrm{SNR}_i \sup_{[s_i, t_i]} |g - g(t_i)| \)
     * ({@link VdmLoss#discretizationBound}), plus rounding \( (32 + 4\Gamma) u \) times the
     * magnitudes of both losses; and \( B_T \le \tfrac12 \max_i \Delta\mathrm{SNR}_i\, \mathrm{TV}(\tilde g) \),
     * which makes \( B_T = O(1/T) \) and \( L_\infty \) the limit.
     */
    public Identity continuousLimit() {
        String name = "VDM: L_T -> L_inf within the Riemann-Stieltjes bound";
        String st = "|L_T - L_inf| <= 1/2 sum_i (SNR(s_i) - SNR(t_i)) sup_[s_i,t_i] |g - g(t_i)| <= 1/2 max_i dSNR_i TV(g), "
            + "L_inf = -1/2 int_0^1 SNR'(t) E|x - x^(z_t; t)|^2 dt";
        return identity(name, st, in -> {
            LogSnrSchedule s = in.schedule();
            SnrAffineDenoiser den = in.denoiser();
            AffineDenoiser f = den.inTime(s);
            double[] x = in.x();
            double vMin = s.snr(1);
            double vMax = s.snr(0);
            double lInf = c.continuousLoss(s, den, x);
            double infMagnitude = 0.5 * den.integralMagnitude(x, vMin, vMax);
            double tv = den.totalVariation(x, vMin, vMax);
            double u = Tolerance.UNIT_ROUNDOFF;
            double roundings = 32 + 4 * in.gammaScale();
            Verdict v = Verdict.pass();
            int[] ladder = Arrays.copyOf(LIMIT_STEPS, LIMIT_STEPS.length + 1);
            ladder[LIMIT_STEPS.length] = in.steps();
            for (int steps : ladder) {
                double lT = c.discreteLoss(s, f, x, steps);
                double bound = VdmLoss.discretizationBound(s, den, x, steps);
                double tMagnitude = 0;
                double maxStep = 0;
                for (int i = 1; i <= steps; i++) {
                    double dv = s.snrDecrement((double) (i - 1) / steps, (double) i / steps);
                    maxStep = Math.max(maxStep, dv);
                    tMagnitude += 0.5 * dv * VdmLoss.squaredErrorMagnitude(s, f, x, (double) i / steps);
                }
                double rounding = roundings * u * (tMagnitude + infMagnitude);
                Tolerance tol = Tolerance.absolute(bound + rounding).named(String.format(Locale.ROOT,
                    "Riemann-Stieltjes bound B_T = %.3g + (32 + 4 Gamma) u x magnitude of both losses", bound));
                double shape = 0.5 * maxStep * tv;
                v = v.and(Verdict.close("L_T = L_inf within B_T, T = " + steps, lT, lInf, tol))
                    .and(Verdict.atMost("B_T <= 1/2 max dSNR x TV(g), T = " + steps, bound, shape,
                        Tolerance.absolute(rounding).named("(32 + 4 Gamma) u x magnitude of both losses")));
            }
            return v;
        });
    }

    /**
     * VDM eq. 20 (and ORACLES.md): \( L_\infty \) depends on the schedule only through its SNR
     * endpoints when the denoiser is \( \tilde x_\theta(z, v) \). \( -\tfrac12 \int_0^1 \mathrm{SNR}'(t) g(t)\, dt \)
     * by quadrature in t under the instance's schedule and under its twin of the other shape (same
     * endpoints) agree with each other and with the closed form \( \tfrac12 \int \tilde g\, dv \).
     * Rule: each quadrature's declared error ({@link VdmLoss#continuousByQuadrature}: the difference
     * of two rules plus rounding) plus \( (16 + 4\Gamma) u \) times the closed form's magnitude
     * \( \tfrac12 (A_0 J_0 + |A_1| J_1 + A_2 J_2) \), which also bounds how the integrand's value moves
     * with the few-ulp error of the SNR at which the denoiser is evaluated (twice that between the two
     * quadratures).
     */
    public Identity scheduleInvariance() {
        String name = "VDM: L_inf depends on the schedule only through SNR_min, SNR_max";
        String st = "-1/2 int_0^1 SNR'(t) E|x - x~(z_t, SNR(t))|^2 dt is equal for every schedule with the same SNR(0), SNR(1) "
            + "= 1/2 int_SNR_min^SNR_max E|x - x~(z_v, v)|^2 dv";
        return identity(name, st, in -> {
            SnrAffineDenoiser den = in.denoiser();
            double[] x = in.x();
            LogSnrSchedule s = in.schedule();
            LogSnrSchedule twin = in.twin();
            Estimate q1 = c.continuousLossByQuadrature(s, den.inTime(s), x);
            Estimate q2 = c.continuousLossByQuadrature(twin, den.inTime(twin), x);
            double exact = c.continuousLoss(s, den, x);
            double rounding = (16 + 4 * in.gammaScale()) * Tolerance.UNIT_ROUNDOFF
                * 0.5 * den.integralMagnitude(x, s.snr(1), s.snr(0));
            String rule = "declared quadrature error %.3g + (16 + 4 Gamma) u x magnitude of the closed form";
            return Verdict.close("quadrature under " + s.name() + " = closed form", q1.value(), exact,
                    Tolerance.absolute(q1.errorBound() + rounding).named(String.format(Locale.ROOT, rule, q1.errorBound())))
                .and(Verdict.close("quadrature under " + twin.name() + " = closed form", q2.value(), exact,
                    Tolerance.absolute(q2.errorBound() + rounding).named(String.format(Locale.ROOT, rule, q2.errorBound()))))
                .and(Verdict.close("quadrature under " + s.name() + " = under " + twin.name(), q1.value(), q2.value(),
                    Tolerance.absolute(q1.errorBound() + q2.errorBound() + 2 * rounding).named(String.format(Locale.ROOT,
                        "sum of the declared quadrature errors %.3g + 2 (16 + 4 Gamma) u x magnitude of the closed form "
                        + "(the integrand's conditioning in v)", q1.errorBound() + q2.errorBound()))));
        });
    }

    private static Identity identity(String name, String statement, Function<Instance, Verdict> body) {
        return Identity.of(name, FAMILY, statement, Property.forAll(name, VdmGens.instances(), body::apply));
    }
}
