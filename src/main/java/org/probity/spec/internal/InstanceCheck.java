package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.probity.check.Verdict;
import org.probity.math.ShortestDouble;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Relation;

/**
 * Evaluates one relation {@code lhs REL rhs} on one model instance: both sides at every assignment
 * of the free variables (markov) or at the instance's random points (gaussian) and every value of a
 * {@code for} index; the verdict is the worst seen, null when nothing was defined. What cannot be
 * evaluated is recorded in the {@link Trace}.
 *
 * <p>Tolerance of {@code ==} (and the slack of {@code <=}), derived from the magnitude M of the
 * terms (the largest sum of absolute values formed while evaluating either side):
 * markov: absolute {@code 2^8 (T+2) u M}; gaussian: absolute {@code 16 (T+2)^2 u (κ V + C)}: two
 * sources of rounding error, added. κ V: the values' magnitude V (sum of absolute terms) amplified
 * by κ, the largest condition number of a precision factorised to integrate (near-collinear
 * x_{t-1}, x_t when β_t is small; densities themselves are built from the chain factors without
 * inverting anything, {@link GaussianChain}). C: the largest coefficient sum of any quadratic formed
 * (precisions 1/β make these large, and they cancel), times (1 + max |x_i|)^2 and max(1, |value|)
 * (an error in a log-density's coefficients is an absolute error in the log and a relative error
 * in the density). u = 2^-53. The dimension factor is quadratic: a Cholesky solve on n = T+1
 * unknowns loses about n u κ (Higham, Accuracy and Stability, Thm 10.4) and the quadratic forms
 * built from the solved blocks sum up to n more terms. The worst case would multiply the two
 * sources; that bound hides dropped terms, so they are added.
 */
final class InstanceCheck {
    private static final double MARKOV_ULPS = 256;
    private static final double GAUSSIAN_ULPS = 16;

    private InstanceCheck() {
    }

    /** What the evaluations of one check met besides verdicts: Monte Carlo, constructs that cannot be evaluated. */
    static final class Trace {
        boolean monteCarlo;
        /** The first such construct: why, and its AST node (null when unknown). */
        String why;
        Object origin;
        private boolean thisInstance;
        /** The time budget of the try being evaluated. */
        Budget budget = Budget.NONE;

        void startInstance(Budget b) {
            thisInstance = false;
            budget = b;
        }

        void unevaluable(String reason, Object node) {
            if (why == null) {
                why = reason;
                origin = node;
            }
            thisInstance = true;
        }

        boolean instanceUnevaluable() {
            return thisInstance;
        }
    }

    /**
     * What {@link #verdict} needs of a claim besides the instance, the same on every instance: the noise
     * variables it binds and its first {@code int_{t=a}^{b}} (or null).
     */
    record Prepared(ItemCheck.Subject subject, List<String> noises, Expr integral) {
        /** The claim {@code s} with the definitions {@code lets}, walked once. */
        static Prepared of(ItemCheck.Subject s, Map<String, Expr> lets) {
            return new Prepared(s, Auxiliaries.of(lets, s.lhs(), s.rhs()).noises(), InstanceCheck.integral(s, lets));
        }
    }

    /** The worst verdict over all assignments and index values; null when nothing was defined. */
    static Verdict verdict(ItemCheck.Subject s, ModelInstance inst, Map<String, Expr> lets, Trace trace) {
        return verdict(Prepared.of(s, lets), inst, lets, trace);
    }

    /** As {@link #verdict(ItemCheck.Subject, ModelInstance, Map, Trace)}, for a claim prepared once for all instances. */
    static Verdict verdict(Prepared prepared, ModelInstance inst, Map<String, Expr> lets, Trace trace) {
        ItemCheck.Subject s = prepared.subject();
        int dims = inst instanceof GaussianInstance g ? g.dims() : 1;
        Scope base = new Scope(lets, inst.steps(), Map.of(), dims, 0);
        List<Scope> scopes = base.overIndex(s.index(), s.from(), s.to());
        Verdict worst = null;
        List<String> noises = prepared.noises();
        Expr integral = inst instanceof GaussianInstance ? prepared.integral() : null;
        for (Scope indexed : scopes) {
            String index = s.index() == null ? "" : s.index() + " = " + indexed.indices.get(s.index());
            GaussianEvaluator ev = inst instanceof GaussianInstance g ? new GaussianEvaluator(g, trace.budget, noises) : null;
            Coarser coarse = integral == null ? null : new Coarser(integral,
                new GaussianEvaluator((GaussianInstance) inst, trace.budget, noises, GaussianEvaluator.PANELS[0]),
                new GaussianEvaluator((GaussianInstance) inst, trace.budget, noises, GaussianEvaluator.PANELS[1]),
                new GaussianEvaluator((GaussianInstance) inst, trace.budget, noises, GaussianEvaluator.CONFIRM_PANELS));
            for (int i = 0; i < (s.vector() ? dims : 1); i++) {
                Scope scope = indexed.atComponent(i);
                String at = !s.vector() || dims == 1 ? index
                    : index + (index.isEmpty() ? "" : ", ") + "component " + (i + 1) + " of " + dims;
                Verdict v;
                if (s.relation() == Relation.PROPTO) {
                    v = inst instanceof MarkovInstance m ? Proportional.markov(s, m, scope, at, trace.budget)
                        : Proportional.gaussian(s, (GaussianInstance) inst, ev, scope, at, trace);
                } else {
                    v = inst instanceof MarkovInstance m ? markov(s, m, scope, at, trace.budget)
                        : gaussian(s, (GaussianInstance) inst, ev, coarse, scope, at, trace);
                }
                if (v != null && !v.passed()) {
                    return v;
                }
                if (v != null && (worst == null || worse(v, worst))) {
                    worst = v;
                }
            }
        }
        return worst;
    }

    private static Verdict markov(ItemCheck.Subject s, MarkovInstance m, Scope scope, String at, Budget budget) {
        TreeSet<Integer> free = FreeVariables.of(s.lhs(), scope);
        free.addAll(FreeVariables.of(s.rhs(), scope));
        List<Integer> vars = new ArrayList<>(free);
        long count = Limits.power(m.states(), vars.size());
        Verdict worst = null;
        int[] x = new int[m.steps() + 1];
        for (long c = 0; c < count; c++) {
            java.util.Arrays.fill(x, -1);
            long r = c;
            StringBuilder where = new StringBuilder(at);
            for (int v : vars) {
                x[v] = (int) (r % m.states());
                r /= m.states();
                where.append(where.length() > 0 ? ", " : "").append("x_").append(v).append(" = ").append(x[v]);
            }
            budget.check();
            MarkovEvaluator ev = new MarkovEvaluator(m, budget);
            double l = ev.eval(s.lhs(), scope, x);
            double rr = ev.eval(s.rhs(), scope, x);
            if (Double.isNaN(l) || Double.isNaN(rr)) {
                continue;
            }
            double mag = Math.max(ev.magnitude(), Math.max(finite(l), finite(rr)));
            Tolerance tol = Tolerances.roundedSum(MARKOV_ULPS * (m.steps() + 2), mag)
                .named(() -> String.format(Locale.ROOT, "markov: 2^8 (T+2) u M, M = %.3g", mag));
            Verdict v = relation(s, l, rr, tol, where.toString());
            if (!v.passed()) {
                return v;
            }
            if (worst == null || worse(v, worst)) {
                worst = v;
            }
        }
        return worst;
    }

    /** The first {@code int_{t=a}^{b}} of either side (lets expanded), or null. */
    private static Expr integral(ItemCheck.Subject s, Map<String, Expr> lets) {
        Expr e = Walk.first(s.lhs(), lets, Expr.TimeIntegral.class);
        return e != null ? e : Walk.first(s.rhs(), lets, Expr.TimeIntegral.class);
    }

    /**
     * The other quadrature rules of a claim with {@code int_{t=a}^{b}}: the two coarser ones of
     * {@link GaussianEvaluator#PANELS} and the finer one a failure must survive
     * ({@link GaussianEvaluator#CONFIRM_PANELS}), and the integral that a reason names.
     */
    private record Coarser(Expr integral, GaussianEvaluator coarsest, GaussianEvaluator coarse, GaussianEvaluator finer) {
    }

    /**
     * The rate the composite rules must show for the change between the two finest to bound the finest's
     * error: each halving of the panels shrinks the change by at least this factor. Under geometric convergence
     * with ratio ρ the remaining error of the finest rule is at most ρ/(1 − ρ) times its change, a third of it at
     * ρ = 1/4 (the a-posteriori estimate of a sequence of composite rules; Davis &amp; Rabinowitz, Methods of Numerical Integration, 2nd ed. 1984). Gauss–Legendre with
     * 8 points shrinks it by about 2^16 per halving on an analytic integrand; a singular derivative (√t at 0)
     * shrinks it by 2^{1.5} and is refused.
     */
    static final double CONVERGENCE_RATIO = 0.25;

    private static Verdict gaussian(ItemCheck.Subject s, GaussianInstance g, GaussianEvaluator ev,
                                    Coarser coarse, Scope scope, String at, Trace trace) {
        TreeSet<Integer> free = FreeVariables.of(s.lhs(), scope);
        free.addAll(FreeVariables.of(s.rhs(), scope));
        Closed lc = ev.closed(s.lhs(), scope);
        Closed rc = lc.available() ? ev.closed(s.rhs(), scope) : null;
        if (rc == null || !rc.available()) {
            lc = null;
        }
        Closed lCoarse = lc != null && coarse != null ? coarse.coarse().closed(s.lhs(), scope) : null;
        Closed rCoarse = lc != null && coarse != null ? coarse.coarse().closed(s.rhs(), scope) : null;
        Closed lCoarsest = lCoarse != null ? coarse.coarsest().closed(s.lhs(), scope) : null;
        Closed rCoarsest = rCoarse != null ? coarse.coarsest().closed(s.rhs(), scope) : null;
        double[][] points = free.isEmpty() ? new double[][] {g.points()[0]} : g.points();
        Verdict worst = null;
        for (double[] point : points) {
            double[] x = ev.pad(point);
            StringBuilder where = new StringBuilder(at);
            for (int v : free) {
                where.append(where.length() > 0 ? ", " : "").append("x_").append(v).append(" = ")
                    .append(value(x, v, g.dims()));
            }
            double l;
            double r;
            double se = 0;
            double mag;
            if (lc != null) {
                l = lc.at(x);
                r = rc.at(x);
                mag = Math.max(lc.magnitudeAt(x), rc.magnitudeAt(x));
            } else {
                MonteCarlo mc = new MonteCarlo(g.toString().hashCode() * 31L + s.label().hashCode());
                GaussianEvaluator.Estimate le = ev.estimate(s.lhs(), scope, x, mc);
                GaussianEvaluator.Estimate re = le.available() ? ev.estimate(s.rhs(), scope, x, mc) : le;
                if (!re.available()) {
                    trace.unevaluable(re.whyNot(), re.origin());
                    return null;
                }
                trace.monteCarlo |= le.samples() + re.samples() > 0;
                l = le.mean();
                r = re.mean();
                se = Math.sqrt(le.variance() + re.variance());
                mag = Math.max(finite(l), finite(r));
            }
            if (Double.isNaN(l) || Double.isNaN(r)) {
                continue;
            }
            double radius = 1;
            for (double xi : x) {
                radius = Math.max(radius, 1 + Math.abs(xi));
            }
            double kappa = ev.condition[0];
            double values = Math.max(mag, Math.max(finite(l), finite(r)));
            double coefficients = ev.coefficientScale() * radius * radius * Math.max(1, Math.max(finite(l), finite(r)));
            mag = kappa * values + coefficients;
            double n = g.steps() + 2;
            Tolerance tol = Tolerances.roundedSum(GAUSSIAN_ULPS * n * n, mag)
                .named(() -> String.format(Locale.ROOT, "gaussian: 16 (T+2)^2 u (kappa V + C), kappa = %.3g, V = %.3g, C = %.3g",
                    kappa, values, coefficients));
            if (lCoarse != null && lCoarse.available() && rCoarse != null && rCoarse.available()
                && lCoarsest.available() && rCoarsest.available()) {
                // the declared quadrature error: how far each side moves between the two finest rules, trusted
                // only where the rules converge at CONVERGENCE_RATIO or faster (else a guess: not checked)
                double rounding = tol.amount();
                double quad = finite(l - lCoarse.at(x)) + finite(r - rCoarse.at(x));
                double before = finite(lCoarse.at(x) - lCoarsest.at(x)) + finite(rCoarse.at(x) - rCoarsest.at(x));
                if (quad > Math.max(CONVERGENCE_RATIO * before, rounding)) {
                    trace.unevaluable(String.format(Locale.ROOT, "the quadrature does not converge fast enough to bound "
                        + "its error: between %d, %d and %d Gauss-Legendre panels both sides moved %.3g, then %.3g "
                        + "(the rule needs each move at most %s of the one before)", GaussianEvaluator.PANELS[0],
                        GaussianEvaluator.PANELS[1], GaussianEvaluator.FINE_PANELS, before, quad, "1/4"),
                        coarse.integral());
                    return null;
                }
                Tolerance rounded = tol;
                tol = Tolerance.absolute(rounding + quad).named(() -> rounded.ruleName().orElseThrow()
                    + String.format(Locale.ROOT, ", + quadrature error %.3g (both sides' change between %d and %d "
                    + "Gauss-Legendre panels, converging at ratio <= 1/4)", quad, GaussianEvaluator.PANELS[1],
                    GaussianEvaluator.FINE_PANELS));
            }
            if (se > 0) {
                tol = tol.or(Tolerances.statistical(MonteCarlo.Z * se, 0, Math.max(finite(l), finite(r)),
                    String.format(Locale.ROOT, "Monte Carlo: z = %.3f standard errors (%.3g), false-alarm rate %s",
                    MonteCarlo.Z, se, MonteCarlo.FALSE_ALARM)));
            }
            Verdict v = relation(s, l, r, tol, where.toString());
            if (!v.passed() && lCoarse != null && tol.kind() == Tolerance.Kind.ABSOLUTE) {
                // a failure must survive refinement: if the sides move, between 4 and CONFIRM_PANELS panels, by
                // enough to close the gap, the quadrature has not resolved the claim here (a kink, a root, a
                // singularity) and the instance is not checked, never failed on an unresolved integral
                Closed lf = coarse.finer().closed(s.lhs(), scope);
                Closed rf = coarse.finer().closed(s.rhs(), scope);
                double moved = lf.available() && rf.available() ? finite(lf.at(x) - l) + finite(rf.at(x) - r)
                    : Double.POSITIVE_INFINITY;
                if (!Double.isFinite(moved) || relation(s, l, r, Tolerance.absolute(tol.amount() + 2 * moved),
                    where.toString()).passed()) {
                    trace.unevaluable(String.format(Locale.ROOT, "the quadrature has not resolved the claim: both sides "
                        + "moved %.3g between %d and %d Gauss-Legendre panels, enough (twice that) to close the "
                        + "discrepancy %.3g", moved, GaussianEvaluator.FINE_PANELS, GaussianEvaluator.CONFIRM_PANELS,
                        Math.abs(l - r)), coarse.integral());
                    return null;
                }
            }
            if (!v.passed()) {
                return v;
            }
            if (worst == null || worse(v, worst)) {
                worst = v;
            }
        }
        return worst;
    }

    /** x_v at the point: a number, or [a, b, ...] in several dimensions. */
    static String value(double[] x, int v, int dims) {
        if (dims == 1) {
            return ShortestDouble.toString(x[v]);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims; i++) {
            sb.append(i > 0 ? ", " : "").append(ShortestDouble.toString(x[v * dims + i]));
        }
        return sb.append(']').toString();
    }

    private static boolean worse(Verdict a, Verdict b) {
        if (!a.isNumeric() || !b.isNumeric()) {
            return false;
        }
        return a.difference() > b.difference();
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? Math.abs(v) : 0;
    }

    private static Verdict relation(ItemCheck.Subject s, double l, double r, Tolerance tol, String where) {
        String what = s.label() + ": left " + s.relation() + " right" + (where.isEmpty() ? "" : " at " + where);
        return switch (s.relation()) {
            case EQUAL -> Verdict.close(what, l, r, tol);
            case AT_MOST -> Verdict.atMost(what, l, r, tol);
            case AT_LEAST -> Verdict.atLeast(what, l, r, tol);
            case LESS -> l < r && !tol.accepts(r, l) ? Verdict.atMost(what, l, r, tol)
                : Verdict.fail(failText(what, l, r, tol));
            case GREATER -> l > r && !tol.accepts(r, l) ? Verdict.atLeast(what, l, r, tol)
                : Verdict.fail(failText(what, l, r, tol));
            case PROPTO -> throw new IllegalStateException("propto is decided by Proportional");
        };
    }

    private static String failText(String what, double l, double r, Tolerance tol) {
        return String.format(Locale.ROOT, "%s (strict)%n  left side:  %s%n  right side: %s%n  difference: %s%n"
            + "  tolerance:  %s", what, l, r, Math.abs(l - r), tol);
    }
}
