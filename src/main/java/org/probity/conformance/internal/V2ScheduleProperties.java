package org.probity.conformance.internal;

import static org.probity.conformance.internal.ConformanceProperty.Kind.REFERENCE;
import static org.probity.conformance.internal.ConformanceProperty.Kind.SELF;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.probity.check.Verdict;
import org.probity.conformance.Description;
import org.probity.conformance.OpError;
import org.probity.conformance.Op;
import org.probity.conformance.ScheduleTable;
import org.probity.diffusion.NamedSchedule;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.Prediction;
import org.probity.diffusion.VPrediction;

/**
 * Properties of the version-2 schedule ops (PROTOCOL.md "Ops, version 2"): beta_schedule, snr,
 * get_velocity, predict_x0_from_v, loss_weight. References from {@code org.probity.diffusion}
 * ({@link NamedSchedule}, {@link NoiseSchedule}, {@link VPrediction}, {@link Prediction}).
 */
public final class V2ScheduleProperties {
    private V2ScheduleProperties() {
    }

    /** Every property of these ops, with the names and prediction types {@code d} declares. */
    public static List<ConformanceProperty<?>> all(CaseGens gens, Description d) {
        V2Gens g = new V2Gens(gens);
        List<NamedSchedule> names = Arrays.stream(NamedSchedule.values())
            .filter(n -> d.schedules().map(l -> l.contains(n.wireName())).orElse(true)).toList();
        List<Prediction> predictions = Variants.of(d, Op.LOSS_WEIGHT, Prediction.values(), Prediction::label);
        List<ConformanceProperty<?>> out = new ArrayList<>();
        for (ConformanceProperty<?> p : List.of(betaScheduleReference(g, names), betaScheduleRange(g, names),
            betaScheduleCumprod(g, names))) {
            out.add(names.isEmpty() ? p.unavailable("describe's schedules name none of " + NamedSchedule.names()) : p);
        }
        out.add(snrReference(gens));
        out.add(velocityReference(gens));
        out.add(x0FromVelocityReference(gens));
        out.add(velocityRoundTrip(gens));
        out.add(predictions.isEmpty() ? lossWeightReference(g, List.of(Prediction.values()))
            .unavailable(Variants.NONE_KNOWN + Op.LOSS_WEIGHT.knownVariants()) : lossWeightReference(g, predictions));
        ConformanceProperty<?> consistent = lossWeightConsistent(gens);
        out.add(predictions.size() == Prediction.values().length ? consistent
            : consistent.unavailable("needs all three prediction types; variants declare " + predictions));
        return out;
    }

    // ---- beta_schedule ----

    /** Answers a named-schedule request; an error outside the reference's domain is accepted (null). */
    static ScheduleTable answer(CheckContext ctx, V2Cases.Named c) {
        try {
            return ctx.impl().betaSchedule(c.name().wireName(), c.steps());
        } catch (OpError e) {
            if (c.inDomain()) {
                throw e;
            }
            return null;
        }
    }

    /** Prints a batch of named-schedule requests, or the one {@code focus} names. */
    static String showNamed(List<V2Cases.Named> requests, int focus) {
        if (focus >= 0 && focus < requests.size()) {
            return requests.get(focus).toString() + (requests.size() > 1 ? " (request " + focus + " of " + requests.size() + ")" : "");
        }
        return requests.toString();
    }

    static ConformanceProperty<?> betaScheduleReference(V2Gens g, List<NamedSchedule> names) {
        return ConformanceProperty.of("beta_schedule agrees with the reference (the published definition)", Op.BETA_SCHEDULE,
            REFERENCE, Set.of(), g.named(names.isEmpty() ? List.of(NamedSchedule.values()) : names),
            (ctx, cases) -> ScheduleProperties.perCase(cases, requests -> {
                Outcome o = new Outcome(requests.stream().mapToInt(V2Cases.Named::steps).sum());
                for (int k = 0; k < requests.size(); k++) {
                    V2Cases.Named c = requests.get(k);
                    ScheduleTable got = answer(ctx, c);
                    if (got == null || !c.inDomain()) {
                        continue; // outside the reference's domain: an error, or an answer only the self properties judge
                    }
                    double[] b = got.betas();
                    o.add(Verdict.check(b.length == c.steps(), "request[" + k + "]: betas has T = " + c.steps() + " values (got "
                        + b.length + ")"));
                    NoiseSchedule ref = c.name().schedule(c.steps());
                    for (int t = 1; t <= Math.min(b.length, c.steps()); t++) {
                        double kappa = Budgets.namedBeta(c.name(), c.steps(), t, ctx.precision().unitRoundoff());
                        o.add(Comparison.of("request[" + k + "] beta[t = " + t + "]", b[t - 1], ref.beta(t), ctx.rel(kappa)));
                    }
                }
                return o;
            }),
            V2ScheduleProperties::showNamed);
    }

    static ConformanceProperty<?> betaScheduleRange(V2Gens g, List<NamedSchedule> names) {
        return ConformanceProperty.of("0 < beta_t <= 1 and alpha_bar strictly decreasing, T values each", Op.BETA_SCHEDULE, SELF,
            Set.of(), g.named(names.isEmpty() ? List.of(NamedSchedule.values()) : names),
            (ctx, cases) -> ScheduleProperties.perCase(cases, requests -> {
                Outcome o = new Outcome(requests.stream().mapToInt(V2Cases.Named::steps).sum());
                double floor = CheckContext.ROUNDINGS * ctx.smallestAlphaBar();
                for (int k = 0; k < requests.size(); k++) {
                    V2Cases.Named c = requests.get(k);
                    ScheduleTable got = answer(ctx, c);
                    if (got == null) {
                        continue;
                    }
                    String r = "request[" + k + "]: ";
                    double[] b = got.betas();
                    double[] ab = got.alphasCumprod();
                    o.add(Verdict.check(b.length == c.steps() && ab.length == c.steps(), String.format(java.util.Locale.ROOT,
                        "%sbetas and alphas_cumprod have T = %d values (got %d and %d)", r, c.steps(), b.length, ab.length)));
                    for (int t = 1; t <= b.length; t++) {
                        o.add(Verdict.check(b[t - 1] > 0 && b[t - 1] <= 1, r + "0 < beta[t = " + t + "] <= 1 (got " + b[t - 1] + ")"));
                    }
                    for (int t = 1; t <= ab.length; t++) {
                        double prev = t == 1 ? 1 : ab[t - 2];
                        o.add(Verdict.check(ab[t - 1] < prev || prev < floor, r + "alpha_bar[t = " + t + "] < alpha_bar[t = "
                            + (t - 1) + "] (got " + ab[t - 1] + " and " + prev + ")"));
                    }
                }
                return o;
            }),
            V2ScheduleProperties::showNamed);
    }

    static ConformanceProperty<?> betaScheduleCumprod(V2Gens g, List<NamedSchedule> names) {
        return ConformanceProperty.of("alphas_cumprod is the cumulative product of the returned betas", Op.BETA_SCHEDULE, SELF,
            Set.of(), g.named(names.isEmpty() ? List.of(NamedSchedule.values()) : names),
            (ctx, cases) -> ScheduleProperties.perCase(cases, requests -> {
                Outcome o = new Outcome(requests.stream().mapToInt(V2Cases.Named::steps).sum());
                for (int k = 0; k < requests.size(); k++) {
                    ScheduleTable got = answer(ctx, requests.get(k));
                    if (got == null) {
                        continue;
                    }
                    double[] b = got.betas();
                    double[] ab = got.alphasCumprod();
                    if (b.length == 0 || !Arrays.stream(b).allMatch(x -> x > 0 && x <= 1)) {
                        continue; // the range property reports betas outside (0, 1]; their product is no schedule
                    }
                    NoiseSchedule own = NoiseSchedule.of(b);
                    for (int t = 1; t <= Math.min(b.length, ab.length); t++) {
                        o.add(Comparison.of("request[" + k + "] alphas_cumprod[t = " + t + "] vs prod(1 - beta)", ab[t - 1],
                            own.alphaBar(t), ctx.rel(Budgets.alphaBar(own, t))));
                    }
                }
                return o;
            }),
            V2ScheduleProperties::showNamed);
    }

    // ---- snr, v-prediction ----

    static ConformanceProperty<?> snrReference(CaseGens gens) {
        return ConformanceProperty.of("snr agrees with the reference", Op.SNR, REFERENCE, Set.of(), gens.scheduleCases(1, 1, false),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                double[] got = ctx.impl().snr(c.betas(), c.t());
                Outcome o = new Outcome(got.length);
                for (int i = 0; i < got.length; i++) {
                    int t = c.points().get(i).t();
                    double k = snrKappa(s, t);
                    o.add(ScheduleProperties.at(ctx, s, t, k), Comparison.of("snr[" + i + "]", got[i], s.snr(t), ctx.rel(k)));
                }
                return o;
            }),
            ScheduleProperties.show("t"));
    }

    /** κ of SNR_t = ᾱ_t / (1 − ᾱ_t): both conditionings and the division. */
    static double snrKappa(NoiseSchedule s, int t) {
        return Budgets.alphaBar(s, t) + Budgets.oneMinusAlphaBar(s, t) + 2;
    }

    /**
     * Whether the declared precision resolves the term b·√(1 − ᾱ_t) of a·√ᾱ_t − b·√(1 − ᾱ_t): always
     * when b = 0, else when {@link CheckContext#ROUNDINGS} u κ(√(1 − ᾱ_t)) &lt; 1/2. Where 1 − ᾱ_t is
     * below the format's resolution of ᾱ_t (1 − ᾱ_t rounds to 0 in float32 for β_1 ≈ 1e-9), the term
     * has no correct bit, and an absolute tolerance spread over it would excuse dropping it altogether.
     */
    static Resolution vResolution(CheckContext ctx, NoiseSchedule s, int t, double onSqrtOneMinus) {
        return onSqrtOneMinus == 0 ? Resolution.CHECKABLE : ScheduleProperties.at(ctx, s, t, Budgets.oneMinusAlphaBar(s, t) / 2 + 2);
    }

    /** Term scale of a·√ᾱ_t − b·√(1 − ᾱ_t): each term times the conditioning of its square root, plus two roundings. */
    static double vScale(NoiseSchedule s, int t, double onSqrtAlphaBar, double onSqrtOneMinus) {
        return Math.abs(s.sqrtAlphaBar(t) * onSqrtAlphaBar) * (Budgets.alphaBar(s, t) / 2 + 2)
            + Math.abs(s.sqrtOneMinusAlphaBar(t) * onSqrtOneMinus) * (Budgets.oneMinusAlphaBar(s, t) / 2 + 2);
    }

    static ConformanceProperty<?> velocityReference(CaseGens gens) {
        return ConformanceProperty.of("get_velocity agrees with the reference", Op.GET_VELOCITY, REFERENCE, Set.of(),
            gens.scheduleCases(1, 1, false),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                double[] got = ctx.impl().getVelocity(c.betas(), c.column(SchedulePoint::x0), c.column(SchedulePoint::eps), c.t());
                Outcome o = new Outcome(got.length);
                for (int i = 0; i < got.length; i++) {
                    SchedulePoint p = c.points().get(i);
                    o.add(vResolution(ctx, s, p.t(), p.x0()), Comparison.of("v[" + i + "]", got[i], VPrediction.velocity(s, p.t(), p.x0(), p.eps()),
                        ctx.orSqrtUnderflow(ctx.abs(vScale(s, p.t(), p.eps(), p.x0())), Math.abs(p.eps()))));
                }
                return o;
            }),
            ScheduleProperties.show("t", "x0", "eps"));
    }

    static ConformanceProperty<?> x0FromVelocityReference(CaseGens gens) {
        return ConformanceProperty.of("predict_x0_from_v agrees with the reference", Op.PREDICT_X0_FROM_V, REFERENCE, Set.of(),
            gens.scheduleCases(1, 1, false),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                // the batch's eps column serves as v
                double[] got = ctx.impl().predictX0FromV(c.betas(), c.column(SchedulePoint::xt), c.t(), c.column(SchedulePoint::eps));
                Outcome o = new Outcome(got.length);
                for (int i = 0; i < got.length; i++) {
                    SchedulePoint p = c.points().get(i);
                    o.add(vResolution(ctx, s, p.t(), p.eps()), Comparison.of("x0_hat[" + i + "]", got[i], VPrediction.x0FromVelocity(s, p.t(), p.xt(), p.eps()),
                        ctx.orSqrtUnderflow(ctx.abs(vScale(s, p.t(), p.xt(), p.eps())), Math.abs(p.xt()))));
                }
                return o;
            }),
            (c, focus) -> ScheduleProperties.show("t", "xt", "eps").apply(c, focus).replace("eps = ", "v = "));
    }

    /**
     * x_t from the implementation's own q(x_t | x_0) with ε, v from its own get_velocity, and x̂_0 from
     * its own predict_x0_from_v must give back x_0: √ᾱ(√ᾱ x_0 + √(1−ᾱ) ε) − √(1−ᾱ)(√ᾱ ε − √(1−ᾱ) x_0) = x_0.
     */
    static ConformanceProperty<?> velocityRoundTrip(CaseGens gens) {
        return ConformanceProperty.of("predict_x0_from_v inverts get_velocity through the implementation's own q(x_t | x_0)",
            Op.PREDICT_X0_FROM_V, SELF, Set.of(Op.GET_VELOCITY, Op.Q_MEAN_VARIANCE), gens.scheduleCases(1, 1, false),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                double[] x0 = c.column(SchedulePoint::x0);
                double[] eps = c.column(SchedulePoint::eps);
                int[] t = c.t();
                double[] xt = SamplerProperties.noisy(ctx, s, x0, eps, t);
                double[] v = ctx.impl().getVelocity(c.betas(), x0, eps, t);
                double[] back = ctx.impl().predictX0FromV(c.betas(), xt, t, v);
                Outcome o = new Outcome(t.length);
                for (int i = 0; i < t.length; i++) {
                    double scale = (Math.abs(x0[i]) + Math.abs(eps[i])) * (Budgets.alphaBar(s, t[i]) + Budgets.oneMinusAlphaBar(s, t[i]) + 8);
                    o.add(vResolution(ctx, s, t[i], Math.abs(x0[i]) + Math.abs(eps[i])), Comparison.of("x0_hat[" + i + "] vs x0", back[i], x0[i], ctx.orSqrtUnderflow(ctx.abs(scale), Math.abs(eps[i]))));
                }
                return o;
            }),
            ScheduleProperties.show("t", "x0", "eps"));
    }

    // ---- loss_weight ----

    static ConformanceProperty<?> lossWeightReference(V2Gens g, List<Prediction> predictions) {
        return ConformanceProperty.of("loss_weight agrees with the reference (Min-SNR-gamma)", Op.LOSS_WEIGHT, REFERENCE, Set.of(),
            g.weights(predictions),
            (ctx, cases) -> ScheduleProperties.perCase(cases, w -> {
                ScheduleCase c = w.schedule();
                NoiseSchedule s = c.schedule();
                double[] got = ctx.impl().lossWeight(c.betas(), c.t(), w.prediction(), w.gamma());
                Outcome o = new Outcome(got.length);
                for (int i = 0; i < got.length; i++) {
                    int t = c.points().get(i).t();
                    double k = snrKappa(s, t) + 2;
                    o.add(ScheduleProperties.at(ctx, s, t, k), Comparison.of("weight[" + i + "]", got[i],
                        w.prediction().minSnrWeight(s, t, w.gamma()), ctx.rel(k)));
                }
                return o;
            }),
            (w, focus) -> w + "; " + ScheduleProperties.show("t").apply(w.schedule(), focus));
    }

    /** w_ε·SNR = w_v·(SNR + 1) = w_x0 for the implementation's three weights, each finite (also at SNR = 0). */
    static ConformanceProperty<?> lossWeightConsistent(CaseGens gens) {
        return ConformanceProperty.of("the three Min-SNR weights give one weight in x0 space and stay finite", Op.LOSS_WEIGHT, SELF,
            Set.of(), org.probity.check.Gens.zip(gens.scheduleCases(1, 1, false), V2Gens.gammas()),
            (ctx, cases) -> ScheduleProperties.perCase(cases, pair -> {
                ScheduleCase c = pair.first();
                double gamma = pair.second();
                NoiseSchedule s = c.schedule();
                double[] eps = ctx.impl().lossWeight(c.betas(), c.t(), Prediction.EPSILON, gamma);
                double[] v = ctx.impl().lossWeight(c.betas(), c.t(), Prediction.V_PREDICTION, gamma);
                double[] x0 = ctx.impl().lossWeight(c.betas(), c.t(), Prediction.SAMPLE, gamma);
                Outcome o = new Outcome(eps.length);
                for (int i = 0; i < eps.length; i++) {
                    int t = c.points().get(i).t();
                    double snr = s.snr(t);
                    o.add(Verdict.check(Double.isFinite(eps[i]) && Double.isFinite(v[i]) && Double.isFinite(x0[i]),
                        "weights[" + i + "] finite (epsilon " + eps[i] + ", v_prediction " + v[i] + ", sample " + x0[i] + ")"));
                    double k = 2 * snrKappa(s, t) + 4;
                    Resolution r = ScheduleProperties.at(ctx, s, t, k);
                    o.add(r, Comparison.of("weight_epsilon[" + i + "] * SNR vs weight_sample", eps[i] * snr, x0[i], ctx.rel(k)));
                    o.add(r, Comparison.of("weight_v[" + i + "] * (SNR + 1) vs weight_sample", v[i] * (snr + 1), x0[i], ctx.rel(k)));
                }
                return o;
            }),
            (pair, focus) -> "gamma = " + pair.second() + "; " + ScheduleProperties.show("t").apply(pair.first(), focus));
    }
}
