package org.probity.conformance.internal;

import static org.probity.conformance.internal.ConformanceProperty.Kind.REFERENCE;
import static org.probity.conformance.internal.ConformanceProperty.Kind.SELF;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.probity.check.Gen;
import org.probity.check.Gens;
import org.probity.check.Verdict;
import org.probity.conformance.Op;

/**
 * Properties of categorical_kl, categorical_entropy and categorical_cross_entropy; every property
 * answers all its cases in one request per op. A case is a list of (p, q) rows.
 */
public final class CategoricalProperties {
    private CategoricalProperties() {
    }

    /** Every categorical property. */
    public static List<ConformanceProperty<?>> all() {
        return List.of(klReference(), entropyReference(), crossEntropyReference(), klSelf(), crossEntropyIsKlPlusEntropy());
    }

    static Gen<List<double[][]>> rows() {
        return Gens.lists(CaseGens.categoricalPairs(), 1, 12);
    }

    static double[][] column(List<List<double[][]>> cases, int which) {
        List<double[]> out = new ArrayList<>();
        cases.forEach(c -> c.forEach(r -> out.add(r[which])));
        return out.toArray(new double[0][]);
    }

    static String show(List<double[][]> rows, int focus) {
        return GaussianProperties.showBatch(rows, focus, "row", "rows",
            row -> "p = " + Arrays.toString(row[0]) + ", q = " + Arrays.toString(row[1]));
    }

    interface Row {
        Verdict compare(CheckContext ctx, int i, int j, double[] p, double[] q, double got);
    }

    static List<Outcome> split(CheckContext ctx, List<List<double[][]>> cases, double[] got, Row row) {
        List<Outcome> out = new ArrayList<>();
        int j = 0;
        for (List<double[][]> c : cases) {
            Outcome o = new Outcome(c.size());
            for (int i = 0; i < c.size(); i++, j++) {
                o.add(row.compare(ctx, i, j, c.get(i)[0], c.get(i)[1], got[j]));
            }
            out.add(o);
        }
        return out;
    }

    static ConformanceProperty<?> klReference() {
        return ConformanceProperty.of("categorical_kl agrees with the reference", Op.CATEGORICAL_KL, REFERENCE, Set.of(), rows(),
            (ctx, cases) -> split(ctx, cases, ctx.impl().categoricalKl(column(cases, 0), column(cases, 1)),
                (c, i, j, p, q, got) -> Comparison.of("kl[" + i + "]", got, Reference.categoricalKl(p, q),
                    c.abs(Reference.categoricalKlScale(p, q)))),
            CategoricalProperties::show);
    }

    static ConformanceProperty<?> entropyReference() {
        return ConformanceProperty.of("categorical_entropy agrees with the reference", Op.CATEGORICAL_ENTROPY, REFERENCE,
            Set.of(), rows(),
            (ctx, cases) -> split(ctx, cases, ctx.impl().categoricalEntropy(column(cases, 0)),
                (c, i, j, p, q, got) -> Comparison.of("entropy[" + i + "]", got, Reference.entropy(p), c.abs(Reference.entropyScale(p)))),
            CategoricalProperties::show);
    }

    static ConformanceProperty<?> crossEntropyReference() {
        return ConformanceProperty.of("categorical_cross_entropy agrees with the reference", Op.CATEGORICAL_CROSS_ENTROPY,
            REFERENCE, Set.of(), rows(),
            (ctx, cases) -> split(ctx, cases, ctx.impl().categoricalCrossEntropy(column(cases, 0), column(cases, 1)),
                (c, i, j, p, q, got) -> Comparison.of("cross_entropy[" + i + "]", got, Reference.crossEntropy(p, q),
                    c.abs(Reference.crossEntropyScale(p, q)))),
            CategoricalProperties::show);
    }

    /** KL(p ‖ q) ≥ 0 and KL(p ‖ p) = 0: the (p, q) rows and the (p, p) rows in one request. */
    static ConformanceProperty<?> klSelf() {
        return ConformanceProperty.of("categorical_kl >= 0 and KL(p || p) = 0", Op.CATEGORICAL_KL, SELF, Set.of(), rows(),
            (ctx, cases) -> {
                double[][] p = column(cases, 0);
                double[][] q = column(cases, 1);
                int n = p.length;
                double[][] left = Arrays.copyOf(p, 2 * n);
                double[][] right = Arrays.copyOf(q, 2 * n);
                System.arraycopy(p, 0, left, n, n);
                System.arraycopy(p, 0, right, n, n);
                double[] got = ctx.impl().categoricalKl(left, right);
                List<Outcome> out = new ArrayList<>();
                int j = 0;
                for (List<double[][]> c : cases) {
                    Outcome o = new Outcome(2 * c.size());
                    for (int i = 0; i < c.size(); i++, j++) {
                        double[] pi = c.get(i)[0];
                        o.add(Comparison.atLeast("kl[" + i + "]", got[j], 0.0, ctx.abs(Reference.categoricalKlScale(pi, c.get(i)[1]))));
                        o.add(Comparison.of("kl(p, p)[" + i + "]", got[n + j], 0.0, ctx.abs(Reference.categoricalKlScale(pi, pi))));
                    }
                    out.add(o);
                }
                return out;
            },
            CategoricalProperties::show);
    }

    static ConformanceProperty<?> crossEntropyIsKlPlusEntropy() {
        return ConformanceProperty.of("cross-entropy = KL + entropy (the implementation's own three ops)",
            Op.CATEGORICAL_CROSS_ENTROPY, SELF, Set.of(Op.CATEGORICAL_KL, Op.CATEGORICAL_ENTROPY), rows(),
            (ctx, cases) -> {
                double[][] p = column(cases, 0);
                double[][] q = column(cases, 1);
                double[] kl = ctx.impl().categoricalKl(p, q);
                double[] h = ctx.impl().categoricalEntropy(p);
                double[] ce = ctx.impl().categoricalCrossEntropy(p, q);
                double[] sum = new double[ce.length];
                for (int j = 0; j < sum.length; j++) {
                    sum[j] = kl[j] + h[j];
                }
                return split(ctx, cases, ce, (c, i, j, pi, qi, got) -> Comparison.of("cross_entropy[" + i + "] vs kl + entropy", got,
                    sum[j], c.abs(Reference.crossEntropyScale(pi, qi) + Reference.categoricalKlScale(pi, qi)
                        + Reference.entropyScale(pi))));
            },
            CategoricalProperties::show);
    }
}
