package org.probity.conformance.internal;

import static org.probity.conformance.internal.ConformanceProperty.Kind.REFERENCE;
import static org.probity.conformance.internal.ConformanceProperty.Kind.SELF;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probity.check.Gen;
import org.probity.conformance.Description;
import org.probity.conformance.Op;
import org.probity.diffusion.DiscreteDiffusion;
import org.probity.diffusion.NoiseSchedule;
import org.probity.math.Tolerance;

/**
 * Properties of the D3PM ops of version 2 (Austin et al. 2021, §3 and appendix A): d3pm_q_mat,
 * d3pm_q_probs and d3pm_q_posterior against {@link DiscreteDiffusion} (uniform and absorbing
 * families, every entry within 1 ulp), rows that are probability vectors, and the posterior as
 * Bayes' rule on the implementation's own one-step matrix and marginal.
 */
public final class D3pmProperties {
    private static final DiscreteDiffusion.Family[] KINDS = {DiscreteDiffusion.Family.UNIFORM, DiscreteDiffusion.Family.ABSORBING};

    private D3pmProperties() {
    }

    /** Every property of these ops, with the transition families {@code d} declares. */
    public static List<ConformanceProperty<?>> all(CaseGens gens, Description d, double smallestAlphaBar) {
        V2Gens g = new V2Gens(gens);
        List<ConformanceProperty<?>> out = new ArrayList<>();
        for (Op op : new Op[] {Op.D3PM_Q_MAT, Op.D3PM_Q_PROBS, Op.D3PM_Q_POSTERIOR}) {
            List<DiscreteDiffusion.Family> kinds = Variants.of(d, op, KINDS, Op::d3pmKind);
            List<DiscreteDiffusion.Family> used = kinds.isEmpty() ? List.of(KINDS) : kinds;
            List<ConformanceProperty<?>> props = switch (op) {
                case D3PM_Q_MAT -> List.of(matReference(g, used, smallestAlphaBar), rowsAreDistributions(op, g.d3pm(used, 1, smallestAlphaBar)));
                case D3PM_Q_PROBS -> List.of(probsReference(g, used, smallestAlphaBar), rowsAreDistributions(op, g.d3pm(used, 1, smallestAlphaBar)));
                default -> List.of(posteriorReference(g, used, smallestAlphaBar), rowsAreDistributions(op, g.d3pm(used, 2, smallestAlphaBar)).withMinSteps(2),
                    posteriorIsBayes(g, used, smallestAlphaBar));
            };
            for (ConformanceProperty<?> p : props) {
                out.add(kinds.isEmpty() ? p.unavailable(Variants.NONE_KNOWN + op.knownVariants()) : p);
            }
        }
        return out;
    }

    /**
     * Adds one verdict per row: the entry that uses most of its tolerance (a row of K = 256 entries is
     * compared in full, but reported by its worst entry, so a check over K × K matrices stays cheap).
     */
    static void compareRow(Outcome o, String row, double[] got, double[] expected, Tolerance tol) {
        compareRow(o, row, got, expected, -1, tol, tol);
    }

    /** As {@link #compareRow(Outcome, String, double[], double[], Tolerance)}, with its own tolerance for entry {@code diag}. */
    static void compareRow(Outcome o, String row, double[] got, double[] expected, int diag, Tolerance onDiag, Tolerance off) {
        int worst = 0;
        double worstUsage = -1;
        for (int j = 0; j < expected.length; j++) {
            Tolerance tol = j == diag ? onDiag : off;
            double a = j < got.length ? got[j] : Double.NaN;
            double usage;
            if (a == expected[j]) {
                usage = 0;
            } else if (!tol.accepts(expected[j], a)) {
                usage = Double.POSITIVE_INFINITY;
            } else {
                double allow = tol.allowance(expected[j], a);
                usage = allow > 0 ? Math.abs(a - expected[j]) / allow : Double.POSITIVE_INFINITY;
            }
            if (usage > worstUsage) {
                worstUsage = usage;
                worst = j;
            }
        }
        o.add(Comparison.of(row + "[" + worst + "]", worst < got.length ? got[worst] : Double.NaN, expected[worst],
            worst == diag ? onDiag : off));
    }

    /**
     * κ of the entries of Q_t that carry β_t: β/K, or the mask column β, formed as 1 − (1 − β) by code
     * that keeps α = 1 − β (accepted: the subtraction's error relative to β is (1 − β)/β roundings).
     */
    static double moveKappa(double beta) {
        return 3 + (1 - beta) / beta;
    }

    /**
     * κ of the entries 1 − β_t (+ β_t/K): the rounding of β to the declared format, amplified by
     * β/(1 − β); at β = 1 the entry is 0 exactly (1 − 1 has no rounding).
     */
    static double stayKappa(double beta) {
        return beta < 1 ? 4 + beta / (1 - beta) : 4;
    }

    /**
     * κ of an entry of Q̄_t = ᾱ_t I + (1 − ᾱ_t)(uniform or mask): ᾱ_t formed as a product, 1 − ᾱ_t by
     * subtraction, or the entry as a product of t non-negative K × K matrices (relative error at most
     * t K roundings, no cancellation).
     */
    static double probsKappa(NoiseSchedule s, int t, int states) {
        return t == 0 ? 1 : Math.max(Budgets.alphaBar(s, t), Budgets.oneMinusAlphaBar(s, t)) + 4 + (double) t * states;
    }

    /** Points of a case whose matrices a d3pm_q_mat property asks for (a K × K matrix each; one when K is large). */
    static final int MATRICES_PER_CASE = 3;
    /** K above which a case asks for one matrix only. */
    static final int LARGE_K = 16;

    /** One d3pm_q_mat answer per distinct t of the case's first points ({@value #MATRICES_PER_CASE}, or 1 for K > {@value #LARGE_K}). */
    static Map<Integer, double[][]> matrices(CheckContext ctx, V2Cases.D3pm c) {
        Map<Integer, double[][]> byT = new java.util.TreeMap<>();
        int n = Math.min(c.states() > LARGE_K ? 1 : MATRICES_PER_CASE, c.points().size());
        for (V2Cases.D3pmPoint p : c.points().subList(0, n)) {
            byT.computeIfAbsent(p.t(), t -> ctx.impl().d3pmQMat(c.kind(), c.betas(), c.states(), t));
        }
        return byT;
    }

    static ConformanceProperty<?> matReference(V2Gens g, List<DiscreteDiffusion.Family> kinds, double smallestAlphaBar) {
        return ConformanceProperty.of("d3pm_q_mat agrees with the reference", Op.D3PM_Q_MAT, REFERENCE, Set.of(), g.d3pm(kinds, 1, smallestAlphaBar),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                DiscreteDiffusion ref = c.reference();
                Map<Integer, double[][]> got = matrices(ctx, c);
                Outcome o = new Outcome(got.size() * c.states() * c.states());
                for (Map.Entry<Integer, double[][]> e : got.entrySet()) {
                    double[][] q = ref.transition(e.getKey());
                    Tolerance stay = ctx.rel(stayKappa(c.schedule().beta(e.getKey())));
                    Tolerance move = ctx.rel(moveKappa(c.schedule().beta(e.getKey())));
                    for (int i = 0; i < c.states(); i++) {
                        compareRow(o, "Q_" + e.getKey() + "[" + i + "]", e.getValue()[i], q[i], i, stay, move);
                    }
                }
                return o;
            }),
            (c, focus) -> c.show(-1, false));
    }

    /** Rows of the three ops as one list (the matrices' rows for d3pm_q_mat). */
    static List<double[]> rows(CheckContext ctx, Op op, V2Cases.D3pm c) {
        return switch (op) {
            case D3PM_Q_MAT -> matrices(ctx, c).values().stream().flatMap(java.util.Arrays::stream).toList();
            case D3PM_Q_PROBS -> List.of(ctx.impl().d3pmQProbs(c.kind(), c.betas(), c.states(), c.column(V2Cases.D3pmPoint::x0),
                c.column(V2Cases.D3pmPoint::t)));
            default -> List.of(ctx.impl().d3pmQPosterior(c.kind(), c.betas(), c.states(), c.column(V2Cases.D3pmPoint::x0),
                c.column(V2Cases.D3pmPoint::xt), c.column(V2Cases.D3pmPoint::t)));
        };
    }

    static ConformanceProperty<?> rowsAreDistributions(Op op, Gen<V2Cases.D3pm> gen) {
        return ConformanceProperty.of(op.wireName() + ": every row is a probability vector", op, SELF, Set.of(), gen,
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                List<double[]> rows = rows(ctx, op, c);
                Outcome o = new Outcome(rows.size() * c.states());
                Tolerance floor = ctx.abs(1);
                Tolerance total = ctx.abs(c.states() + 2);
                for (int r = 0; r < rows.size(); r++) {
                    double[] row = rows.get(r);
                    double sum = 0;
                    int smallest = 0;
                    for (int j = 0; j < row.length; j++) {
                        sum += row[j];
                        if (!(row[j] >= row[smallest])) {
                            smallest = j;
                        }
                    }
                    o.add(Comparison.atLeast("row " + r + "[" + smallest + "] (its smallest entry)", row[smallest], 0, floor));
                    o.add(Comparison.of("sum of row " + r, sum, 1, total));
                }
                return o;
            }),
            (c, focus) -> c.show(-1, op == Op.D3PM_Q_POSTERIOR));
    }

    static ConformanceProperty<?> probsReference(V2Gens g, List<DiscreteDiffusion.Family> kinds, double smallestAlphaBar) {
        return ConformanceProperty.of("d3pm_q_probs agrees with the reference", Op.D3PM_Q_PROBS, REFERENCE, Set.of(), g.d3pm(kinds, 1, smallestAlphaBar),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                DiscreteDiffusion ref = c.reference();
                NoiseSchedule s = c.schedule();
                double[][] got = ctx.impl().d3pmQProbs(c.kind(), c.betas(), c.states(), c.column(V2Cases.D3pmPoint::x0),
                    c.column(V2Cases.D3pmPoint::t));
                Outcome o = new Outcome(got.length * c.states());
                for (int i = 0; i < got.length; i++) {
                    V2Cases.D3pmPoint p = c.points().get(i);
                    compareRow(o, "row " + i, got[i], ref.cumulativeRow(p.t(), p.x0()), ctx.rel(probsKappa(s, p.t(), c.states())));
                }
                return o;
            }),
            (c, focus) -> c.show(-1, false));
    }

    /** κ of a posterior entry: the numerator's two factors and the normalizing sum of K terms. */
    static double posteriorKappa(NoiseSchedule s, int t, int states) {
        return 2 * (probsKappa(s, t - 1, states) + moveKappa(s.beta(t)) + stayKappa(s.beta(t))) + states;
    }

    static ConformanceProperty<?> posteriorReference(V2Gens g, List<DiscreteDiffusion.Family> kinds, double smallestAlphaBar) {
        return ConformanceProperty.of("d3pm_q_posterior agrees with the reference", Op.D3PM_Q_POSTERIOR, REFERENCE, Set.of(),
            g.d3pm(kinds, 2, smallestAlphaBar),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                DiscreteDiffusion ref = c.reference();
                NoiseSchedule s = c.schedule();
                double[][] got = ctx.impl().d3pmQPosterior(c.kind(), c.betas(), c.states(), c.column(V2Cases.D3pmPoint::x0),
                    c.column(V2Cases.D3pmPoint::xt), c.column(V2Cases.D3pmPoint::t));
                Outcome o = new Outcome(got.length * c.states());
                for (int i = 0; i < got.length; i++) {
                    V2Cases.D3pmPoint p = c.points().get(i);
                    compareRow(o, "row " + i, got[i], ref.posterior(p.t(), p.x0(), p.xt()), ctx.rel(posteriorKappa(s, p.t(), c.states())));
                }
                return o;
            }),
            (c, focus) -> c.show(-1, true)).withMinSteps(2);
    }

    /** q(x_{t−1} = i | x_t, x_0) ∝ Q_t[i][x_t] · q(x_{t−1} = i | x_0) from the implementation's own d3pm_q_mat and d3pm_q_probs. */
    static ConformanceProperty<?> posteriorIsBayes(V2Gens g, List<DiscreteDiffusion.Family> kinds, double smallestAlphaBar) {
        return ConformanceProperty.of("d3pm_q_posterior is Bayes' rule on the implementation's own d3pm_q_mat and d3pm_q_probs",
            Op.D3PM_Q_POSTERIOR, SELF, Set.of(Op.D3PM_Q_MAT, Op.D3PM_Q_PROBS), g.d3pm(kinds, 2, smallestAlphaBar).map(c -> new V2Cases.D3pm(c.kind(),
                c.family(), c.schedule(), c.states(), c.points().subList(0, Math.min(c.states() > LARGE_K ? 1 : MATRICES_PER_CASE,
                c.points().size())))),
            (ctx, cases) -> ScheduleProperties.perCase(cases, c -> {
                NoiseSchedule s = c.schedule();
                int[] x0 = c.column(V2Cases.D3pmPoint::x0);
                int[] xt = c.column(V2Cases.D3pmPoint::xt);
                int[] t = c.column(V2Cases.D3pmPoint::t);
                int[] tPrev = java.util.Arrays.stream(t).map(x -> x - 1).toArray();
                double[][] got = ctx.impl().d3pmQPosterior(c.kind(), c.betas(), c.states(), x0, xt, t);
                double[][] prev = ctx.impl().d3pmQProbs(c.kind(), c.betas(), c.states(), x0, tPrev);
                Map<Integer, double[][]> q = matrices(ctx, c);
                Outcome o = new Outcome(got.length * c.states());
                for (int i = 0; i < got.length; i++) {
                    double[] num = new double[c.states()];
                    double z = 0;
                    for (int j = 0; j < c.states(); j++) {
                        num[j] = q.get(t[i])[j][xt[i]] * prev[i][j];
                        z += num[j];
                    }
                    for (int j = 0; j < c.states(); j++) {
                        num[j] /= z;
                    }
                    compareRow(o, "row " + i + " vs Bayes on own Q_t and q(x_t-1 | x0)", got[i], num,
                        ctx.rel(2 * posteriorKappa(s, t[i], c.states())));
                }
                return o;
            }),
            (c, focus) -> c.show(-1, true)).withMinSteps(2);
    }
}
