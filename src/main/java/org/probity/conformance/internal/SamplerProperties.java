package org.probity.conformance.internal;

import static org.probity.conformance.internal.ConformanceProperty.Kind.REFERENCE;
import static org.probity.conformance.internal.ConformanceProperty.Kind.SELF;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.probity.check.Verdict;
import org.probity.conformance.DdimSteps;
import org.probity.conformance.Description;
import org.probity.conformance.MeanVariance;
import org.probity.conformance.Op;
import org.probity.diffusion.Ddim;
import org.probity.diffusion.NoiseLevels;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.TimestepSpacing;
import org.probity.math.Tolerance;

/**
 * Properties of the sampler ops of version 2: inference_timesteps (exact, ties either way), ddim_step
 * (reference {@link Ddim}; the η = 1 step is the implementation's own posterior, the η = 0 step with
 * the true ε lands on its own q(x_t' | x_0)), sigma_schedule (reference {@link NoiseLevels}; the
 * levels run from σ_max down to σ_min).
 */
public final class SamplerProperties {
    private static final Tolerance EXACT = Tolerance.absolute(0).named("exact (integer timesteps; either neighbour of a tie)");

    private SamplerProperties() {
    }

    /** Every property of these ops, with the spacings and σ kinds {@code d} declares. */
    public static List<ConformanceProperty<?>> all(CaseGens gens, Description d, double smallestAlphaBar) {
        V2Gens g = new V2Gens(gens);
        List<TimestepSpacing> spacings = Variants.of(d, Op.INFERENCE_TIMESTEPS, TimestepSpacing.values(), TimestepSpacing::label);
        List<NoiseLevels.Kind> kinds = Variants.of(d, Op.SIGMA_SCHEDULE, NoiseLevels.Kind.values(), NoiseLevels.Kind::label);
        List<ConformanceProperty<?>> out = new ArrayList<>();
        for (ConformanceProperty<?> p : List.of(timestepsReference(g, spacings.isEmpty() ? List.of(TimestepSpacing.values()) : spacings),
            timestepsSelf(g, spacings.isEmpty() ? List.of(TimestepSpacing.values()) : spacings))) {
            out.add(spacings.isEmpty() ? p.unavailable(Variants.NONE_KNOWN + Op.INFERENCE_TIMESTEPS.knownVariants()) : p);
        }
        out.add(ddimReference(g, smallestAlphaBar));
        out.add(ddimIsPosteriorAtEtaOne(g, smallestAlphaBar));
        out.add(ddimDeterministicLandsOnMarginal(g, smallestAlphaBar));
        for (ConformanceProperty<?> p : List.of(sigmaReference(kinds.isEmpty() ? List.of(NoiseLevels.Kind.values()) : kinds),
            sigmaRange(kinds.isEmpty() ? List.of(NoiseLevels.Kind.values()) : kinds))) {
            out.add(kinds.isEmpty() ? p.unavailable(Variants.NONE_KNOWN + Op.SIGMA_SCHEDULE.knownVariants()) : p);
        }
        return out;
    }

    // ---- inference_timesteps ----

    static ConformanceProperty<?> timestepsReference(V2Gens g, List<TimestepSpacing> spacings) {
        return ConformanceProperty.of("inference_timesteps agrees with the reference (Lin et al. 2024, Table 2)",
            Op.INFERENCE_TIMESTEPS, REFERENCE, Set.of(), g.timesteps(spacings),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                int[] got = ctx.impl().inferenceTimesteps(c.steps(), c.n(), c.spacing());
                int[] ref = c.spacing().timesteps(c.steps(), c.n());
                Outcome o = new Outcome(c.n());
                o.add(Verdict.check(got.length == c.n(), "the answer has n = " + c.n() + " timesteps (got " + got.length + ")"));
                for (int k = 0; k < Math.min(got.length, c.n()); k++) {
                    double expected = c.spacing().accepts(c.steps(), c.n(), k, got[k]) ? got[k] : ref[k];
                    o.add(Comparison.of("timestep[" + k + "]", got[k], expected, EXACT));
                }
                return o;
            }),
            (c, focus) -> c.toString());
    }

    static ConformanceProperty<?> timestepsSelf(V2Gens g, List<TimestepSpacing> spacings) {
        return ConformanceProperty.of("timesteps lie in 1..T, strictly decrease and number n", Op.INFERENCE_TIMESTEPS, SELF, Set.of(),
            g.timesteps(spacings),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                int[] got = ctx.impl().inferenceTimesteps(c.steps(), c.n(), c.spacing());
                Outcome o = new Outcome(c.n());
                o.add(Verdict.check(got.length == c.n(), "the answer has n = " + c.n() + " timesteps (got " + got.length + ")"));
                for (int k = 0; k < got.length; k++) {
                    o.add(Verdict.check(got[k] >= 1 && got[k] <= c.steps(), "timestep[" + k + "] = " + got[k] + " in 1.." + c.steps()));
                    if (k > 0) {
                        o.add(Verdict.check(got[k] < got[k - 1], "timestep[" + k + "] = " + got[k] + " < timestep[" + (k - 1) + "] = "
                            + got[k - 1]));
                    }
                }
                return o;
            }),
            (c, focus) -> c.toString());
    }

    // ---- ddim_step ----

    /** Error scales (in units of the rule's u) of one DDIM step as a straightforward implementation computes it. */
    record DdimScales(double mean, double std, double xPrev, double kappaStd, double kappaOneMinus) {
    }

    /**
     * Whether the declared precision resolves a DDIM step's mean: the mean forms 1 − ᾱ_t and
     * 1 − ᾱ_{t'}; where one of them is below the format's resolution (float32 with β ≈ 1e-9: 1 − ᾱ
     * rounds to 0 and conventional code meets 0/0, also at η = 0) the step has no correct bit. And
     * x̂_0 = (x_t − √(1 − ᾱ_t) ε)/√ᾱ_t divides by √ᾱ_t: where ᾱ_t is so small (a cosine schedule's
     * last steps in float32) that the roundings of x_t, amplified by 1/√ᾱ_t, exceed half of the mean's
     * size — √ᾱ_{t'} |x̂_0|, with x̂_0 at least the data scale 1, plus √(1 − ᾱ_{t'}) |ε| — a tolerance
     * would accept any mean. Either way the step is not checkable (policy: at most a relative error of
     * 1/2 is excused, {@link CheckContext#resolution}). σ and x_prev also need 1 − ᾱ_t/ᾱ_{t'}
     * ({@link #sigmaResolution}).
     *
     * @param x0Hat the step's x̂_0 (the known x_0 when x_t was made from it)
     */
    static Resolution ddimResolution(CheckContext ctx, NoiseSchedule s, V2Cases.DdimPoint p, double x0Hat, DdimScales k, double more) {
        Resolution r = ScheduleProperties.at(ctx, s, p.t(), Math.max(k.kappaOneMinus(), more));
        if (!r.checkable()) {
            return r;
        }
        // the mean's error bound against its size: x̂_0 at the data scale (at least 1, the [-1, 1] range of
        // Ho et al. section 3.3) and the direction term; where 1/√ᾱ_t amplifies the roundings of x_t past
        // half of that, the tolerance would accept any mean (one of x̂_0 = 0 and x̂_0 = ±1 is as good as the other)
        double size = s.sqrtAlphaBar(p.tPrev()) * Math.max(Math.abs(x0Hat), 1) + s.sqrtOneMinusAlphaBar(p.tPrev()) * Math.abs(p.eps());
        return ctx.resolution(k.mean() / size, () -> String.format(Locale.ROOT,
            "x0_hat divides by sqrt(alpha_bar_%d) = %.3g (mean's error bound %.3g against its size %.3g)", p.t(),
            s.sqrtAlphaBar(p.t()), k.mean(), size));
    }

    /** x̂_0 = (x_t − √(1 − ᾱ_t) ε)/√ᾱ_t of a point whose x_t is given (not made from a known x_0). */
    static double x0Hat(NoiseSchedule s, V2Cases.DdimPoint p) {
        return (p.xt() - s.sqrtOneMinusAlphaBar(p.t()) * p.eps()) / s.sqrtAlphaBar(p.t());
    }

    /**
     * Whether the declared precision resolves σ (and so x_prev = mean + σ z) at η &gt; 0: besides what
     * the mean needs, σ² = η²(1 − ᾱ_{t'})(1 − r)/(1 − ᾱ_t) forms 1 − r, r = ᾱ_t/ᾱ_{t'}, whose
     * condition number κ(r) r/(1 − r) ({@link Budgets#oneMinusAlphaBarRatio}) is about κ(r)/β_t for
     * t' = t − 1: where β_t is near u(float32) mid-schedule, float32 code may compute r = 1 and σ = 0,
     * and σ is not checkable there (never a vacuous pass, never a false failure). At η = 0, σ = 0
     * exactly and needs nothing more.
     */
    static Resolution sigmaResolution(CheckContext ctx, NoiseSchedule s, V2Cases.DdimPoint p, double x0Hat, double eta, DdimScales k,
        double more) {
        Resolution mean = ddimResolution(ctx, s, p, x0Hat, k, more);
        if (eta == 0 || !mean.checkable()) {
            return mean;
        }
        return ctx.resolution(k.kappaStd(), () -> String.format(Locale.ROOT, "1 - alpha_bar_%d/alpha_bar_%d = %.3g", p.t(), p.tPrev(),
            -Math.expm1(s.logAlphaBar(p.t()) - s.logAlphaBar(p.tPrev()))));
    }

    /**
     * First-order error scales: √ᾱ_{t'} x̂_0 = √(ᾱ_{t'}/ᾱ_t)(x_t − √(1−ᾱ_t) ε) carries the conditioning of
     * the ratio ({@link Budgets#alphaBarRatio}: the shared prefix cancels) and of 1 − ᾱ_t (the relative errors
     * add; they were multiplied before, which late in a linear T = 1000 schedule allowed a float32 mean
     * an absolute error of ~6 for a mean of 0.5);
     * σ² = η²(1 − ᾱ')(1 − r)/(1 − ᾱ) that of 1 − ᾱ', 1 − ᾱ and 1 − r, r = ᾱ/ᾱ' (formed by subtraction,
     * from a table whose common prefix cancels in r: {@link Budgets#oneMinusAlphaBarRatio}); the
     * coefficient √(1 − ᾱ' − σ²) the cancellation of that difference; x_prev adds σ·noise.
     */
    static DdimScales ddimScales(NoiseSchedule s, V2Cases.DdimPoint p, double eta, Ddim.Step ref) {
        int t = p.t();
        int tp = p.tPrev();
        double kc = Budgets.oneMinusAlphaBar(s, t);
        double kcp = Budgets.oneMinusAlphaBar(s, tp);
        // √ᾱ_{t'} x̂_0 = √(ᾱ_{t'}/ᾱ_t) (x_t − √(1 − ᾱ_t) ε): the prefix shared by ᾱ_t and ᾱ_{t'} cancels in the
        // quotient, which carries κ(r)/2 (r = ᾱ_t/ᾱ_{t'}); the bracket its subtraction, and the root of 1 − ᾱ_t its conditioning
        double direction = s.sqrtOneMinusAlphaBar(t) * Math.abs(p.eps());
        double x0Term = s.sqrtAlphaBar(tp) / s.sqrtAlphaBar(t)
            * ((Math.abs(p.xt()) + direction) * (Budgets.alphaBarRatio(s, t, tp) / 2 + 3) + direction * (kc / 2 + 1));
        double kr = Budgets.oneMinusAlphaBarRatio(s, t, tp);
        double kSigma2 = kcp + kc + kr + 4;
        double sigma2 = ref.std() * ref.std();
        double cPrev = s.oneMinusAlphaBar(tp);
        double coef2 = Math.max(cPrev - sigma2, 0);
        double coef = Math.sqrt(coef2);
        double coefError = coef > 0 ? (cPrev * (kcp + 1) + sigma2 * kSigma2) / (2 * coef) : Math.sqrt(cPrev * (kcp + 1) + sigma2 * kSigma2);
        double mean = x0Term + Math.abs(p.eps()) * (coef * 2 + coefError);
        double xPrev = mean + Math.abs(p.noise()) * ref.std() * (kSigma2 / 2 + 2) + Math.abs(ref.mean());
        return new DdimScales(mean, ref.std() * (kSigma2 / 2 + 2), xPrev, kSigma2 / 2 + 2, Math.max(kc, tp > 0 ? kcp : 0));
    }

    static ConformanceProperty<?> ddimReference(V2Gens g, double smallestAlphaBar) {
        return ConformanceProperty.of("ddim_step agrees with the reference (Song et al. 2021, eqs. 12 and 16)", Op.DDIM_STEP, REFERENCE,
            Set.of(), g.ddim(smallestAlphaBar, 1),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                DdimSteps got = ctx.impl().ddimStep(s.betas(), c.t(), c.tPrev(), c.column(V2Cases.DdimPoint::xt),
                    c.column(V2Cases.DdimPoint::eps), c.eta(), c.column(V2Cases.DdimPoint::noise));
                Outcome o = new Outcome(got.size());
                for (int i = 0; i < got.size(); i++) {
                    V2Cases.DdimPoint p = c.points().get(i);
                    Ddim.Step ref = Ddim.step(s, p.t(), p.tPrev(), p.xt(), p.eps(), c.eta(), p.noise());
                    DdimScales k = ddimScales(s, p, c.eta(), ref);
                    Resolution r = ddimResolution(ctx, s, p, x0Hat(s, p), k, 0);
                    Resolution rs = sigmaResolution(ctx, s, p, x0Hat(s, p), c.eta(), k, 0);
                    o.add(r, Comparison.of("mean[" + i + "]", got.mean(i), ref.mean(), ctx.abs(k.mean())));
                    o.add(rs, Comparison.of("std[" + i + "]", got.std(i), ref.std(), ctx.rel(k.kappaStd()).or(ctx.abs(k.std()))));
                    o.add(rs, Comparison.of("x_prev[" + i + "]", got.xPrev(i), ref.xPrev(), ctx.abs(k.xPrev())));
                }
                return o;
            }),
            (c, focus) -> c.show(focus));
    }

    /** x_t from the implementation's own q(x_t | x_0) and ε. */
    static double[] noisy(CheckContext ctx, NoiseSchedule s, double[] x0, double[] eps, int[] t) {
        MeanVariance q = ctx.impl().qMeanVariance(s.betas(), x0, t);
        double[] xt = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            xt[i] = q.mean(i) + Math.sqrt(q.variance(i)) * eps[i];
        }
        return xt;
    }

    /**
     * DDIM with η = 1 from t to t − 1 is the DDPM step: its mean and variance are the implementation's
     * own q(x_{t−1} | x_t, x_0) at the x_0 that its x_t was made from (t ≥ 2).
     */
    static ConformanceProperty<?> ddimIsPosteriorAtEtaOne(V2Gens g, double smallestAlphaBar) {
        return ConformanceProperty.of("ddim_step with eta = 1 and t_prev = t - 1 is the implementation's own posterior step",
            Op.DDIM_STEP, SELF, Set.of(Op.Q_MEAN_VARIANCE, Op.Q_POSTERIOR_MEAN_VARIANCE),
            g.ddim(smallestAlphaBar, 2).map(c -> new V2Cases.Ddim(c.family(), c.schedule(), 1.0, c.points().stream()
                .map(p -> new V2Cases.DdimPoint(p.t(), p.t() - 1, p.xt(), p.eps(), 0, p.x0())).toList())),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                int[] t = c.t();
                double[] x0 = c.column(V2Cases.DdimPoint::x0);
                double[] eps = c.column(V2Cases.DdimPoint::eps);
                double[] xt = noisy(ctx, s, x0, eps, t);
                DdimSteps got = ctx.impl().ddimStep(s.betas(), t, c.tPrev(), xt, eps, 1.0, new double[t.length]);
                MeanVariance post = ctx.impl().qPosteriorMeanVariance(s.betas(), x0, xt, t);
                Outcome o = new Outcome(t.length);
                for (int i = 0; i < t.length; i++) {
                    if (!Double.isFinite(xt[i])) {
                        o.add(Verdict.fail("x_t[" + i + "] from the implementation's own q(x_t | x_0) is " + xt[i]));
                        continue;
                    }
                    V2Cases.DdimPoint p = new V2Cases.DdimPoint(t[i], t[i] - 1, xt[i], eps[i], 0, x0[i]);
                    DdimScales k = ddimScales(s, p, 1, Ddim.step(s, t[i], t[i] - 1, xt[i], eps[i], 1, 0));
                    double kp = Budgets.posterior(s, t[i]);
                    double scale = 2 * k.mean() + kp * (Math.abs(x0[i]) + Math.abs(xt[i]));
                    Resolution r = ddimResolution(ctx, s, p, x0[i], k, kp);
                    o.add(r, Comparison.of("mean[" + i + "] vs own posterior mean", got.mean(i), post.mean(i), ctx.abs(scale)));
                    o.add(sigmaResolution(ctx, s, p, x0[i], 1, k, kp), Comparison.of("std[" + i + "]^2 vs own posterior variance", got.std(i) * got.std(i), post.variance(i),
                        ctx.rel(2 * k.kappaStd() + kp)));
                }
                return o;
            }),
            (c, focus) -> c.show(focus)).withMinSteps(2);
    }

    /**
     * DDIM with η = 0 and the true ε is deterministic and exact: from x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε it
     * lands on √ᾱ_{t'} x_0 + √(1−ᾱ_{t'}) ε, the implementation's own q(x_{t'} | x_0) with the same ε
     * (x_0 itself at t' = 0, where ᾱ_0 = 1).
     */
    static ConformanceProperty<?> ddimDeterministicLandsOnMarginal(V2Gens g, double smallestAlphaBar) {
        return ConformanceProperty.of("ddim_step with eta = 0 and the true eps lands on the implementation's own q(x_t' | x_0)",
            Op.DDIM_STEP, SELF, Set.of(Op.Q_MEAN_VARIANCE),
            g.ddim(smallestAlphaBar, 1).map(c -> new V2Cases.Ddim(c.family(), c.schedule(), 0.0, c.points())),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                int[] t = c.t();
                int[] tp = c.tPrev();
                double[] x0 = c.column(V2Cases.DdimPoint::x0);
                double[] eps = c.column(V2Cases.DdimPoint::eps);
                double[] xt = noisy(ctx, s, x0, eps, t);
                DdimSteps got = ctx.impl().ddimStep(s.betas(), t, tp, xt, eps, 0.0, new double[t.length]);
                double[] target = x0.clone();
                List<Integer> later = new ArrayList<>();
                for (int i = 0; i < t.length; i++) {
                    if (tp[i] > 0) {
                        later.add(i);
                    }
                }
                if (!later.isEmpty()) {
                    int[] idx = later.stream().mapToInt(Integer::intValue).toArray();
                    double[] x0s = new double[idx.length];
                    int[] ts = new int[idx.length];
                    double[] es = new double[idx.length];
                    for (int j = 0; j < idx.length; j++) {
                        x0s[j] = x0[idx[j]];
                        ts[j] = tp[idx[j]];
                        es[j] = eps[idx[j]];
                    }
                    double[] landed = noisy(ctx, s, x0s, es, ts);
                    for (int j = 0; j < idx.length; j++) {
                        target[idx[j]] = landed[j];
                    }
                }
                Outcome o = new Outcome(t.length);
                for (int i = 0; i < t.length; i++) {
                    if (!Double.isFinite(xt[i])) {
                        o.add(Verdict.fail("x_t[" + i + "] from the implementation's own q(x_t | x_0) is " + xt[i]));
                        continue;
                    }
                    V2Cases.DdimPoint p = new V2Cases.DdimPoint(t[i], tp[i], xt[i], eps[i], 0, x0[i]);
                    DdimScales k = ddimScales(s, p, 0, Ddim.step(s, t[i], tp[i], xt[i], eps[i], 0, 0));
                    double scale = 2 * k.mean() + (Math.abs(x0[i]) + Math.abs(eps[i])) * (Budgets.alphaBar(s, tp[i])
                        + Budgets.oneMinusAlphaBar(s, tp[i]) + 4);
                    o.add(ddimResolution(ctx, s, p, x0[i], k, 0), Comparison.of("mean[" + i + "] vs own sqrt(abar_t') x0 + sqrt(1 - abar_t') eps",
                        got.mean(i), target[i],
                        ctx.abs(scale)));
                }
                return o;
            }),
            (c, focus) -> c.show(focus).replace("xt = ", "x_t from x0 = ").replaceAll("x_t from x0 = [^,]*", "x_t from q(x_t | x0)"));
    }

    // ---- sigma_schedule ----

    /**
     * κ of a level as the published formula computes it. Karras: the base b = h + r(l − h), with h, l
     * the ρ-th roots (one rounding each), r = i/(n − 1) and three roundings in the interpolation, errs
     * by at most (|h| + |l| + 3|h − l| + |b|) u ≤ (4(h + l) + b) u; the exponent 1/ρ is itself rounded,
     * which moves σ^(1/ρ) by a further |ln σ| u / ρ relative (so h and l add (|ln σ_max| h + |ln σ_min| l) u / ρ);
     * raising to ρ multiplies the base's relative error by ρ, plus the rounding of the power. One level
     * (n = 1) is σ_max computed the same way (r = 0), not necessarily σ_max exactly. Exponential: the
     * same bound on the log-space argument, ≤ 5(|ln σ_max| + |ln σ_min|) u, whose absolute error is the
     * relative error of exp.
     */
    static double sigmaKappa(V2Cases.Sigmas c, int i) {
        double r = c.n() == 1 ? 0 : (double) i / (c.n() - 1);
        if (c.kind() == NoiseLevels.Kind.KARRAS) {
            double hi = Math.pow(c.sigmaMax(), 1 / c.rho());
            double lo = Math.pow(c.sigmaMin(), 1 / c.rho());
            double base = hi + r * (lo - hi);
            double roots = (Math.abs(Math.log(c.sigmaMax())) * hi + Math.abs(Math.log(c.sigmaMin())) * lo) / c.rho();
            return c.rho() * ((4 * (hi + lo) + roots) / base + 2) + 2;
        }
        return 5 * (Math.abs(Math.log(c.sigmaMax())) + Math.abs(Math.log(c.sigmaMin()))) + 3;
    }

    static ConformanceProperty<?> sigmaReference(List<NoiseLevels.Kind> kinds) {
        return ConformanceProperty.of("sigma_schedule agrees with the reference (Karras et al. 2022, eq. 5)", Op.SIGMA_SCHEDULE,
            REFERENCE, Set.of(), V2Gens.sigmas(kinds),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                double[] got = ctx.impl().sigmaSchedule(c.kind(), c.n(), c.sigmaMin(), c.sigmaMax(), c.rho());
                double[] ref = NoiseLevels.of(c.kind(), c.n(), c.sigmaMin(), c.sigmaMax(), c.rho());
                Outcome o = new Outcome(c.n());
                o.add(Verdict.check(got.length == c.n(), "the answer has n = " + c.n() + " levels, no trailing 0 (got " + got.length + ")"));
                for (int i = 0; i < Math.min(got.length, c.n()); i++) {
                    o.add(Comparison.of("sigma[" + i + "]", got[i], ref[i], ctx.rel(sigmaKappa(c, i))));
                }
                return o;
            }),
            (c, focus) -> c.toString());
    }

    static ConformanceProperty<?> sigmaRange(List<NoiseLevels.Kind> kinds) {
        return ConformanceProperty.of("noise levels run from sigma_max down to sigma_min", Op.SIGMA_SCHEDULE, SELF, Set.of(),
            V2Gens.sigmas(kinds),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                double[] got = ctx.impl().sigmaSchedule(c.kind(), c.n(), c.sigmaMin(), c.sigmaMax(), c.rho());
                Outcome o = new Outcome(c.n());
                if (got.length == 0) {
                    return o.add(Verdict.fail("no levels for n = " + c.n()));
                }
                o.add(Comparison.of("sigma[0] vs sigma_max", got[0], c.sigmaMax(), ctx.rel(sigmaKappa(c, 0))));
                if (c.n() >= 2) {
                    o.add(Comparison.of(String.format(Locale.ROOT, "sigma[%d] (the last) vs sigma_min", got.length - 1), got[got.length - 1],
                        c.sigmaMin(), ctx.rel(sigmaKappa(c, c.n() - 1))));
                }
                for (int i = 1; i < got.length; i++) {
                    o.add(Verdict.check(got[i] < got[i - 1], "sigma[" + i + "] = " + got[i] + " < sigma[" + (i - 1) + "] = " + got[i - 1]));
                }
                return o;
            }),
            (c, focus) -> c.toString());
    }
}
