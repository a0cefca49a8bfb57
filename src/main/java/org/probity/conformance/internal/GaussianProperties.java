package org.probity.conformance.internal;

import static org.probity.conformance.internal.ConformanceProperty.Kind.REFERENCE;
import static org.probity.conformance.internal.ConformanceProperty.Kind.SELF;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.probity.check.Gen;
import org.probity.check.Gens;
import org.probity.check.Verdict;
import org.probity.conformance.MeanVariance;
import org.probity.conformance.Op;
import org.probity.diffusion.NoiseSchedule;
import org.probity.math.NeumaierSum;

/**
 * Properties of normal_kl, discretized_gaussian_log_likelihood, prior_kl and vb_term. The
 * non-schedule ops answer all cases of a property in one request.
 */
public final class GaussianProperties {
    private GaussianProperties() {
    }

    /** Every property of these ops. */
    public static List<ConformanceProperty<?>> all(CaseGens gens) {
        return List.of(normalKlReference(), normalKlSelf(), decoderReference(), decoderSumsToOne(), priorKlReference(gens),
            priorKlSelf(gens), vbTermReference(gens), vbTermZeroAtPosterior(gens));
    }

    /** Flattens the cases' rows (each {@code width} numbers) into columns. */
    static double[][] columns(List<List<double[]>> cases, int width) {
        int n = cases.stream().mapToInt(List::size).sum();
        double[][] cols = new double[width][n];
        int j = 0;
        for (List<double[]> c : cases) {
            for (double[] row : c) {
                for (int k = 0; k < width; k++) {
                    cols[k][j] = row[k];
                }
                j++;
            }
        }
        return cols;
    }

    static String showRows(List<double[]> rows, int focus, String... names) {
        return showBatch(rows, focus, "element", "points", row -> {
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < names.length; k++) {
                parts.add(names[k] + " = " + row[k]);
            }
            return String.join(", ", parts);
        });
    }

    /**
     * A batch for a report: the row in {@code focus} with its place ("[2] ... (element 2 of a batch of
     * 5)"), or with no focus the first four rows and the batch size.
     */
    static <T> String showBatch(List<T> rows, int focus, String element, String elements, Function<T, String> describe) {
        StringBuilder sb = new StringBuilder();
        boolean one = focus >= 0 && focus < rows.size();
        for (int i = one ? focus : 0; i < rows.size() && (one ? i == focus : i < 4); i++) {
            sb.append(sb.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "[%d] %s", i, describe.apply(rows.get(i))));
        }
        if (one && rows.size() > 1) {
            sb.append(" (").append(element).append(' ').append(focus).append(" of a batch of ").append(rows.size()).append(')');
        } else if (!one && rows.size() > 4) {
            sb.append("; … (").append(rows.size()).append(' ').append(elements).append(')');
        }
        return sb.toString();
    }

    interface RowCheck {
        void check(CheckContext ctx, Outcome o, int index, double[] row, double answer);
    }

    /** One request for all cases: rows of {@code width} arguments → one answer per row. */
    static List<Outcome> oneRequest(CheckContext ctx, List<List<double[]>> cases, int width,
                                    Function<double[][], double[]> call, RowCheck check) {
        double[] got = call.apply(columns(cases, width));
        List<Outcome> out = new ArrayList<>(cases.size());
        int j = 0;
        for (List<double[]> c : cases) {
            Outcome o = new Outcome(c.size());
            for (int i = 0; i < c.size(); i++) {
                check.check(ctx, o, i, c.get(i), got[j++]);
            }
            out.add(o);
        }
        return out;
    }

    static ConformanceProperty<?> normalKlReference() {
        return ConformanceProperty.of("normal_kl agrees with the reference", Op.NORMAL_KL, REFERENCE, Set.of(),
            Gens.lists(CaseGens.normalPairs(), 1, CaseGens.MAX_POINTS),
            (ctx, cases) -> oneRequest(ctx, cases, 4, a -> ctx.impl().normalKl(a[0], a[1], a[2], a[3]),
                (c, o, i, r, got) -> o.add(Comparison.of("kl[" + i + "]", got, Reference.normalKl(r[0], r[1], r[2], r[3]),
                    c.abs(Reference.normalKlScale(r[0], r[1], r[2], r[3]))))),
            (rows, focus) -> showRows(rows, focus, "mean1", "logvar1", "mean2", "logvar2"));
    }

    /** KL(p ‖ q) ≥ 0 and KL(p ‖ p) = 0, both asked in the same request. */
    static ConformanceProperty<?> normalKlSelf() {
        Gen<List<double[]>> gen = Gens.lists(CaseGens.normalPairs().map(r -> new double[] {r[0], r[1], r[2], r[3], 0}), 1,
            CaseGens.MAX_POINTS).map(rows -> {
                List<double[]> all = new ArrayList<>();
                for (double[] r : rows) {
                    all.add(r);
                    all.add(new double[] {r[0], r[1], r[0], r[1], 1});
                }
                return all;
            });
        return ConformanceProperty.of("normal_kl >= 0 and KL(p || p) = 0", Op.NORMAL_KL, SELF, Set.of(), gen,
            (ctx, cases) -> oneRequest(ctx, cases, 5, a -> ctx.impl().normalKl(a[0], a[1], a[2], a[3]),
                (c, o, i, r, got) -> {
                    var tol = c.abs(Reference.normalKlScale(r[0], r[1], r[2], r[3]));
                    o.add(r[4] == 1 ? Comparison.of("kl(p, p)[" + i + "]", got, 0.0, tol)
                        : Comparison.atLeast("kl[" + i + "]", got, 0.0, tol));
                }),
            (rows, focus) -> showRows(rows, focus, "mean1", "logvar1", "mean2", "logvar2"));
    }

    static ConformanceProperty<?> decoderReference() {
        return ConformanceProperty.of("discretized log-likelihood agrees with the reference",
            Op.DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD, REFERENCE, Set.of(), Gens.lists(CaseGens.decoderPoints(), 1, CaseGens.MAX_POINTS),
            (ctx, cases) -> oneRequest(ctx, cases, 3, a -> ctx.impl().discretizedGaussianLogLikelihood(a[0], a[1], a[2]),
                (c, o, i, r, got) -> o.add(Comparison.of("log_p[" + i + "]", got, Reference.logBinProbability(r[0], r[1], r[2]),
                    c.abs(Reference.decoderScale(r[0], r[1], r[2]))))),
            (rows, focus) -> showRows(rows, focus, "x", "mean", "log_scale"));
    }

    /** Σ over the 256 bins of exp(log p) = 1, for each (mean, log_scale); all bins of all cases in one request. */
    static ConformanceProperty<?> decoderSumsToOne() {
        Gen<List<double[]>> gen = Gens.lists(CaseGens.decoderPoints().map(r -> new double[] {r[1], r[2]}), 1, 8);
        return ConformanceProperty.of("discretized likelihood sums to 1 over the 256 bins",
            Op.DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD, SELF, Set.of(), gen,
            (ctx, cases) -> {
                List<List<double[]>> expanded = new ArrayList<>();
                for (List<double[]> c : cases) {
                    List<double[]> rows = new ArrayList<>();
                    for (double[] ms : c) {
                        for (int k = 0; k < 256; k++) {
                            rows.add(new double[] {CaseGens.grid(k), ms[0], ms[1]});
                        }
                    }
                    expanded.add(rows);
                }
                double[][] cols = columns(expanded, 3);
                double[] got = ctx.impl().discretizedGaussianLogLikelihood(cols[0], cols[1], cols[2]);
                List<Outcome> out = new ArrayList<>();
                int j = 0;
                for (List<double[]> c : cases) {
                    Outcome o = new Outcome(256 * c.size());
                    for (int i = 0; i < c.size(); i++) {
                        NeumaierSum sum = NeumaierSum.create();
                        double scale = 256;
                        for (int k = 0; k < 256; k++, j++) {
                            sum.add(Math.exp(got[j]));
                            double x = CaseGens.grid(k);
                            scale += Math.exp(Reference.logBinProbability(x, c.get(i)[0], c.get(i)[1]))
                                * Reference.decoderScale(x, c.get(i)[0], c.get(i)[1]);
                        }
                        o.add(Comparison.of("sum of the 256 bin probabilities [" + i + "]", sum.sum(), 1.0, ctx.abs(scale)));
                    }
                    out.add(o);
                }
                return out;
            },
            (rows, focus) -> showRows(rows, focus, "mean", "log_scale"));
    }

    private static double priorScale(NoiseSchedule s, double x0) {
        int t = s.steps();
        double ab = s.alphaBar(t);
        double m = s.sqrtAlphaBar(t) * x0;
        double lv = s.logOneMinusAlphaBar(t);
        return Reference.normalKlScale(m, lv, 0, 0) + (x0 * x0 + ab / s.oneMinusAlphaBar(t)) * ab * Budgets.alphaBar(s, t);
    }

    static ConformanceProperty<?> priorKlReference(CaseGens gens) {
        return ConformanceProperty.of("prior_kl agrees with the reference", Op.PRIOR_KL, REFERENCE, Set.of(),
            gens.scheduleCases(1, 1, false),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                int t = s.steps();
                double[] got = ctx.impl().priorKl(c.betas(), c.column(SchedulePoint::x0));
                Outcome o = new Outcome(got.length);
                for (int i = 0; i < got.length; i++) {
                    double x0 = c.points().get(i).x0();
                    double expected = Reference.normalKl(s.sqrtAlphaBar(t) * x0, s.logOneMinusAlphaBar(t), 0, 0);
                    o.add(ScheduleProperties.at(ctx, s, t, Budgets.oneMinusAlphaBar(s, t)),
                        Comparison.of("prior_kl[" + i + "]", got[i], expected, ctx.abs(priorScale(s, x0))));
                }
                return o;
            }),
            ScheduleProperties.show("x0"));
    }

    static ConformanceProperty<?> priorKlSelf(CaseGens gens) {
        return ConformanceProperty.of("prior_kl is normal_kl of the implementation's own q(x_T | x_0) against N(0, 1)",
            Op.PRIOR_KL, SELF, Set.of(Op.Q_MEAN_VARIANCE, Op.NORMAL_KL), gens.scheduleCases(1, 1, false),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                double[] x0 = c.column(SchedulePoint::x0);
                int n = x0.length;
                int[] bigT = new int[n];
                java.util.Arrays.fill(bigT, s.steps());
                double[] got = ctx.impl().priorKl(c.betas(), x0);
                MeanVariance q = ctx.impl().qMeanVariance(c.betas(), x0, bigT);
                double[] kl = ctx.impl().normalKl(q.mean(), q.logVariance(), new double[n], new double[n]);
                Outcome o = new Outcome(n);
                for (int i = 0; i < n; i++) {
                    o.add(ScheduleProperties.at(ctx, s, s.steps(), Budgets.oneMinusAlphaBar(s, s.steps())),
                        Comparison.of("prior_kl[" + i + "] vs normal_kl(q(x_T | x_0), N(0, 1))", got[i], kl[i],
                            ctx.abs(2 * priorScale(s, x0[i]))));
                }
                return o;
            }),
            ScheduleProperties.show("x0"));
    }

    private static double vbScale(NoiseSchedule s, SchedulePoint p) {
        int t = p.t();
        if (t == 1) {
            return Reference.decoderScale(p.x0(), p.modelMean(), 0.5 * p.modelLogVariance());
        }
        double a = s.posteriorMeanCoefX0(t) * p.x0();
        double b = s.posteriorMeanCoefXt(t) * p.xt();
        double pm = a + b;
        double plv = s.logPosteriorVariance(t);
        double k = Budgets.posterior(s, t);
        return Reference.normalKlScale(pm, plv, p.modelMean(), p.modelLogVariance())
            + 2 * Math.abs(pm - p.modelMean()) * Math.exp(-p.modelLogVariance()) * k * (Math.abs(a) + Math.abs(b))
            + (Math.exp(plv - p.modelLogVariance()) + 1) * k;
    }

    static ConformanceProperty<?> vbTermReference(CaseGens gens) {
        return ConformanceProperty.of("vb_term agrees with the reference (KL for t >= 2, decoder NLL for t = 1)", Op.VB_TERM,
            REFERENCE, Set.of(), gens.scheduleCases(1, 1, true),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                double[] got = ctx.impl().vbTerm(c.betas(), c.column(SchedulePoint::x0), c.column(SchedulePoint::xt), c.t(),
                    c.column(SchedulePoint::modelMean), c.column(SchedulePoint::modelLogVariance));
                Outcome o = new Outcome(got.length);
                for (int i = 0; i < got.length; i++) {
                    SchedulePoint p = c.points().get(i);
                    int t = p.t();
                    double expected = t == 1
                        ? -Reference.logBinProbability(p.x0(), p.modelMean(), 0.5 * p.modelLogVariance())
                        : Reference.normalKl(s.posteriorMeanCoefX0(t) * p.x0() + s.posteriorMeanCoefXt(t) * p.xt(),
                            s.logPosteriorVariance(t), p.modelMean(), p.modelLogVariance());
                    Verdict v = Comparison.of("vb_term[" + i + "] (t = " + t + ")", got[i], expected, ctx.abs(vbScale(s, p)));
                    o.add(t == 1 ? Resolution.CHECKABLE : ScheduleProperties.at(ctx, s, t, Budgets.posterior(s, t)), v);
                }
                return o;
            }),
            ScheduleProperties.show("t", "x0", "xt", "model_mean", "model_log_variance"));
    }

    static ConformanceProperty<?> vbTermZeroAtPosterior(CaseGens gens) {
        return ConformanceProperty.of("vb_term is 0 when the model is the implementation's own posterior (t >= 2)",
            Op.VB_TERM, SELF, Set.of(Op.Q_POSTERIOR_MEAN_VARIANCE), gens.scheduleCases(2, 2, false),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                double[] x0 = c.column(SchedulePoint::x0);
                double[] xt = c.column(SchedulePoint::xt);
                int[] t = c.t();
                MeanVariance post = ctx.impl().qPosteriorMeanVariance(c.betas(), x0, xt, t);
                double[] got = ctx.impl().vbTerm(c.betas(), x0, xt, t, post.mean(), post.logVariance());
                Outcome o = new Outcome(t.length);
                for (int i = 0; i < t.length; i++) {
                    double lv = post.logVariance(i);
                    double scale = 1 + 2 * Math.abs(lv) + Budgets.posterior(s, t[i]);
                    o.add(ScheduleProperties.at(ctx, s, t[i], Budgets.posterior(s, t[i])),
                        Comparison.of("vb_term[" + i + "] at model = posterior", got[i], 0.0, ctx.abs(scale)));
                }
                return o;
            }),
            ScheduleProperties.show("t", "x0", "xt")).withMinSteps(2);
    }
}
