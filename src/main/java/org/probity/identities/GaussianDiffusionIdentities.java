package org.probity.identities;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.probity.chain.GaussianVector;
import org.probity.chain.LinearGaussianChain;
import org.probity.chain.StepQuadratic;
import org.probity.check.Gen;
import org.probity.check.Property;
import org.probity.check.Verdict;
import org.probity.diffusion.GaussianDiffusion;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.VlbTerms;
import org.probity.identities.gen.GaussianDiffusionGens;
import org.probity.identities.gen.GaussianDiffusionGens.Instance;
import org.probity.math.FloatFormat;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;

/**
 * The identities of Gaussian diffusion (Ho et al. 2020, §2 and Appendix A; Sohl-Dickstein et al.
 * 2015), as contracts: the subject is a {@link GaussianDiffusionCalculus}; each identity generates
 * instances with {@link GaussianDiffusionGens} (schedules random and named, T = 1 included, and
 * linear-Gaussian reverse models) and compares the subject with an independent closed form from
 * {@link LinearGaussianChain} or with another of its own results. Family name: {@value #FAMILY}.
 * Tolerances ({@link Tolerances}, magnitudes from {@link GaussianDiffusionRules}) are the error
 * bounds of the computations compared: a few unit roundoffs times the sum of the magnitudes of the
 * summands, times a condition bound where a linear solve is involved.
 *
 * <p>Domains: T ≤ {@value #MAX_STEPS} and β ≥ {@value #MIN_BETA}; the identities that solve with
 * the joint covariance of all T + 1 variables (Markov factorisation, posterior = conditional, ELBO
 * gap) T ≤ {@value #SMALL_STEPS} and β ≥ {@value #CONDITIONED_BETA}, where it is well conditioned.
 */
public final class GaussianDiffusionIdentities {
    /** The family of these identities. */
    public static final String FAMILY = "gaussian-diffusion";
    private static final int MAX_STEPS = 4000;
    private static final double MIN_BETA = 1e-9;
    /** Identities that solve with the joint covariance run where it is well conditioned. */
    private static final int SMALL_STEPS = 8;
    private static final double CONDITIONED_BETA = 1e-3;

    private final GaussianDiffusionCalculus c;

    private GaussianDiffusionIdentities(GaussianDiffusionCalculus c) {
        this.c = Objects.requireNonNull(c, "c");
    }

    /** The identities of this family against {@code c}. */
    public static GaussianDiffusionIdentities of(GaussianDiffusionCalculus c) {
        return new GaussianDiffusionIdentities(c);
    }

    /** Every identity of this class against Probity's implementation. */
    public static List<Identity> all() {
        return all(GaussianDiffusionCalculus.library());
    }

    /** Every identity of this class against {@code c}, in catalog order. */
    public static List<Identity> all(GaussianDiffusionCalculus c) {
        GaussianDiffusionIdentities f = of(c);
        return List.of(f.composedSteps(), f.markovFactorisation(), f.posteriorIsConditional(), f.bayesRule(), f.elboBound(),
            f.elboGap(), f.tightBound(), f.vlbDecomposition(), f.priorKlIsKl());
    }

    /** q(x_t | x_0) in closed form equals t composed one-step transitions. */
    public Identity composedSteps() {
        String st = "q(x_t|x_0) = N(sqrt(abar_t) x_0, 1 - abar_t) equals the composition of q(x_s|x_{s-1}), s = 1..t";
        return identity("gaussian diffusion: closed-form marginal = composed steps", st,
            GaussianDiffusionGens.schedulePoints(MAX_STEPS, MIN_BETA), p -> composedStepsVerdict(p.schedule(), p.x()));
    }

    /**
     * The verdict of {@link #composedSteps} at one schedule and data point. Rule: 3t + 8 roundings of
     * a product (the mean) or of a sum of positive terms (the variance), relative; for the mean
     * amplified by \( \max(1, 2^{-1022} / \bar\alpha_t) \): where \( \bar\alpha_t \) is below
     * the normal range an implementation that forms it in binary64 before its square root (the
     * textbook way, {@code sqrt(alphas_cumprod)}) keeps only its absolute accuracy \( 2^{-1075} \), a
     * relative error of \( 2^{-1075} / \bar\alpha_t \) (found by {@code verify --seed 4 --tries 1000}:
     * two respaced steps of α = 1e-155, mean 1.04e-155 off by 16 ulps; Probity's own
     * {@code NoiseSchedule} keeps the scaled mantissa and is within 1 ulp there).
     */
    Verdict composedStepsVerdict(NoiseSchedule s, double x0) {
        double m = x0;
        double v = 0;
        Verdict verdict = Verdict.pass();
        for (int t = 1; t <= s.steps(); t++) {
            double a = c.stepMean(s, t, 1);
            m = c.stepMean(s, t, m);
            v = a * a * v + c.stepVariance(s, t);
            if (t <= 8 || t > s.steps() - 8 || t % 61 == 0) {
                Tolerance tol = Tolerances.conditioned(3 * t + 8, 1).or(Tolerances.belowNormalRange(FloatFormat.FLOAT64, 1))
                    .named("3t + 8 roundings of a product / a sum of positive terms");
                double r = 0x1.0p-511 / s.sqrtAlphaBar(t); // kappa = 2^-1022 / abar_t, also where abar_t underflows to 0
                double kappa = r * r;
                Tolerance mean = kappa <= 1 ? tol : Tolerances.conditioned(3 * t + 8, kappa)
                    .or(Tolerances.belowNormalRange(FloatFormat.FLOAT64, 1))
                    .named("3t + 8 roundings x 2^-1022 / abar_t: abar_t below the normal range");
                verdict = verdict.and(Verdict.close("mean of q(x_" + t + "|x_0)", c.marginalMean(s, t, x0), m, mean))
                    .and(Verdict.close("variance of q(x_" + t + "|x_0)", c.marginalVariance(s, t), v, tol));
            }
        }
        return verdict;
    }

    /**
     * Both joints factorise: the density of the Gaussian joint of \( (x_0, \dots, x_T) \) equals the
     * product of its Markov factors, for the forward process (the subject's one-step transitions) and
     * for the reverse model (its conditionals \( p(x_{t-1} \mid x_t) \) and prior).
     */
    public Identity markovFactorisation() {
        String st = "log N(x_{0:T}; joint of q) = log q(x_0) + sum_t log q(x_t|x_{t-1}) and "
            + "log N(x_{0:T}; joint of p) = log p(x_T) + sum_t log p(x_{t-1}|x_t)";
        return identity("gaussian diffusion: Markov factorisation of both joints", st,
            GaussianDiffusionGens.paths(SMALL_STEPS, CONDITIONED_BETA), p -> {
            Instance in = p.instance();
            double[] x = p.x();
            int n = in.steps();
            NoiseSchedule s = in.schedule();
            LinearGaussianChain q = GaussianDiffusion.of(s).forwardChain(p.mean(), p.variance());
            double[] f0 = GaussianDiffusionRules.logNormal(x[0], p.mean(), p.variance());
            double factors = f0[0];
            double mag = f0[1];
            for (int t = 1; t <= n; t++) {
                double[] f = GaussianDiffusionRules.logNormal(x[t], c.stepMean(s, t, x[t - 1]), c.stepVariance(s, t));
                factors += f[0];
                mag += f[1];
            }
            double kq = q.conditionNumberBound();
            Verdict v = Verdict.close("forward joint density = product of factors", q.joint().logDensity(x), factors,
                Tolerances.conditionedSum(64 * (n + 1) * (n + 1), kq, mag).named("64 (T+1)^2 roundings x condition bound x magnitude"));
            LinearGaussianChain r = in.reverse().asChain();
            double[] reversed = new double[n + 1];
            for (int k = 0; k <= n; k++) {
                reversed[k] = x[n - k];
            }
            double[] fT = GaussianDiffusionRules.logNormal(x[n], in.reverse().priorMean(), in.reverse().priorVariance());
            double rf = fT[0];
            double rmag = fT[1];
            for (int t = n; t >= 1; t--) {
                double[] xt = {x[t]};
                double[] f = GaussianDiffusionRules.logNormal(x[t - 1], in.reverse().mean(t, xt)[0], Math.exp(in.reverse().logVariance(t, xt)[0]));
                rf += f[0];
                rmag += f[1];
            }
            double kp = r.conditionNumberBound();
            return v.and(Verdict.close("reverse joint density = product of factors", r.joint().logDensity(reversed), rf,
                Tolerances.conditionedSum(64 * (n + 1) * (n + 1), kp, rmag).named("64 (T+1)^2 roundings x condition bound x magnitude")));
        });
    }

    /** The posterior in closed form equals the conditional of the Gaussian joint of (x_0, x_{t-1}, x_t). */
    public Identity posteriorIsConditional() {
        String st = "q(x_{t-1}|x_t, x_0) = N(c0_t x_0 + ct_t x_t, beta~_t) equals the Schur-complement conditional "
            + "of the joint of (x_0, x_{t-1}, x_t) under x_0 ~ N(mu, sigma^2)";
        return identity("gaussian diffusion: posterior = conditional of the joint", st,
            GaussianDiffusionGens.posteriorPoints(SMALL_STEPS, CONDITIONED_BETA), q -> {
            LinearGaussianChain chain = GaussianDiffusion.of(q.schedule()).forwardChain(0.3, 0.7);
            double kappa = chain.conditionNumberBound();
            Verdict v = Verdict.pass();
            for (int t = 2; t <= q.schedule().steps(); t++) {
                GaussianVector cond = chain.joint().marginal(0, t - 1, t).conditional(new int[] {1}, new int[] {0, 2},
                    new double[] {q.x0(), q.xt()});
                Tolerance tol = Tolerances.conditionedSum(64, kappa, Math.abs(q.x0()) + Math.abs(q.xt()) + 1)
                    .named("64 roundings x condition bound of the joint x |x_0| + |x_t| + 1");
                v = v.and(Verdict.close("posterior mean at t = " + t, c.posteriorMean(q.schedule(), t, q.x0(), q.xt()), cond.mean()[0], tol))
                    .and(Verdict.close("posterior variance at t = " + t, c.posteriorVariance(q.schedule(), t), cond.covariance()[0][0],
                        Tolerances.conditioned(64, kappa).named("64 roundings x condition bound of the joint")));
            }
            return v;
        });
    }

    /** Bayes' rule for the forward posterior, in densities. */
    public Identity bayesRule() {
        String st = "log q(x_{t-1}|x_t,x_0) = log q(x_t|x_{t-1}) + log q(x_{t-1}|x_0) - log q(x_t|x_0), t >= 2";
        return identity("gaussian diffusion: Bayes' rule for q(x_{t-1}|x_t, x_0)", st,
            GaussianDiffusionGens.bayesPoints(MAX_STEPS, MIN_BETA), q -> {
            int t = q.t();
            double xPrev = q.xPrev();
            double[] post = GaussianDiffusionRules.logNormal(xPrev, c.posteriorMean(q.schedule(), t, q.x0(), q.xt()), c.posteriorVariance(q.schedule(), t));
            double[] step = GaussianDiffusionRules.logNormal(q.xt(), c.stepMean(q.schedule(), t, xPrev), c.stepVariance(q.schedule(), t));
            double[] prev = GaussianDiffusionRules.logNormal(xPrev, c.marginalMean(q.schedule(), t - 1, q.x0()), c.marginalVariance(q.schedule(), t - 1));
            double[] cur = GaussianDiffusionRules.logNormal(q.xt(), c.marginalMean(q.schedule(), t, q.x0()), c.marginalVariance(q.schedule(), t));
            double rhs = step[0] + prev[0] - cur[0];
            double mag = post[1] + step[1] + prev[1] + cur[1];
            // Each variance and mean carries a few roundings, amplified by (x - m)^2 / v; 64 covers them.
            return Verdict.close("Bayes at t = " + t, post[0], rhs,
                Tolerances.roundedSum(64, mag).named("64 roundings x magnitude of the four log densities"));
        });
    }

    /** ELBO ≤ log p(x_0) for linear-Gaussian reverse models. */
    public Identity elboBound() {
        String st = "ELBO(x_0) = -(L_T + sum_{t>=2} L_{t-1} + L_0) <= log p(x_0)";
        return identity("gaussian diffusion: ELBO <= log p(x_0)", st, GaussianDiffusionGens.instances(MAX_STEPS, MIN_BETA), in -> {
            VlbTerms v = c.vlb(in.schedule(), in.x0(), in.reverse());
            double logP = c.logLikelihood(in.schedule(), in.x0(), in.reverse());
            return Verdict.atMost("ELBO <= log p(x_0)", -v.total(), logP, GaussianDiffusionRules.vlbAndLikelihood(in, v, logP));
        });
    }

    /** log p(x_0) − ELBO = KL(q(x_{1:T} | x_0) ‖ p(x_{1:T} | x_0)). */
    public Identity elboGap() {
        String st = "log p(x_0) - ELBO(x_0) = KL(q(x_{1:T}|x_0) || p(x_{1:T}|x_0)), both joints Gaussian";
        return identity("gaussian diffusion: ELBO gap = KL to the reverse posterior", st, GaussianDiffusionGens.instances(SMALL_STEPS, CONDITIONED_BETA), in -> {
            int n = in.steps();
            VlbTerms v = c.vlb(in.schedule(), in.x0(), in.reverse());
            double logP = c.logLikelihood(in.schedule(), in.x0(), in.reverse());
            LinearGaussianChain q = GaussianDiffusion.of(in.schedule()).forwardChain(in.x0());
            int[] qIdx = new int[n];
            int[] pIdx = new int[n];
            for (int i = 0; i < n; i++) {
                qIdx[i] = i + 1;          // x_1..x_T
                pIdx[i] = n - 1 - i;      // reverse chain index of x_{i+1}
            }
            LinearGaussianChain p = in.reverse().asChain();
            GaussianVector qPath = q.joint().marginal(qIdx);
            GaussianVector pPath = p.conditional(pIdx, new int[] {n}, new double[] {in.x0()});
            double kl = qPath.klDivergence(pPath);
            double kappa = Math.max(p.conditionNumberBound(), LinearGaussianChain.of(0, 1, GaussianDiffusionRules.gains(q), new double[n], GaussianDiffusionRules.noises(q))
                .conditionNumberBound());
            double mag = 1 + Math.abs(logP) + GaussianDiffusionRules.absTerms(v) + kl;
            Tolerance tol = Tolerances.conditionedSum(64 * (n + 1) * (n + 1), kappa, mag)
                .named("64 (T+1)^2 roundings x condition bound x magnitude");
            return Verdict.close("log p(x_0) - ELBO = KL", logP + v.total(), kl, tol);
        });
    }

    /** The bound is tight when p is the true reverse process. */
    public Identity tightBound() {
        String st = "if p(x_{t-1}|x_t) = q(x_{t-1}|x_t) and p(x_T) = q(x_T) for data x_0 ~ N(mu, sigma^2), "
            + "then ELBO(x_0) = log p(x_0) = log N(x_0; mu, sigma^2)";
        return identity("gaussian diffusion: bound tight for the true reverse process", st,
            GaussianDiffusionGens.trueReverseInstances(MAX_STEPS, MIN_BETA), in -> {
            VlbTerms v = c.vlb(in.schedule(), in.x0(), in.reverse());
            double logP = c.logLikelihood(in.schedule(), in.x0(), in.reverse());
            Tolerance tol = GaussianDiffusionRules.vlbAndLikelihood(in, v, logP);
            return Verdict.close("ELBO = log p(x_0)", -v.total(), logP, tol);
        });
    }

    /** L_VLB = L_T + Σ L_{t−1} + L_0 equals the direct expectation over forward paths. */
    public Identity vlbDecomposition() {
        String st = "L_T + sum_{t>=2} L_{t-1} + L_0 = E_{q(x_{1:T}|x_0)}[log q(x_{1:T}|x_0) - log p(x_{0:T})]";
        return identity("gaussian diffusion: VLB terms = direct expectation", st, GaussianDiffusionGens.instances(MAX_STEPS, MIN_BETA), in -> {
            int n = in.steps();
            NoiseSchedule s = in.schedule();
            LinearGaussianChain q = GaussianDiffusion.of(s).forwardChain(in.x0());
            StepQuadratic[] fq = new StepQuadratic[n];
            StepQuadratic[] fp = new StepQuadratic[n];
            for (int t = 1; t <= n; t++) {
                fq[t - 1] = StepQuadratic.logNormalStep(Math.sqrt(s.alpha(t)), 0, s.beta(t));
                fp[t - 1] = StepQuadratic.logNormalReverseStep(in.reverse().gain(t), in.reverse().offset(t),
                    Math.exp(in.reverse().logVariance(t)));
            }
            fp[n - 1] = fp[n - 1].plus(StepQuadratic.logNormalOfCurrent(in.reverse().priorMean(), in.reverse().priorVariance()));
            // log q and log p are kept apart: combining their large coefficients first would cancel
            double direct = q.expectation(fq) - q.expectation(fp);
            VlbTerms v = c.vlb(s, in.x0(), in.reverse());
            double mag = q.expectationMagnitude(fq) + q.expectationMagnitude(fp) + GaussianDiffusionRules.absTerms(v) + 1;
            Tolerance tol = Tolerances.roundedSum(32 * (n + 1), mag).named("32 (T+1) roundings x magnitude of both sums");
            return Verdict.close("sum of VLB terms = direct expectation", v.total(), direct, tol);
        });
    }

    /** L_T is the KL of q(x_T | x_0) from the standard normal prior. */
    public Identity priorKlIsKl() {
        String st = "L_T = KL(q(x_T|x_0) || N(0, 1)) with q(x_T|x_0) from the composed forward chain";
        return identity("gaussian diffusion: L_T = prior KL", st, GaussianDiffusionGens.schedulePoints(MAX_STEPS, MIN_BETA), p -> {
            int n = p.schedule().steps();
            LinearGaussianChain q = GaussianDiffusion.of(p.schedule()).forwardChain(p.x());
            double m = q.mean(n);
            double var = q.variance(n);
            double kl = GaussianVector.of(new double[] {m}, new double[][] {{var}})
                .klDivergence(GaussianVector.of(new double[] {0}, new double[][] {{1}}));
            Tolerance tol = Tolerances.roundedSum(3 * n + 16, var + 1 + Math.abs(Math.log(var)) + m * m)
                .named("(3T + 16) roundings of the composed variance x magnitude of the KL summands");
            return Verdict.close("L_T = KL(q(x_T|x_0) || N(0,1))", c.priorKl(p.schedule(), p.x()), kl, tol);
        });
    }

    private static <T> Identity identity(String name, String statement, Gen<T> gen, Function<T, Verdict> body) {
        return Identity.of(name, FAMILY, statement, Property.forAll(name, gen, body::apply));
    }
}
