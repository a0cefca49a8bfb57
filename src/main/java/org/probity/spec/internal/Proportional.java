package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.probity.check.Verdict;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;
import org.probity.spec.ast.Expr;

/**
 * {@code lhs propto_{V} rhs} on one instance: the ratio lhs / rhs does not depend on the variables
 * V. Decided by cross-multiplying at pairs of points that differ only in V: with (l, r) at one
 * point and (l', r') at the other, l' r == l r' (no division, so a side that is 0 at one point and
 * not at the other fails, and 0/0 points are skipped as undefined).
 *
 * <p>Tolerance: each side's value carries the absolute error bound of {@link InstanceCheck}'s rule
 * for its family, e(v) = k u m(v); the products then differ by at most
 * \( e(l') |r| + |l'| e(r) + e(l) |r'| + |l| e(r') \), the magnitude passed to the same rounding rule.
 */
final class Proportional {
    private static final double MARKOV_ULPS = 256;
    private static final double GAUSSIAN_ULPS = 16;

    private Proportional() {
    }

    /** Markov: at every assignment of the other free variables, every assignment of V against the first defined one. */
    static Verdict markov(ItemCheck.Subject s, MarkovInstance m, Scope scope, String at, Budget budget) {
        List<Integer> over = new ArrayList<>();
        for (Scope.Slot sl : scope.slots(s.over())) {
            over.add(sl.index());
        }
        TreeSet<Integer> free = FreeVariables.of(s.lhs(), scope);
        free.addAll(FreeVariables.of(s.rhs(), scope));
        free.removeAll(over);
        List<Integer> outer = new ArrayList<>(free);
        long outerCount = Limits.power(m.states(), outer.size());
        long innerCount = Limits.power(m.states(), over.size());
        int[] x = new int[m.steps() + 1];
        Verdict worst = null;
        double ulps = MARKOV_ULPS * (m.steps() + 2);
        for (long c = 0; c < outerCount; c++) {
            java.util.Arrays.fill(x, -1);
            String where = assign(x, outer, c, m.states(), at);
            double[] ref = null;
            String refWhere = "";
            for (long v = 0; v < innerCount; v++) {
                budget.check();
                String inner = assign(x, over, v, m.states(), "");
                MarkovEvaluator ev = new MarkovEvaluator(m, budget);
                double l = ev.eval(s.lhs(), scope, x);
                double r = ev.eval(s.rhs(), scope, x);
                if (Double.isNaN(l) || Double.isNaN(r) || l == 0 && r == 0) {
                    continue;
                }
                double mag = Math.max(ev.magnitude(), Math.max(Math.abs(l), Math.abs(r)));
                double[] here = {l, r, mag, mag};
                if (ref == null) {
                    ref = here;
                    refWhere = inner;
                    continue;
                }
                Verdict verdict = compare(s, ref, here, ulps, "markov: 2^8 (T+2) u", where, refWhere, inner);
                if (!verdict.passed()) {
                    return verdict;
                }
                worst = worse(verdict, worst);
            }
        }
        return worst;
    }

    /** Gaussian: each point against itself with V taken from each other point; closed forms only. */
    static Verdict gaussian(ItemCheck.Subject s, GaussianInstance g, GaussianEvaluator ev, Scope scope, String at,
                            InstanceCheck.Trace trace) {
        Closed lc = ev.closed(s.lhs(), scope);
        Closed rc = lc.available() ? ev.closed(s.rhs(), scope) : lc;
        if (!rc.available()) {
            trace.unevaluable("propto needs closed forms of both sides (" + rc.whyNot() + ")", rc.origin());
            return null;
        }
        List<Integer> over = scope.slotsOf(java.util.Arrays.stream(Scope.variables(scope.slots(s.over()))).boxed()
            .toList());
        double[][] points = g.points();
        TreeSet<Integer> free = FreeVariables.of(s.lhs(), scope);
        free.addAll(FreeVariables.of(s.rhs(), scope));
        TreeSet<Integer> overTimes = new TreeSet<>();
        for (Scope.Slot sl : scope.slots(s.over())) {
            overTimes.add(sl.index());
        }
        double ulps = GAUSSIAN_ULPS * (g.steps() + 2) * (g.steps() + 2);
        Verdict worst = null;
        for (int a = 0; a < points.length; a++) {
            double[] x = ev.pad(points[a]);
            double[] here = values(lc, rc, ev, x);
            for (int b = 0; b < points.length; b++) {
                if (b == a) {
                    continue;
                }
                double[] y = x.clone();
                double[] other = ev.pad(points[b]);
                for (int slot : over) {
                    y[slot] = other[slot];
                }
                double[] there = values(lc, rc, ev, y);
                Verdict inLogs = logs(s, lc, rc, ev, x, y, ulps, at, describe(free, x, g.dims()),
                    describe(overTimes, y, g.dims()));
                if (inLogs != null) {
                    if (!inLogs.passed()) {
                        return inLogs;
                    }
                    worst = worse(inLogs, worst);
                    continue;
                }
                if (Double.isNaN(here[0] + here[1] + there[0] + there[1]) || here[0] == 0 && here[1] == 0
                    || there[0] == 0 && there[1] == 0) {
                    continue;
                }
                Verdict verdict = compare(s, here, there, ulps, "gaussian: 16 (T+2)^2 u", at,
                    describe(free, x, g.dims()), describe(overTimes, y, g.dims()));
                if (!verdict.passed()) {
                    return verdict;
                }
                worst = worse(verdict, worst);
            }
        }
        return worst;
    }

    /**
     * When both sides are single exponentials c e^{Q(x)} with c > 0 (densities, their products and
     * ratios), the comparison in logs: log l' + log r == log l + log r', which no overflow or
     * underflow of the densities can spoil; the tolerance is the rounding rule on κ times the sum of
     * the four logs' term magnitudes plus the coefficient scale C (1 + max|x|)^2 of each, scaled by
     * the largest |log| as in {@link InstanceCheck}'s gaussian rule. Null otherwise.
     */
    private static Verdict logs(ItemCheck.Subject s, Closed lc, Closed rc, GaussianEvaluator ev, double[] x, double[] y,
                                double ulps, String at, String first, String second) {
        Closed.Term lt = monomial(lc);
        Closed.Term rt = monomial(rc);
        if (lt == null || rt == null) {
            return null;
        }
        double ll = Math.log(lt.poly().c) + lt.expo().at(x);
        double lr = Math.log(rt.poly().c) + rt.expo().at(x);
        double ml = Math.log(lt.poly().c) + lt.expo().at(y);
        double mr = Math.log(rt.poly().c) + rt.expo().at(y);
        double radius = 1;
        for (int i = 0; i < x.length; i++) {
            radius = Math.max(radius, 1 + Math.max(Math.abs(x[i]), Math.abs(y[i])));
        }
        double terms = Math.abs(Math.log(lt.poly().c)) * 2 + Math.abs(Math.log(rt.poly().c)) * 2
            + lt.expo().magnitudeAt(x) + rt.expo().magnitudeAt(x) + lt.expo().magnitudeAt(y) + rt.expo().magnitudeAt(y);
        double kappa = ev.condition[0];
        double largest = Math.max(Math.max(Math.abs(ll), Math.abs(lr)), Math.max(Math.abs(ml), Math.abs(mr)));
        // as InstanceCheck's gaussian rule: the coefficient term scaled by max(1, |value|)
        double mag = kappa * terms + 4 * ev.coefficientScale() * radius * radius * Math.max(1, largest);
        Tolerance tol = Tolerances.roundedSum(ulps, mag).named(() -> String.format(Locale.ROOT,
            "gaussian, in logs: 16 (T+2)^2 u (kappa V + 4 C (1 + max|x|)^2 max(1, |log|)), kappa = %.3g, V = %.3g (the "
            + "four logs' terms), C = %.3g", kappa, terms, ev.coefficientScale()));
        String what = String.format(Locale.ROOT, "%s: left propto right in %s%s: log left(b) + log right(a) == "
            + "log left(a) + log right(b) with a: %s (log left %s, log right %s), b: a with %s (log left %s, log right %s)",
            s.label(), Printer.items(s.over()), at.isEmpty() ? "" : " at " + at, first, ll, lr, second, ml, mr);
        return Verdict.close(what, ml + lr, ll + mr, tol);
    }

    private static Closed.Term monomial(Closed c) {
        if (c.terms.size() != 1) {
            return null;
        }
        Closed.Term t = c.terms.get(0);
        return t.poly().degree() == 0 && t.poly().c > 0 ? t : null;
    }

    /** l, r and their error magnitudes m(l), m(r) at x (InstanceCheck's gaussian rule: κ V + C (1 + max|x|)² max(1, |v|)). */
    private static double[] values(Closed lc, Closed rc, GaussianEvaluator ev, double[] x) {
        double l = lc.at(x);
        double r = rc.at(x);
        double radius = 1;
        for (double xi : x) {
            radius = Math.max(radius, 1 + Math.abs(xi));
        }
        double kappa = ev.condition[0];
        double cl = ev.coefficientScale() * radius * radius;
        return new double[] {l, r, kappa * Math.max(lc.magnitudeAt(x), Math.abs(l)) + cl * Math.max(1, Math.abs(l)),
            kappa * Math.max(rc.magnitudeAt(x), Math.abs(r)) + cl * Math.max(1, Math.abs(r))};
    }

    /** l' r == l r' for (l, r, m(l), m(r)) at two points. */
    private static Verdict compare(ItemCheck.Subject s, double[] p, double[] q, double ulps, String rule, String at,
                                   String first, String second) {
        double left = q[0] * p[1];
        double right = p[0] * q[1];
        double mag = q[2] * Math.abs(p[1]) + Math.abs(q[0]) * p[3] + p[2] * Math.abs(q[1]) + Math.abs(p[0]) * q[3];
        Tolerance tol = Tolerances.roundedSum(ulps, mag).named(() -> String.format(Locale.ROOT,
            "%s (m(l') |r| + |l'| m(r) + m(l) |r'| + |l| m(r')) = %.3g", rule, mag));
        String what = String.format(Locale.ROOT, "%s: left propto right in %s%s: left(b) * right(a) == left(a) * "
            + "right(b) with a: %s (left %s, right %s), b: a with %s (left %s, right %s)", s.label(), Printer.items(s.over()),
            at.isEmpty() ? "" : " at " + at, first, p[0], p[1], second, q[0], q[1]);
        return Verdict.close(what, left, right, tol);
    }

    /** "x_0 = 0.1, x_1 = [0.2, 0.3]" at the point x. */
    private static String describe(TreeSet<Integer> vars, double[] x, int dims) {
        StringBuilder sb = new StringBuilder();
        for (int v : vars) {
            sb.append(sb.length() > 0 ? ", " : "").append("x_").append(v).append(" = ").append(InstanceCheck.value(x, v, dims));
        }
        return sb.toString();
    }

    private static String assign(int[] x, List<Integer> vars, long code, int states, String prefix) {
        StringBuilder where = new StringBuilder(prefix);
        long r = code;
        for (int v : vars) {
            x[v] = (int) (r % states);
            r /= states;
            where.append(where.length() > 0 ? ", " : "").append("x_").append(v).append(" = ").append(x[v]);
        }
        return where.toString();
    }

    private static Verdict worse(Verdict v, Verdict worst) {
        if (worst == null || v.isNumeric() && worst.isNumeric() && v.difference() > worst.difference()) {
            return v;
        }
        return worst;
    }
}
