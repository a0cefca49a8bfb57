package org.probity.spec.internal;

import org.probity.math.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.probity.check.Verdict;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Relation;
import org.probity.spec.ast.Statement;

/**
 * The {@code assume} statements in force for a check (docs/spec-language.md, "Assumptions"), and
 * how each restricts the generated instances. By construction where the instance can be made to
 * satisfy it: {@code q(x_T) == p(x_T)} sets p(x_T) to q's marginal at T (markov: q(x_0) Q_1 ⋯ Q_T;
 * gaussian: N(√ᾱ_T μ_0, ᾱ_T v_0 + 1 − ᾱ_T) per dimension). Every other assumption by rejection:
 * it is evaluated on each instance like a claim, and an instance on which it does not hold is not
 * used (counted and reported).
 */
final class Assumptions {
    private final List<Statement.Assume> all;
    private final List<Statement.Assume> rejected = new ArrayList<>();
    private boolean priorEqualsMarginal;

    Assumptions(List<Statement.Assume> all) {
        this.all = List.copyOf(all);
        for (Statement.Assume a : all) {
            if (isPriorIsMarginal(a)) {
                priorEqualsMarginal = true;
            } else {
                rejected.add(a);
            }
        }
    }

    /** Both sides of every assumption (the networks they use are drawn with the instance). */
    List<Expr> expressions() {
        List<Expr> out = new ArrayList<>();
        for (Statement.Assume a : all) {
            out.add(a.lhs());
            out.add(a.rhs());
        }
        return out;
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** {@code q(x_T) == p(x_T)} in either order, no index. */
    private static boolean isPriorIsMarginal(Statement.Assume a) {
        if (a.relation() != Relation.EQUAL || a.index() != null) {
            return false;
        }
        return a.lhs() instanceof Expr.Density l && a.rhs() instanceof Expr.Density r && l.generative() != r.generative()
            && atT(l) && atT(r);
    }

    private static boolean atT(Expr.Density d) {
        return d.given().isEmpty() && d.targets().size() == 1 && !d.targets().get(0).isRange()
            && d.targets().get(0).pinned() == null && d.targets().get(0).from() instanceof Expr.Steps;
    }

    /** The instance made to satisfy the assumptions that can be realised by construction. */
    ModelInstance construct(ModelInstance inst) {
        if (!priorEqualsMarginal) {
            return inst;
        }
        if (inst instanceof MarkovInstance m) {
            double[] marginal = m.q0();
            for (int t = 1; t <= m.steps(); t++) {
                double[][] q = m.forward(t);
                double[] next = new double[m.states()];
                for (int i = 0; i < m.states(); i++) {
                    for (int j = 0; j < m.states(); j++) {
                        next[j] += marginal[i] * q[i][j];
                    }
                }
                marginal = next;
            }
            double[][][] forward = new double[m.steps() + 1][][];
            double[][][] reverse = new double[m.steps() + 1][][];
            for (int t = 1; t <= m.steps(); t++) {
                forward[t] = m.forward(t);
                reverse[t] = m.reverse(t);
            }
            return new MarkovInstance(m.states(), m.q0(), forward, marginal, reverse);
        }
        GaussianInstance g = (GaussianInstance) inst;
        GaussianParameters p = g.parameters();
        double abar = g.alphaBar(g.steps());
        double[] meanT = new double[g.dims()];
        double[] varT = new double[g.dims()];
        for (int i = 0; i < g.dims(); i++) {
            meanT[i] = Math.sqrt(abar) * p.mu0()[i];
            varT[i] = abar * p.var0()[i] + (1 - abar);
        }
        return new GaussianInstance(new GaussianParameters(p.betas(), p.mu0(), p.var0(), meanT, varT, p.ra(), p.rb(),
            p.rc()), g.points(), g.networks());
    }

    /**
     * Whether the instance satisfies every assumption realised by rejection (each checked like a
     * claim; one that cannot be decided on the instance rejects it).
     */
    boolean accepts(ModelInstance inst, Map<String, Expr> lets, Budget budget) {
        for (Statement.Assume a : rejected) {
            ItemCheck.Subject s = new ItemCheck.Subject("assumption", a.lhs(), a.relation(), a.rhs(), a.index(),
                a.from(), a.to(), false, a.over());
            InstanceCheck.Trace trace = new InstanceCheck.Trace();
            trace.startInstance(budget);
            Verdict v = InstanceCheck.verdict(s, inst, lets, trace);
            if (v == null || !v.passed() || trace.instanceUnevaluable()) {
                return false;
            }
        }
        return true;
    }

    /** "q(x_T) == p(x_T) (by construction); for t = 1..T, beta(t) <= 0.5 (by rejection: 3 of 200 instances rejected)". */
    String describe(int rejectedInstances, int tries) {
        List<String> out = new ArrayList<>();
        for (Statement.Assume a : all) {
            String how = rejected.contains(a) ? String.format(java.util.Locale.ROOT,
                "by rejection: %d of %s rejected", rejectedInstances, Counts.of(tries, "instance")) : "by construction";
            out.add(Printer.print(a).substring("assume ".length()) + " (" + how + ")");
        }
        return String.join("; ", out);
    }
}
