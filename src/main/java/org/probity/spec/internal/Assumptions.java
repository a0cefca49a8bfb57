package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.probity.check.Verdict;
import org.probity.math.Counts;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;
import org.probity.spec.ast.Operator;
import org.probity.spec.ast.Relation;
import org.probity.spec.ast.Statement;
import org.probity.spec.ast.VarItem;

/**
 * The {@code assume} statements in force for a check (docs/spec-language.md, "Assumptions"), and
 * how each restricts the generated instances. By construction where the instance can be made to
 * satisfy it: {@code q(x_T) == p(x_T)} sets p(x_T) to q's marginal at T (markov: q(x_0) Q_1 ⋯ Q_T;
 * gaussian: N(√ᾱ_T μ_0, ᾱ_T v_0 + 1 − ᾱ_T) per dimension); on a {@code stationary} markov model,
 * {@code p(x_{s-1} | x_s) == q(x_s | x_{s-1}) * pi(x_{s-1}) / pi(x_s)} for a step s written as a
 * number sets that reverse kernel to the forward kernel reversed under π (Sohl-Dickstein et al.
 * 2015, appendix B.2; a kernel because π is stationary), and {@code q(x_0) == pi(x_0)} sets q(x_0) to π
 * (then every marginal q(x_t) is π). Every other assumption by rejection:
 * it is evaluated on each instance like a claim, and an instance on which it does not hold is not
 * used (counted and reported).
 */
final class Assumptions {
    private final List<Statement.Assume> all;
    private final List<Statement.Assume> rejected = new ArrayList<>();
    private boolean priorEqualsMarginal;
    /** The steps s whose reverse kernel is the forward kernel reversed under π. */
    private final TreeSet<Integer> reversedUnderPi = new TreeSet<>();
    private boolean dataIsPi;

    Assumptions(List<Statement.Assume> all) {
        this.all = List.copyOf(all);
        for (Statement.Assume a : all) {
            int s = reversedUnderPiStep(a);
            if (isPriorIsMarginal(a)) {
                priorEqualsMarginal = true;
            } else if (s > 0) {
                reversedUnderPi.add(s);
            } else if (isDataIsPi(a)) {
                dataIsPi = true;
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

    /**
     * The step s of {@code p(x_{s-1} | x_s) == q(x_s | x_{s-1}) * pi(x_{s-1}) / pi(x_s)} (s a number
     * ≥ 1, no index; the sides in either order), or 0 when {@code a} is not of that form.
     */
    private static int reversedUnderPiStep(Statement.Assume a) {
        if (a.relation() != Relation.EQUAL || a.index() != null) {
            return 0;
        }
        Expr reverse = a.lhs() instanceof Expr.Density d && d.generative() ? a.lhs() : a.rhs();
        Expr other = reverse == a.lhs() ? a.rhs() : a.lhs();
        if (!(reverse instanceof Expr.Density d) || !d.generative() || d.given().size() != 1
            || d.targets().size() != 1 || !(d.given().get(0).from() instanceof Expr.Num n) || d.given().get(0).isRange()
            || d.given().get(0).pinned() != null) {
            return 0;
        }
        double s = n.value();
        if (s < 1 || s != Math.rint(s)) {
            return 0;
        }
        Expr.Var earlier = new Expr.Var(new Expr.Num(s - 1));
        Expr.Var later = new Expr.Var(new Expr.Num(s));
        Expr expectedReverse = new Expr.Density(true, List.of(VarItem.of(earlier.index())), List.of(VarItem.of(later.index())));
        Expr forward = new Expr.Density(false, List.of(VarItem.of(later.index())), List.of(VarItem.of(earlier.index())));
        Expr expected = new Expr.Bin(Operator.DIVIDE, new Expr.Bin(Operator.MULTIPLY, forward,
            new Expr.Call(Function.PI, earlier)), new Expr.Call(Function.PI, later));
        return reverse.equals(expectedReverse) && other.equals(expected) ? (int) s : 0;
    }

    /** {@code q(x_0) == pi(x_0)} in either order, no index. */
    private static boolean isDataIsPi(Statement.Assume a) {
        if (a.relation() != Relation.EQUAL || a.index() != null) {
            return false;
        }
        Expr x0 = new Expr.Var(new Expr.Num(0));
        Expr q0 = new Expr.Density(false, List.of(VarItem.of(new Expr.Num(0))), List.of());
        Expr pi0 = new Expr.Call(Function.PI, x0);
        return a.lhs().equals(q0) && a.rhs().equals(pi0) || a.lhs().equals(pi0) && a.rhs().equals(q0);
    }

    private static boolean atT(Expr.Density d) {
        return d.given().isEmpty() && d.targets().size() == 1 && !d.targets().get(0).isRange()
            && d.targets().get(0).pinned() == null && d.targets().get(0).from() instanceof Expr.Steps;
    }

    /** The instance made to satisfy the assumptions that can be realised by construction. */
    ModelInstance construct(ModelInstance inst) {
        if (inst instanceof MarkovInstance m && (dataIsPi || !reversedUnderPi.isEmpty())) {
            Map<Integer, double[][]> reversed = new HashMap<>();
            for (int s : reversedUnderPi) {
                if (s <= m.steps()) {
                    reversed.put(s, reversal(m.forward(s), m.pi()));
                }
            }
            inst = m.with(dataIsPi ? m.pi() : null, null, reversed);
        }
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
            return m.with(null, marginal, Map.of());
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
     * The time reversal of the kernel Q under π, [i][j] = Q[j][i] π_j / π_i: a kernel (rows sum to 1)
     * when π is stationary for Q, and Q itself when Q is in detailed balance with π.
     */
    static double[][] reversal(double[][] q, double[] pi) {
        int k = pi.length;
        double[][] r = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                r[i][j] = q[j][i] * pi[j] / pi[i];
            }
        }
        return r;
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
