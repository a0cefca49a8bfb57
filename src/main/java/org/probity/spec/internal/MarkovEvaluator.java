package org.probity.spec.internal;

import java.util.List;
import org.probity.math.LogSpace;
import org.probity.math.NeumaierSum;
import org.probity.spec.ast.Expr;

/**
 * Exact evaluation on a {@code markov} instance: expectations, KL, entropies and {@code int} by
 * enumeration of the variables they bind (at most K^(T+1) points), every density from the joint
 * table. Conventions of SPEC-LANGUAGE.md: {@code 0 * anything = 0} and {@code 0 / anything = 0} (so
 * 0·log 0 = 0 and a point where a factor is 0 contributes 0), points of zero weight are skipped.
 *
 * <p>Alongside the value it records {@link #magnitude()}: the largest sum of absolute values of the
 * terms of any sum it formed, from which the tolerance of {@code ==} is derived.
 */
final class MarkovEvaluator {
    private final MarkovInstance m;
    private double magnitude;

    MarkovEvaluator(MarkovInstance m) {
        this.m = m;
    }

    double magnitude() {
        return magnitude;
    }

    private void note(double absSum) {
        if (absSum > magnitude && absSum < Double.POSITIVE_INFINITY) {
            magnitude = absSum;
        }
    }

    double eval(Expr e, Scope s, int[] x) {
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Steps) {
            return s.steps;
        }
        if (e instanceof Expr.Name n) {
            Integer i = s.indices.get(n.name());
            return i != null ? i : eval(s.lets.get(n.name()), s, x);
        }
        if (e instanceof Expr.Var v) {
            return x[s.index(v.index())];
        }
        if (e instanceof Expr.Neg n) {
            return -eval(n.operand(), s, x);
        }
        if (e instanceof Expr.Bin b) {
            return binary(b.op(), eval(b.left(), s, x), eval(b.right(), s, x));
        }
        if (e instanceof Expr.Call c) {
            double a = eval(c.argument(), s, x);
            note(Math.abs(a));
            if (c.function().equals("log")) {
                // A relative error d in the argument is an absolute error d in its log, whatever its size.
                note(1);
            }
            return function(c.function(), a);
        }
        if (e instanceof Expr.Density d) {
            return density(d, s, x);
        }
        if (e instanceof Expr.Expect ex) {
            Expr.Density d = (Expr.Density) ex.distribution();
            return enumerate(s.targets(d), x, pt -> {
                double w = density(d, s, pt);
                if (w == 0) {
                    return 0;
                }
                return binary('*', w, eval(ex.body(), s, pt));
            });
        }
        if (e instanceof Expr.Integral in) {
            List<Integer> vars = new java.util.ArrayList<>();
            for (Scope.Slot sl : s.slots(in.variables())) {
                vars.add(sl.index());
            }
            return enumerate(vars, x, pt -> eval(in.body(), s, pt));
        }
        if (e instanceof Expr.Sum sm) {
            int lo = s.index(sm.from());
            int hi = s.index(sm.to());
            if (sm.product()) {
                double prod = 1;
                for (int i = lo; i <= hi; i++) {
                    prod = binary('*', prod, eval(sm.body(), s.with(sm.index(), i), x));
                }
                return prod;
            }
            NeumaierSum acc = NeumaierSum.create();
            double abs = 0;
            for (int i = lo; i <= hi; i++) {
                double v = eval(sm.body(), s.with(sm.index(), i), x);
                acc.add(v);
                abs += Math.abs(v);
            }
            note(abs);
            return acc.sum();
        }
        if (e instanceof Expr.Kl k) {
            Expr.Density d1 = (Expr.Density) k.first();
            Expr.Density d2 = (Expr.Density) k.second();
            double[] scale = {0};
            double kl = enumerate(s.targets(d1), x, pt -> {
                double a = density(d1, s, pt);
                double b = density(d2, s, pt);
                scale[0] += sensitivity(a, b, 2);
                return LogSpace.klTerm(a, b);
            });
            note(scale[0]);
            return kl;
        }
        if (e instanceof Expr.Entropy h) {
            Expr.Density d1 = (Expr.Density) h.first();
            Expr.Density d2 = (Expr.Density) (h.second() == null ? h.first() : h.second());
            double[] scale = {0};
            double entropy = enumerate(s.targets(d1), x, pt -> {
                double a = density(d1, s, pt);
                double b = density(d2, s, pt);
                scale[0] += sensitivity(a, b, 1);
                return a == 0 ? 0 : -LogSpace.xlogy(a, b);
            });
            note(scale[0]);
            return entropy;
        }
        throw new IllegalStateException("not a markov expression: " + Printer.print(e));
    }

    /**
     * How much a term {@code a log(a / b)} (KL, {@code k = 2}) or {@code -a log b} (entropy and
     * cross-entropy, {@code k = 1}) moves per unit relative error in {@code a} and {@code b}:
     * {@code a (k + |log(a / b)|)}, resp. {@code a (k + |log b|)}. The densities come from sums
     * over the joint table, so they carry relative errors of a few u even when the KL they feed is 0.
     */
    private static double sensitivity(double a, double b, int k) {
        if (!(a > 0 && b > 0)) {
            return 0;
        }
        double s = a * (k + Math.abs(k == 2 ? Math.log(a / b) : Math.log(b)));
        return Double.isFinite(s) ? s : 0;
    }

    private interface PointFunction {
        double at(int[] x);
    }

    /** Sums f over every assignment of {@code vars} (other entries of x kept), skipping exact zeros. */
    private double enumerate(List<Integer> vars, int[] x, PointFunction f) {
        int[] pt = x.clone();
        int n = vars.size();
        int count = 1;
        for (int i = 0; i < n; i++) {
            count *= m.states();
        }
        NeumaierSum acc = NeumaierSum.create();
        double abs = 0;
        for (int c = 0; c < count; c++) {
            int r = c;
            for (int v : vars) {
                pt[v] = r % m.states();
                r /= m.states();
            }
            double val = f.at(pt);
            if (val != 0) {
                acc.add(val);
                abs += Math.abs(val);
            }
        }
        note(abs);
        return acc.sum();
    }

    private double density(Expr.Density d, Scope s, int[] x) {
        List<Scope.Slot> targets = s.slots(d.targets());
        List<Scope.Slot> given = s.slots(d.given());
        int[] pt = x;
        boolean copied = false;
        for (List<Scope.Slot> side : List.of(targets, given)) {
            for (Scope.Slot sl : side) {
                if (sl.pinned() != null) {
                    double v = eval(sl.pinned(), s, x);
                    if (!(v == Math.rint(v) && v >= 0 && v < m.states())) {
                        return side == targets ? 0 : Double.NaN;
                    }
                    if (!copied) {
                        pt = x.clone();
                        copied = true;
                    }
                    pt[sl.index()] = (int) v;
                }
            }
        }
        return m.density(d.generative(), Scope.mask(targets), Scope.mask(given), pt);
    }

    static double function(String f, double a) {
        switch (f) {
            case "log":
                return Math.log(a);
            case "exp":
                return Math.exp(a);
            case "sqrt":
                return Math.sqrt(a);
            case "abs":
                return Math.abs(a);
            default:
                throw new IllegalStateException("not a markov function: " + f);
        }
    }

    double binary(char op, double l, double r) {
        switch (op) {
            case '+':
                note(Math.abs(l) + Math.abs(r));
                return l + r;
            case '-':
                note(Math.abs(l) + Math.abs(r));
                return l - r;
            case '*':
                return l == 0 || r == 0 ? 0 : l * r;
            case '/':
                return l == 0 ? 0 : l / r;
            default:
                return Math.pow(l, r);
        }
    }
}
