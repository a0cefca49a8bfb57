package org.probity.conformance.internal;

import static org.probity.conformance.internal.ConformanceProperty.Kind.REFERENCE;
import static org.probity.conformance.internal.ConformanceProperty.Kind.SELF;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.probity.conformance.MeanVariance;
import org.probity.conformance.Op;
import org.probity.diffusion.NoiseSchedule;

/**
 * Properties of the schedule ops: alphas_cumprod, q_mean_variance, q_posterior_mean_variance,
 * predict_x0_from_eps. One request per case (a schedule with a batch of points).
 */
public final class ScheduleProperties {
    private ScheduleProperties() {
    }

    /** Every schedule-op property. */
    public static List<ConformanceProperty<?>> all(CaseGens gens) {
        return List.of(alphasCumprod(gens), qMeanVarianceReference(gens), qMeanVarianceLogConsistent(gens), posteriorReference(gens),
            posteriorBayes(gens), posteriorLogConsistent(gens), predictReference(gens), predictRecovers(gens));
    }

    /**
     * Whether the declared precision resolves a schedule quantity of condition {@code kappa} at step
     * {@code t}, naming 1 − ᾱ at t (and at t − 1 when it is smaller), the cause of ill-conditioning.
     */
    static Resolution at(CheckContext ctx, NoiseSchedule s, int t, double kappa) {
        return ctx.resolution(kappa, () -> {
            int u = t >= 2 && s.oneMinusAlphaBar(t - 1) < s.oneMinusAlphaBar(t) ? t - 1 : t;
            return String.format(Locale.ROOT, "1 - alpha_bar_%d = %.3g", u, s.oneMinusAlphaBar(u));
        });
    }

    /**
     * The condition number of exp(L) compared with a variance v: twice the variance's (both sides
     * carry its error), plus |L| + 1, because exp turns an absolute error δ of L into a relative
     * error δ of exp(L), and a correctly rounded L carries δ up to u |L|.
     */
    static double expOfLog(double kappaOfVariance, double logVariance) {
        return 2 * kappaOfVariance + Math.abs(logVariance) + 1;
    }

    /** One outcome per case, each case answered by its own request(s). */
    static <C> List<Outcome> perCase(List<C> cases, Function<C, Outcome> f) {
        List<Outcome> out = new ArrayList<>(cases.size());
        for (C c : cases) {
            out.add(f.apply(c));
        }
        return out;
    }

    /** Prints the schedule and the points' arguments, naming those the op takes. */
    static BiFunction<ScheduleCase, Integer, String> show(String... args) {
        return (c, focus) -> {
            StringBuilder sb = new StringBuilder(c.describeSchedule());
            List<SchedulePoint> pts = c.points();
            boolean one = focus >= 0 && focus < pts.size();
            for (int i = one ? focus : 0; i < pts.size() && (one ? i == focus : i < 4); i++) {
                SchedulePoint p = pts.get(i);
                List<String> parts = new ArrayList<>();
                for (String a : args) {
                    parts.add(a + " = " + switch (a) {
                        case "t" -> Integer.toString(p.t());
                        case "x0" -> Double.toString(p.x0());
                        case "xt" -> Double.toString(p.xt());
                        case "eps" -> Double.toString(p.eps());
                        case "model_mean" -> Double.toString(p.modelMean());
                        case "model_log_variance" -> Double.toString(p.modelLogVariance());
                        default -> "?";
                    });
                }
                sb.append(String.format(Locale.ROOT, "; [%d] %s", i, String.join(", ", parts)));
            }
            if (one && pts.size() > 1) {
                sb.append(" (element ").append(focus).append(" of a batch of ").append(pts.size()).append(')');
            } else if (!one && pts.size() > 4) {
                sb.append("; … (").append(pts.size()).append(" points)");
            }
            return sb.toString();
        };
    }

    static ConformanceProperty<?> alphasCumprod(CaseGens gens) {
        return ConformanceProperty.of("alphas_cumprod agrees with the reference", Op.ALPHAS_CUMPROD, REFERENCE, Set.of(),
            gens.schedules(1).map(p -> new ScheduleCase(p.family(), p.schedule(), List.of())),
            (ctx, cases) -> perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                double[] ab = ctx.impl().alphasCumprod(c.betas());
                Outcome o = new Outcome(ab.length);
                for (int t = 1; t <= s.steps(); t++) {
                    o.add(Comparison.of("alpha_bar[t = " + t + "]", ab[t - 1], s.alphaBar(t), ctx.rel(Budgets.alphaBar(s, t))));
                }
                return o;
            }),
            (c, focus) -> c.describeSchedule());
    }

    static ConformanceProperty<?> qMeanVarianceReference(CaseGens gens) {
        return ConformanceProperty.of("q(x_t | x_0) agrees with the reference", Op.Q_MEAN_VARIANCE, REFERENCE, Set.of(),
            gens.scheduleCases(1, 1, false),
            (ctx, cases) -> perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                MeanVariance mv = ctx.impl().qMeanVariance(c.betas(), c.column(SchedulePoint::x0), c.t());
                Outcome o = new Outcome(mv.size());
                for (int i = 0; i < mv.size(); i++) {
                    SchedulePoint p = c.points().get(i);
                    int t = p.t();
                    double kab = Budgets.alphaBar(s, t);
                    double k1m = Budgets.oneMinusAlphaBar(s, t);
                    Resolution r = at(ctx, s, t, k1m);
                    o.add(at(ctx, s, t, 1 + kab), Comparison.of("mean[" + i + "]", mv.mean(i), s.sqrtAlphaBar(t) * p.x0(),
                        ctx.orSqrtUnderflow(ctx.rel(1 + kab), Math.abs(p.x0()))));
                    o.add(r, Comparison.of("variance[" + i + "]", mv.variance(i), s.oneMinusAlphaBar(t), ctx.rel(k1m)));
                    o.add(r, Comparison.of("log_variance[" + i + "]", mv.logVariance(i), s.logOneMinusAlphaBar(t),
                        ctx.logOf(k1m, s.logOneMinusAlphaBar(t))));
                }
                return o;
            }),
            show("t", "x0"));
    }

    static ConformanceProperty<?> qMeanVarianceLogConsistent(CaseGens gens) {
        return ConformanceProperty.of("q(x_t | x_0): log_variance is the log of variance", Op.Q_MEAN_VARIANCE, SELF, Set.of(),
            gens.scheduleCases(1, 1, false),
            (ctx, cases) -> perCase(cases, c -> {
                MeanVariance mv = ctx.impl().qMeanVariance(c.betas(), c.column(SchedulePoint::x0), c.t());
                Outcome o = new Outcome(mv.size());
                for (int i = 0; i < mv.size(); i++) {
                    NoiseSchedule s = c.schedule();
                    int t = c.points().get(i).t();
                    double k1m = Budgets.oneMinusAlphaBar(s, t);
                    o.add(at(ctx, s, t, 2 * k1m), Comparison.of("exp(log_variance[" + i + "]) vs variance",
                        Math.exp(mv.logVariance(i)), mv.variance(i), ctx.rel(expOfLog(k1m, s.logOneMinusAlphaBar(t)))));
                }
                return o;
            }),
            show("t", "x0"));
    }

    static ConformanceProperty<?> posteriorReference(CaseGens gens) {
        return ConformanceProperty.of("q(x_{t-1} | x_t, x_0) agrees with the reference", Op.Q_POSTERIOR_MEAN_VARIANCE, REFERENCE,
            Set.of(), gens.scheduleCases(2, 2, false),
            (ctx, cases) -> perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                MeanVariance mv = ctx.impl().qPosteriorMeanVariance(c.betas(), c.column(SchedulePoint::x0),
                    c.column(SchedulePoint::xt), c.t());
                Outcome o = new Outcome(mv.size());
                for (int i = 0; i < mv.size(); i++) {
                    SchedulePoint p = c.points().get(i);
                    int t = p.t();
                    double a = s.posteriorMeanCoefX0(t) * p.x0();
                    double b = s.posteriorMeanCoefXt(t) * p.xt();
                    double k = Budgets.posterior(s, t);
                    Resolution r = at(ctx, s, t, k);
                    o.add(r, Comparison.of("mean[" + i + "]", mv.mean(i), a + b,
                        ctx.orSqrtUnderflow(ctx.abs(k * (Math.abs(a) + Math.abs(b))), Math.abs(p.x0()))));
                    o.add(r, Comparison.of("variance[" + i + "]", mv.variance(i), s.posteriorVariance(t), ctx.rel(k)));
                    o.add(r, Comparison.of("log_variance[" + i + "]", mv.logVariance(i), s.logPosteriorVariance(t),
                        ctx.logOf(k, s.logPosteriorVariance(t))));
                }
                return o;
            }),
            show("t", "x0", "xt")).withMinSteps(2);
    }

    /**
     * Bayes' rule on the implementation's own marginal q(x_{t−1} | x_0) = N(m, A) and the one-step
     * transition N(√(1 − β_t) x_{t−1}, β_t): variance Aβ / (β + (1 − β)A), mean
     * (β m + √(1 − β) A x_t) / (β + (1 − β)A).
     */
    static ConformanceProperty<?> posteriorBayes(CaseGens gens) {
        return ConformanceProperty.of("q(x_{t-1} | x_t, x_0) is Bayes' rule on the implementation's own q(x_{t-1} | x_0)",
            Op.Q_POSTERIOR_MEAN_VARIANCE, SELF, Set.of(Op.Q_MEAN_VARIANCE), gens.scheduleCases(2, 2, false),
            (ctx, cases) -> perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                double[] x0 = c.column(SchedulePoint::x0);
                int[] t = c.t();
                int[] tPrev = new int[t.length];
                for (int i = 0; i < t.length; i++) {
                    tPrev[i] = t[i] - 1;
                }
                MeanVariance prev = ctx.impl().qMeanVariance(c.betas(), x0, tPrev);
                MeanVariance post = ctx.impl().qPosteriorMeanVariance(c.betas(), x0, c.column(SchedulePoint::xt), t);
                Outcome o = new Outcome(t.length);
                for (int i = 0; i < t.length; i++) {
                    double beta = s.beta(t[i]);
                    double bigA = prev.variance(i);
                    double den = beta + (1 - beta) * bigA;
                    double u = beta * prev.mean(i);
                    double w = Math.sqrt(1 - beta) * bigA * c.points().get(i).xt();
                    double k = Budgets.posterior(s, t[i]) + 4;
                    Resolution r = at(ctx, s, t[i], k);
                    o.add(r, Comparison.of("variance[" + i + "]", post.variance(i), bigA * beta / den, ctx.rel(k)));
                    o.add(r, Comparison.of("mean[" + i + "]", post.mean(i), (u + w) / den,
                        ctx.abs(k * (Math.abs(u) + Math.abs(w)) / den)));
                }
                return o;
            }),
            show("t", "x0", "xt")).withMinSteps(2);
    }

    static ConformanceProperty<?> posteriorLogConsistent(CaseGens gens) {
        return ConformanceProperty.of("q(x_{t-1} | x_t, x_0): log_variance is the log of variance", Op.Q_POSTERIOR_MEAN_VARIANCE,
            SELF, Set.of(), gens.scheduleCases(2, 2, false),
            (ctx, cases) -> perCase(cases, c -> {
                MeanVariance mv = ctx.impl().qPosteriorMeanVariance(c.betas(), c.column(SchedulePoint::x0),
                    c.column(SchedulePoint::xt), c.t());
                Outcome o = new Outcome(mv.size());
                for (int i = 0; i < mv.size(); i++) {
                    NoiseSchedule s = c.schedule();
                    int t = c.points().get(i).t();
                    double k = Budgets.posterior(s, t);
                    o.add(at(ctx, s, t, 2 * k), Comparison.of("exp(log_variance[" + i + "]) vs variance",
                        Math.exp(mv.logVariance(i)), mv.variance(i), ctx.rel(expOfLog(k, s.logPosteriorVariance(t)))));
                }
                return o;
            }),
            show("t", "x0", "xt")).withMinSteps(2);
    }

    /** Schedule batches whose timesteps avoid ᾱ_t = 0, where x̂_0 is undefined (moved to the last t with ᾱ_t > 0). */
    static org.probity.check.Gen<ScheduleCase> predictCases(CaseGens gens) {
        return gens.scheduleCases(1, 1, false).map(c -> {
            List<SchedulePoint> pts = new ArrayList<>();
            for (SchedulePoint p : c.points()) {
                int t = p.t();
                while (t > 1 && !(c.schedule().alphaBar(t) > 0)) {
                    t--;
                }
                pts.add(new SchedulePoint(t, p.x0(), p.xt(), p.eps(), p.modelMean(), p.modelLogVariance()));
            }
            return c.withPoints(pts);
        });
    }

    /**
     * The magnitude M of the terms of x̂_0 = (x_t − √(1 − ᾱ_t) ε) / √ᾱ_t: (|x_t| + √(1 − ᾱ_t) |ε|) / √ᾱ_t.
     */
    private static double predictMagnitude(NoiseSchedule s, int t, double xt, double eps) {
        return (Math.abs(xt) + s.sqrtOneMinusAlphaBar(t) * Math.abs(eps)) / s.sqrtAlphaBar(t);
    }

    /**
     * The condition of x̂_0 relative to {@link #predictMagnitude}: the x_t term carries the error of
     * 1/√ᾱ_t (κ(ᾱ_t)/2 + 2 roundings), the ε term also that of √(1 − ᾱ_t) (κ(1 − ᾱ_t)/2), each weighted
     * by its share of the magnitude, so that an ill-conditioned 1 − ᾱ_t excuses an error only in
     * proportion to the term it multiplies.
     */
    private static double predictCondition(NoiseSchedule s, int t, double xt, double eps) {
        double kx = 2 + Budgets.alphaBar(s, t);
        double ke = kx + Budgets.oneMinusAlphaBar(s, t) / 2;
        double wx = Math.abs(xt);
        double we = s.sqrtOneMinusAlphaBar(t) * Math.abs(eps);
        return wx + we > 0 ? (kx * wx + ke * we) / (wx + we) : ke;
    }

    static ConformanceProperty<?> predictReference(CaseGens gens) {
        return ConformanceProperty.of("x0 from eps agrees with the reference", Op.PREDICT_X0_FROM_EPS, REFERENCE, Set.of(),
            predictCases(gens),
            (ctx, cases) -> perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                double[] got = ctx.impl().predictX0FromEps(c.betas(), c.column(SchedulePoint::xt), c.t(), c.column(SchedulePoint::eps));
                Outcome o = new Outcome(got.length);
                for (int i = 0; i < got.length; i++) {
                    SchedulePoint p = c.points().get(i);
                    if (!(s.alphaBar(p.t()) >= ctx.smallestAlphaBar())) {
                        continue; // x0 is undefined where alpha_bar_t = 0 (zero terminal SNR) or underflows the format
                    }
                    double expected = (p.xt() - s.sqrtOneMinusAlphaBar(p.t()) * p.eps()) / s.sqrtAlphaBar(p.t());
                    double k = predictCondition(s, p.t(), p.xt(), p.eps());
                    o.add(at(ctx, s, p.t(), k), Comparison.of("x0_hat[" + i + "]", got[i], expected,
                        ctx.abs(k * predictMagnitude(s, p.t(), p.xt(), p.eps()))));
                }
                return o;
            }),
            show("t", "xt", "eps"));
    }

    static ConformanceProperty<?> predictRecovers(CaseGens gens) {
        return ConformanceProperty.of("x0 from the true eps recovers x0 (x_t from the implementation's own q(x_t | x_0))",
            Op.PREDICT_X0_FROM_EPS, SELF, Set.of(Op.Q_MEAN_VARIANCE), predictCases(gens),
            (ctx, cases) -> perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                double[] x0 = c.column(SchedulePoint::x0);
                double[] eps = c.column(SchedulePoint::eps);
                int[] t = c.t();
                double[] xt = SamplerProperties.noisy(ctx, s, x0, eps, t);
                double[] got = ctx.impl().predictX0FromEps(c.betas(), xt, t, eps);
                Outcome o = new Outcome(t.length);
                for (int i = 0; i < t.length; i++) {
                    if (!(s.alphaBar(t[i]) >= ctx.smallestAlphaBar())) {
                        continue;
                    }
                    double k = predictCondition(s, t[i], xt[i], eps[i]);
                    o.add(at(ctx, s, t[i], 2 * k), Comparison.of("x0_hat[" + i + "] vs x0", got[i], x0[i],
                        ctx.abs(2 * k * predictMagnitude(s, t[i], xt[i], eps[i]))));
                }
                return o;
            }),
            show("t", "x0", "eps"));
    }

    static String joined(double[] xs) {
        return java.util.Arrays.stream(xs).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
