package org.probity.identities;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.probity.chain.GaussianVector;
import org.probity.chain.LinearGaussianChain;
import org.probity.chain.StepQuadratic;
import org.probity.check.Gen;
import org.probity.check.Gens;
import org.probity.check.Property;
import org.probity.check.Verdict;
import org.probity.diffusion.GaussianDiffusion;
import org.probity.diffusion.LinearGaussianReverse;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.VlbTerms;
import org.probity.identities.gen.ScheduleGens;
import org.probity.math.FloatFormat;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;

/**
 * The identities of Gaussian diffusion (Ho et al. 2020, §2 and Appendix A; Sohl-Dickstein et al.
 * 2015), as contracts: each factory takes the {@link Subject} under test and returns an
 * {@link Identity} whose property generates schedules with {@link ScheduleGens} (random and named,
 * T = 1 included) and linear-Gaussian reverse models, and compares the subject with an independent
 * closed form from {@link LinearGaussianChain} or with another of its own results. Family name:
 * {@value #FAMILY}. Tolerances are the error bounds of the computations compared: a few unit
 * roundoffs times the sum of the magnitudes of the summands, times a condition bound where a linear
 * solve is involved.
 */
public final class GaussianDiffusionIdentities {
    /** The family of these identities. */
    public static final String FAMILY = "gaussian-diffusion";
    private static final int MAX_STEPS = 4000;
    private static final double MIN_BETA = 1e-9;
    /** Identities that solve with the joint covariance run where it is well conditioned. */
    private static final int SMALL_STEPS = 8;
    private static final double CONDITIONED_BETA = 1e-3;

    /** What the identities need from a Gaussian diffusion implementation (scalar, one dimension). */
    public interface Subject {
        /** Mean of \( q(x_t \mid x_{t-1}) \). */
        double stepMean(NoiseSchedule s, int t, double xPrev);

        /** Variance of \( q(x_t \mid x_{t-1}) \). */
        double stepVariance(NoiseSchedule s, int t);

        /** Mean of \( q(x_t \mid x_0) \). */
        double marginalMean(NoiseSchedule s, int t, double x0);

        /** Variance of \( q(x_t \mid x_0) \). */
        double marginalVariance(NoiseSchedule s, int t);

        /** Mean of \( q(x_{t-1} \mid x_t, x_0) \), t ≥ 1. */
        double posteriorMean(NoiseSchedule s, int t, double x0, double xt);

        /** Variance of \( q(x_{t-1} \mid x_t, x_0) \), t ≥ 1. */
        double posteriorVariance(NoiseSchedule s, int t);

        /** \( L_T = \mathrm{KL}(q(x_T \mid x_0) \| \mathcal N(0, 1)) \), nats. */
        double priorKl(NoiseSchedule s, double x0);

        /** The exact VLB terms of a linear-Gaussian reverse model (continuous decoder), nats. */
        VlbTerms vlb(NoiseSchedule s, double x0, LinearGaussianReverse p);

        /** \( \log p_\theta(x_0) \) of a linear-Gaussian reverse model. */
        double logLikelihood(NoiseSchedule s, double x0, LinearGaussianReverse p);

        /** Probity's implementation, {@link GaussianDiffusion}. */
        static Subject library() {
            return new Subject() {
                @Override
                public double stepMean(NoiseSchedule s, int t, double xPrev) {
                    return GaussianDiffusion.of(s).stepMean(t, xPrev);
                }

                @Override
                public double stepVariance(NoiseSchedule s, int t) {
                    return GaussianDiffusion.of(s).stepVariance(t);
                }

                @Override
                public double marginalMean(NoiseSchedule s, int t, double x0) {
                    return GaussianDiffusion.of(s).marginalMean(t, x0);
                }

                @Override
                public double marginalVariance(NoiseSchedule s, int t) {
                    return GaussianDiffusion.of(s).marginalVariance(t);
                }

                @Override
                public double posteriorMean(NoiseSchedule s, int t, double x0, double xt) {
                    return GaussianDiffusion.of(s).posteriorMean(t, x0, xt);
                }

                @Override
                public double posteriorVariance(NoiseSchedule s, int t) {
                    return GaussianDiffusion.of(s).posteriorVariance(t);
                }

                @Override
                public double priorKl(NoiseSchedule s, double x0) {
                    return GaussianDiffusion.of(s).priorKl(x0);
                }

                @Override
                public VlbTerms vlb(NoiseSchedule s, double x0, LinearGaussianReverse p) {
                    return GaussianDiffusion.of(s).exactVlb(x0, p);
                }

                @Override
                public double logLikelihood(NoiseSchedule s, double x0, LinearGaussianReverse p) {
                    return GaussianDiffusion.of(s).logLikelihood(x0, p);
                }

                @Override
                public String toString() {
                    return "GaussianDiffusion";
                }
            };
        }
    }

    /** A generated instance: a schedule, a linear-Gaussian reverse model with as many steps, a data point. */
    public record Instance(NoiseSchedule schedule, LinearGaussianReverse reverse, double x0) {
        /** T. */
        public int steps() {
            return schedule.steps();
        }
    }

    private GaussianDiffusionIdentities() {
    }

    /** Every identity of this class against Probity's implementation. */
    public static List<Identity> all() {
        return all(Subject.library());
    }

    /** Every identity of this class against {@code s}. */
    public static List<Identity> all(Subject s) {
        Objects.requireNonNull(s, "s");
        return List.of(composedSteps(s), markovFactorisation(s), posteriorIsConditional(s), bayesRule(s), elboBound(s),
            elboGap(s), tightBound(s), vlbDecomposition(s), priorKlIsKl(s));
    }

    /**
     * Reverse models for a schedule: the true reverse process (tight bound), a perturbation of it
     * (near-tight), or random coefficients (constant over steps when T &gt; 16).
     */
    public static Gen<LinearGaussianReverse> reverseModels(NoiseSchedule s) {
        int n = s.steps();
        Gen<LinearGaussianReverse> truth = Gens.combine(Gens.doubles(-2, 2), Gens.doubles(0.05, 4),
            (m, v) -> LinearGaussianReverse.trueReverse(s, m, v));
        Gen<LinearGaussianReverse> perturbed = Gens.combine(truth, Gens.doubles(-0.5, 0.5), Gens.doubles(-1, 1),
            (p, dg, dl) -> {
                double scale = n <= 16 ? 1 : 1.0 / n; // keep prod_t g_t from overflowing on long chains
                double[] g = new double[n];
                double[] h = new double[n];
                double[] lv = new double[n];
                for (int t = 1; t <= n; t++) {
                    g[t - 1] = p.gain(t) * (1 + scale * dg);
                    h[t - 1] = p.offset(t) + dg / 4;
                    lv[t - 1] = p.logVariance(t) + dl;
                }
                return LinearGaussianReverse.of(g, h, lv, p.priorMean(), p.priorVariance());
            });
        int k = n <= 16 ? n : 1;
        double gmax = n <= 16 ? 2 : 1; // |g| <= 1 on long chains, so the reverse chain cannot overflow
        Gen<LinearGaussianReverse> random = Gens.combine(Gens.doubles(-gmax, gmax).arrays(k, k), Gens.doubles(-1, 1).arrays(k, k),
            Gens.doubles(-7, 3).arrays(k, k), (g, h, lv) -> LinearGaussianReverse.of(stretch(g, n), stretch(h, n),
                stretch(lv, n), 0, 1));
        return Gens.frequency(Gens.weighted(30, truth), Gens.weighted(40, perturbed), Gens.weighted(30, random));
    }

    private static double[] stretch(double[] xs, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = xs[i % xs.length];
        }
        return out;
    }

    /** Instances over schedules with T ≤ maxSteps and β ≥ minBeta. */
    public static Gen<Instance> instances(int maxSteps, double minBeta) {
        return ScheduleGens.schedules(maxSteps, minBeta).flatMap(s -> Gens.combine(reverseModels(s), Gens.doubles(-3, 3),
            (p, x0) -> new Instance(s, p, x0)));
    }

    // ---------------------------------------------------------------------------------------------
    // The identities

    /** q(x_t | x_0) in closed form equals t composed one-step transitions. */
    public static Identity composedSteps(Subject sub) {
        String st = "q(x_t|x_0) = N(sqrt(abar_t) x_0, 1 - abar_t) equals the composition of q(x_s|x_{s-1}), s = 1..t";
        Gen<Pair> gen = Gens.combine(ScheduleGens.schedules(MAX_STEPS, MIN_BETA), Gens.doubles(-3, 3), Pair::new);
        return identity("gaussian diffusion: closed-form marginal = composed steps", st, gen, p -> {
            NoiseSchedule s = p.s;
            double m = p.x;
            double v = 0;
            Verdict verdict = Verdict.pass();
            for (int t = 1; t <= s.steps(); t++) {
                double a = sub.stepMean(s, t, 1);
                m = sub.stepMean(s, t, m);
                v = a * a * v + sub.stepVariance(s, t);
                if (t <= 8 || t > s.steps() - 8 || t % 61 == 0) {
                    Tolerance tol = Tolerances.conditioned(3 * t + 8, 1).or(Tolerances.belowNormalRange(FloatFormat.FLOAT64, 1))
                        .named("3t + 8 roundings of a product / a sum of positive terms");
                    verdict = verdict.and(Verdict.close("mean of q(x_" + t + "|x_0)", sub.marginalMean(s, t, p.x), m, tol))
                        .and(Verdict.close("variance of q(x_" + t + "|x_0)", sub.marginalVariance(s, t), v, tol));
                }
            }
            return verdict;
        });
    }

    /**
     * Both joints factorise: the density of the Gaussian joint of \( (x_0, \dots, x_T) \) equals the
     * product of its Markov factors, for the forward process (the subject's one-step transitions) and
     * for the reverse model (its conditionals \( p(x_{t-1} \mid x_t) \) and prior).
     */
    public static Identity markovFactorisation(Subject sub) {
        String st = "log N(x_{0:T}; joint of q) = log q(x_0) + sum_t log q(x_t|x_{t-1}) and "
            + "log N(x_{0:T}; joint of p) = log p(x_T) + sum_t log p(x_{t-1}|x_t)";
        Gen<Path> gen = instances(SMALL_STEPS, CONDITIONED_BETA).flatMap(in -> Gens.combine(Gens.doubles(-3, 3)
            .arrays(in.steps() + 1, in.steps() + 1), Gens.doubles(-2, 2), Gens.doubles(0.05, 4), (x, m, v) -> new Path(in, x, m, v)));
        return identity("gaussian diffusion: Markov factorisation of both joints", st, gen, p -> {
            Instance in = p.in;
            int n = in.steps();
            NoiseSchedule s = in.schedule;
            LinearGaussianChain q = GaussianDiffusion.of(s).forwardChain(p.mean, p.variance);
            double[] f0 = logNormal(p.x[0], p.mean, p.variance);
            double factors = f0[0];
            double mag = f0[1];
            for (int t = 1; t <= n; t++) {
                double[] f = logNormal(p.x[t], sub.stepMean(s, t, p.x[t - 1]), sub.stepVariance(s, t));
                factors += f[0];
                mag += f[1];
            }
            double kq = q.conditionNumberBound();
            Verdict v = Verdict.close("forward joint density = product of factors", q.joint().logDensity(p.x), factors,
                Tolerances.conditionedSum(64 * (n + 1) * (n + 1), kq, mag).named("64 (T+1)^2 roundings x condition bound x magnitude"));
            LinearGaussianChain r = in.reverse.asChain();
            double[] reversed = new double[n + 1];
            for (int k = 0; k <= n; k++) {
                reversed[k] = p.x[n - k];
            }
            double[] fT = logNormal(p.x[n], in.reverse.priorMean(), in.reverse.priorVariance());
            double rf = fT[0];
            double rmag = fT[1];
            for (int t = n; t >= 1; t--) {
                double[] xt = {p.x[t]};
                double[] f = logNormal(p.x[t - 1], in.reverse.mean(t, xt)[0], Math.exp(in.reverse.logVariance(t, xt)[0]));
                rf += f[0];
                rmag += f[1];
            }
            double kp = r.conditionNumberBound();
            return v.and(Verdict.close("reverse joint density = product of factors", r.joint().logDensity(reversed), rf,
                Tolerances.conditionedSum(64 * (n + 1) * (n + 1), kp, rmag).named("64 (T+1)^2 roundings x condition bound x magnitude")));
        });
    }

    /** The posterior in closed form equals the conditional of the Gaussian joint of (x_0, x_{t-1}, x_t). */
    public static Identity posteriorIsConditional(Subject sub) {
        String st = "q(x_{t-1}|x_t, x_0) = N(c0_t x_0 + ct_t x_t, beta~_t) equals the Schur-complement conditional "
            + "of the joint of (x_0, x_{t-1}, x_t) under x_0 ~ N(mu, sigma^2)";
        Gen<Quad> gen = Gens.combine(ScheduleGens.schedules(SMALL_STEPS, CONDITIONED_BETA), Gens.doubles(-3, 3),
            Gens.doubles(-3, 3), (s, x0, xt) -> new Quad(s, x0, xt, 0));
        return identity("gaussian diffusion: posterior = conditional of the joint", st, gen, q -> {
            LinearGaussianChain chain = GaussianDiffusion.of(q.s).forwardChain(0.3, 0.7);
            double kappa = chain.conditionNumberBound();
            Verdict v = Verdict.pass();
            for (int t = 2; t <= q.s.steps(); t++) {
                GaussianVector c = chain.joint().marginal(0, t - 1, t).conditional(new int[] {1}, new int[] {0, 2},
                    new double[] {q.x0, q.xt});
                Tolerance tol = Tolerances.conditionedSum(64, kappa, Math.abs(q.x0) + Math.abs(q.xt) + 1)
                    .named("64 roundings x condition bound of the joint x |x_0| + |x_t| + 1");
                v = v.and(Verdict.close("posterior mean at t = " + t, sub.posteriorMean(q.s, t, q.x0, q.xt), c.mean()[0], tol))
                    .and(Verdict.close("posterior variance at t = " + t, sub.posteriorVariance(q.s, t), c.covariance()[0][0],
                        Tolerances.conditioned(64, kappa).named("64 roundings x condition bound of the joint")));
            }
            return v;
        });
    }

    /** Bayes' rule for the forward posterior, in densities. */
    public static Identity bayesRule(Subject sub) {
        String st = "log q(x_{t-1}|x_t,x_0) = log q(x_t|x_{t-1}) + log q(x_{t-1}|x_0) - log q(x_t|x_0), t >= 2";
        Gen<Quad> gen = ScheduleGens.schedules(MAX_STEPS, MIN_BETA).filter("T >= 2", s -> s.steps() >= 2).flatMap(s ->
            Gens.combine(Gens.integers(2, s.steps()), Gens.doubles(-3, 3), Gens.zip(Gens.doubles(-5, 5), Gens.doubles(-5, 5)),
                (t, x0, xs) -> new Quad(s, x0, xs.first(), xs.second(), t)));
        return identity("gaussian diffusion: Bayes' rule for q(x_{t-1}|x_t, x_0)", st, gen, q -> {
            int t = q.t;
            double xPrev = q.xPrev;
            double[] post = logNormal(xPrev, sub.posteriorMean(q.s, t, q.x0, q.xt), sub.posteriorVariance(q.s, t));
            double[] step = logNormal(q.xt, sub.stepMean(q.s, t, xPrev), sub.stepVariance(q.s, t));
            double[] prev = logNormal(xPrev, sub.marginalMean(q.s, t - 1, q.x0), sub.marginalVariance(q.s, t - 1));
            double[] cur = logNormal(q.xt, sub.marginalMean(q.s, t, q.x0), sub.marginalVariance(q.s, t));
            double rhs = step[0] + prev[0] - cur[0];
            double mag = post[1] + step[1] + prev[1] + cur[1];
            // Each variance and mean carries a few roundings, amplified by (x - m)^2 / v; 64 covers them.
            return Verdict.close("Bayes at t = " + t, post[0], rhs,
                Tolerances.roundedSum(64, mag).named("64 roundings x magnitude of the four log densities"));
        });
    }

    /** ELBO ≤ log p(x_0) for linear-Gaussian reverse models. */
    public static Identity elboBound(Subject sub) {
        String st = "ELBO(x_0) = -(L_T + sum_{t>=2} L_{t-1} + L_0) <= log p(x_0)";
        return identity("gaussian diffusion: ELBO <= log p(x_0)", st, instances(MAX_STEPS, MIN_BETA), in -> {
            VlbTerms v = sub.vlb(in.schedule, in.x0, in.reverse);
            double logP = sub.logLikelihood(in.schedule, in.x0, in.reverse);
            return Verdict.atMost("ELBO <= log p(x_0)", -v.total(), logP, magnitudeRule(in, v, logP));
        });
    }

    /** log p(x_0) − ELBO = KL(q(x_{1:T} | x_0) ‖ p(x_{1:T} | x_0)). */
    public static Identity elboGap(Subject sub) {
        String st = "log p(x_0) - ELBO(x_0) = KL(q(x_{1:T}|x_0) || p(x_{1:T}|x_0)), both joints Gaussian";
        return identity("gaussian diffusion: ELBO gap = KL to the reverse posterior", st, instances(SMALL_STEPS, CONDITIONED_BETA), in -> {
            int n = in.steps();
            VlbTerms v = sub.vlb(in.schedule, in.x0, in.reverse);
            double logP = sub.logLikelihood(in.schedule, in.x0, in.reverse);
            LinearGaussianChain q = GaussianDiffusion.of(in.schedule).forwardChain(in.x0);
            int[] qIdx = new int[n];
            int[] pIdx = new int[n];
            for (int i = 0; i < n; i++) {
                qIdx[i] = i + 1;          // x_1..x_T
                pIdx[i] = n - 1 - i;      // reverse chain index of x_{i+1}
            }
            LinearGaussianChain p = in.reverse.asChain();
            GaussianVector qPath = q.joint().marginal(qIdx);
            GaussianVector pPath = p.conditional(pIdx, new int[] {n}, new double[] {in.x0});
            double kl = qPath.klDivergence(pPath);
            double kappa = Math.max(p.conditionNumberBound(), LinearGaussianChain.of(0, 1, gains(q), new double[n], noises(q))
                .conditionNumberBound());
            double mag = 1 + Math.abs(logP) + absTerms(v) + kl;
            Tolerance tol = Tolerances.conditionedSum(64 * (n + 1) * (n + 1), kappa, mag)
                .named("64 (T+1)^2 roundings x condition bound x magnitude");
            return Verdict.close("log p(x_0) - ELBO = KL", logP + v.total(), kl, tol);
        });
    }

    /** The bound is tight when p is the true reverse process. */
    public static Identity tightBound(Subject sub) {
        String st = "if p(x_{t-1}|x_t) = q(x_{t-1}|x_t) and p(x_T) = q(x_T) for data x_0 ~ N(mu, sigma^2), "
            + "then ELBO(x_0) = log p(x_0) = log N(x_0; mu, sigma^2)";
        Gen<Instance> gen = ScheduleGens.schedules(MAX_STEPS, MIN_BETA).flatMap(s -> Gens.combine(Gens.doubles(-2, 2),
            Gens.doubles(0.05, 4), Gens.doubles(-3, 3), (m, var, x0) ->
                new Instance(s, LinearGaussianReverse.trueReverse(s, m, var), x0)));
        return identity("gaussian diffusion: bound tight for the true reverse process", st, gen, in -> {
            VlbTerms v = sub.vlb(in.schedule, in.x0, in.reverse);
            double logP = sub.logLikelihood(in.schedule, in.x0, in.reverse);
            Tolerance tol = magnitudeRule(in, v, logP);
            return Verdict.close("ELBO = log p(x_0)", -v.total(), logP, tol);
        });
    }

    /** L_VLB = L_T + Σ L_{t−1} + L_0 equals the direct expectation over forward paths. */
    public static Identity vlbDecomposition(Subject sub) {
        String st = "L_T + sum_{t>=2} L_{t-1} + L_0 = E_{q(x_{1:T}|x_0)}[log q(x_{1:T}|x_0) - log p(x_{0:T})]";
        return identity("gaussian diffusion: VLB terms = direct expectation", st, instances(MAX_STEPS, MIN_BETA), in -> {
            int n = in.steps();
            NoiseSchedule s = in.schedule;
            LinearGaussianChain q = GaussianDiffusion.of(s).forwardChain(in.x0);
            StepQuadratic[] fq = new StepQuadratic[n];
            StepQuadratic[] fp = new StepQuadratic[n];
            for (int t = 1; t <= n; t++) {
                fq[t - 1] = StepQuadratic.logNormalStep(Math.sqrt(s.alpha(t)), 0, s.beta(t));
                fp[t - 1] = StepQuadratic.logNormalReverseStep(in.reverse.gain(t), in.reverse.offset(t),
                    Math.exp(in.reverse.logVariance(t)));
            }
            fp[n - 1] = fp[n - 1].plus(StepQuadratic.logNormalOfCurrent(in.reverse.priorMean(), in.reverse.priorVariance()));
            // log q and log p are kept apart: combining their large coefficients first would cancel
            double direct = q.expectation(fq) - q.expectation(fp);
            VlbTerms v = sub.vlb(s, in.x0, in.reverse);
            double mag = q.expectationMagnitude(fq) + q.expectationMagnitude(fp) + absTerms(v) + 1;
            Tolerance tol = Tolerances.roundedSum(32 * (n + 1), mag).named("32 (T+1) roundings x magnitude of both sums");
            return Verdict.close("sum of VLB terms = direct expectation", v.total(), direct, tol);
        });
    }

    /** L_T is the KL of q(x_T | x_0) from the standard normal prior. */
    public static Identity priorKlIsKl(Subject sub) {
        String st = "L_T = KL(q(x_T|x_0) || N(0, 1)) with q(x_T|x_0) from the composed forward chain";
        Gen<Pair> gen = Gens.combine(ScheduleGens.schedules(MAX_STEPS, MIN_BETA), Gens.doubles(-3, 3), Pair::new);
        return identity("gaussian diffusion: L_T = prior KL", st, gen, p -> {
            int n = p.s.steps();
            LinearGaussianChain q = GaussianDiffusion.of(p.s).forwardChain(p.x);
            double m = q.mean(n);
            double var = q.variance(n);
            double kl = GaussianVector.of(new double[] {m}, new double[][] {{var}})
                .klDivergence(GaussianVector.of(new double[] {0}, new double[][] {{1}}));
            Tolerance tol = Tolerances.roundedSum(3 * n + 16, var + 1 + Math.abs(Math.log(var)) + m * m)
                .named("(3T + 16) roundings of the composed variance x magnitude of the KL summands");
            return Verdict.close("L_T = KL(q(x_T|x_0) || N(0,1))", sub.priorKl(p.s, p.x), kl, tol);
        });
    }

    // ---------------------------------------------------------------------------------------------

    private record Pair(NoiseSchedule s, double x) {
    }

    private record Path(Instance in, double[] x, double mean, double variance) {
        @Override
        public String toString() {
            return "Path[" + in + ", x=" + java.util.Arrays.toString(x) + ", x_0 ~ N(" + mean + ", " + variance + ")]";
        }
    }

    private record Quad(NoiseSchedule s, double x0, double xPrev, double xt, int t) {
        Quad(NoiseSchedule s, double x0, double xt, int t) {
            this(s, x0, 0, xt, t);
        }
    }

    /** {log N(x; m, v), magnitude of its summands including the rounding of x - m}. */
    private static double[] logNormal(double x, double m, double v) {
        double d = x - m;
        double a = 0.5 * Math.log(2 * Math.PI * v);
        double b = d * d / (2 * v);
        return new double[] {-a - b, Math.abs(a) + b + Math.abs(d) * (Math.abs(x) + Math.abs(m)) / v + 1};
    }

    private static double absTerms(VlbTerms v) {
        double s = Math.abs(v.priorTerm()) + Math.abs(v.decoderTerm());
        for (double x : v.stepTerms()) {
            s += Math.abs(x);
        }
        return s;
    }

    /**
     * 64 (T + 1) roundings of the magnitude of the VLB terms and of log p(x_0), where log p carries
     * the composed variance of the reverse chain (relative error ~ 3T u, amplified by
     * (x_0 - m)^2 / P).
     */
    private static Tolerance magnitudeRule(Instance in, VlbTerms v, double logP) {
        LinearGaussianChain c = in.reverse.asChain();
        int n = in.steps();
        double z2 = Math.pow(in.x0 - c.mean(n), 2) / c.variance(n);
        double mag = 1 + absTerms(v) + Math.abs(logP) + z2 + Math.abs(in.x0) * (Math.abs(in.x0) + Math.abs(c.mean(n))) / c.variance(n);
        return Tolerances.roundedSum(64 * (n + 1), mag).named("64 (T+1) roundings x magnitude of the VLB terms and log p");
    }

    private static double[] gains(LinearGaussianChain q) {
        double[] g = new double[q.steps()];
        for (int t = 1; t <= g.length; t++) {
            g[t - 1] = q.gain(t);
        }
        return g;
    }

    private static double[] noises(LinearGaussianChain q) {
        double[] v = new double[q.steps()];
        for (int t = 1; t <= v.length; t++) {
            v[t - 1] = q.noiseVariance(t);
        }
        return v;
    }

    private static <T> Identity identity(String name, String statement, Gen<T> gen, Function<T, Verdict> body) {
        return Identity.of(name, FAMILY, statement, Property.forAll(name, gen, body::apply));
    }
}
