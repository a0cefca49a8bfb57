package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;
import org.probity.spec.ast.Operator;
import org.probity.spec.ast.VarItem;

/**
 * A claim written for a generic step, such as Bayes' rule for q(x_{t-1} | x_t, x_0), uses an index
 * t that no sum binds. It is checked for every t in the range where every variable index is in
 * 0..T and variables written differently stay different (x_{t-1} and x_0 at t = 1 would be one
 * variable given itself): the smallest such lower bound, and T minus the largest offset above.
 */
final class FreeIndex {
    private static final int PROBE = 12;

    private FreeIndex() {
    }

    /** The index name (t or s) that occurs free in the expressions, or null. */
    static String of(List<Expr> exprs) {
        for (Expr e : exprs) {
            String n = free(e, new HashSet<>());
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    private static String free(Expr e, Set<String> bound) {
        if (e == null) {
            return null;
        }
        if (e instanceof Expr.Name n) {
            // an index is a lower-case letter (SPEC-LANGUAGE.md); J, K, M … are names the document defines
            return n.name().matches("[a-z]") && !bound.contains(n.name()) ? n.name() : null;
        }
        if (e instanceof Expr.Sum s) {
            String a = free(s.from(), bound);
            String b = a != null ? a : free(s.to(), bound);
            if (b != null) {
                return b;
            }
            Set<String> inner = new HashSet<>(bound);
            inner.add(s.index());
            return free(s.body(), inner);
        }
        List<Expr> kids = new ArrayList<>(children(e));
        if (e instanceof Expr.Var v) {
            kids.add(v.index());
        }
        for (VarItem v : items(e)) {
            kids.add(v.from());
            if (v.to() != null) {
                kids.add(v.to());
            }
        }
        for (Expr c : kids) {
            String n = free(c, bound);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /** {from, to} of the index for a step between two expressions. */
    static Expr[] range(String index, Expr a, Expr b) {
        List<Expr> forms = new ArrayList<>();
        List<Expr> steps = new ArrayList<>();
        collect(a, forms, steps);
        collect(b, forms, steps);
        int lo = 0;
        while (lo < PROBE && !(valid(forms, index, lo, lo + PROBE) && inRange(steps, index, lo, lo + PROBE))) {
            lo++;
        }
        int up = 0;
        while (up < PROBE && !(valid(forms, index, 2 * PROBE - up, 2 * PROBE)
            && inRange(steps, index, 2 * PROBE - up, 2 * PROBE))) {
            up++;
        }
        Expr to = up == 0 ? new Expr.Steps() : new Expr.Bin(Operator.of('-'), new Expr.Steps(), new Expr.Num(up));
        return new Expr[] {new Expr.Num(lo), to};
    }

    private static boolean valid(List<Expr> forms, String index, int t, int steps) {
        Map<Integer, Expr> seen = new java.util.HashMap<>();
        for (Expr f : forms) {
            Integer v = eval(f, index, t, steps);
            if (v == null) {
                continue;
            }
            if (v < 0 || v > steps) {
                return false;
            }
            Expr other = seen.putIfAbsent(v, f);
            if (other != null && !other.equals(f)) {
                return false;
            }
        }
        return true;
    }

    /** Schedule steps: beta, alpha and snr need 1..T, abar 0..T (a step-1 form marks the former). */
    private static boolean inRange(List<Expr> steps, String index, int t, int total) {
        for (Expr f : steps) {
            Integer v = eval(f, index, t, total);
            if (v != null && (v < 0 || v > total)) {
                return false;
            }
        }
        return true;
    }

    private static Integer eval(Expr e, String index, int t, int steps) {
        if (e instanceof Expr.Num n) {
            return (int) n.value();
        }
        if (e instanceof Expr.Steps) {
            return steps;
        }
        if (e instanceof Expr.Name n) {
            return n.name().equals(index) ? t : null;
        }
        if (e instanceof Expr.Neg n) {
            Integer v = eval(n.operand(), index, t, steps);
            return v == null ? null : -v;
        }
        if (e instanceof Expr.Bin b && b.op().symbol() != '/' && b.op().symbol() != '^') {
            Integer l = eval(b.left(), index, t, steps);
            Integer r = eval(b.right(), index, t, steps);
            if (l == null || r == null) {
                return null;
            }
            return b.op().symbol() == '+' ? l + r : b.op().symbol() == '-' ? l - r : l * r;
        }
        return null;
    }

    /** Every variable index and schedule step of an expression (outside sums over other indices too). */
    private static void collect(Expr e, List<Expr> out, List<Expr> steps) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Var v) {
            out.add(v.index());
            return;
        }
        if (e instanceof Expr.Call c && c.function().isTime() && c.argument() instanceof Expr.Bin b
            && b.op().symbol() == '/' && b.right() instanceof Expr.Steps) {
            steps.add(b.left());   // a grid time i/T of a vdm schedule: i in 0..T
            return;
        }
        if (e instanceof Expr.Call c && c.function().isSchedule()) {
            steps.add(c.function() == Function.ABAR ? c.argument()
                : new Expr.Bin(Operator.SUBTRACT, c.argument(), new Expr.Num(1)));
            return;
        }
        for (VarItem v : items(e)) {
            out.add(v.from());
            if (v.to() != null) {
                out.add(v.to());
            }
        }
        for (Expr c : children(e)) {
            collect(c, out, steps);
        }
    }

    private static List<VarItem> items(Expr e) {
        List<VarItem> out = new ArrayList<>();
        if (e instanceof Expr.Density d) {
            out.addAll(d.targets());
            out.addAll(d.given());
        } else if (e instanceof Expr.Normal n) {
            out.add(n.at());
        } else if (e instanceof Expr.Integral i) {
            out.addAll(i.variables());
        }
        return out;
    }

    private static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.Neg n) {
            out.add(n.operand());
        } else if (e instanceof Expr.Bin b) {
            out.add(b.left());
            out.add(b.right());
        } else if (e instanceof Expr.Call c) {
            out.add(c.argument());
        } else if (e instanceof Expr.Normal n) {
            out.add(n.mean());
            out.add(n.variance());
        } else if (e instanceof Expr.Expect x) {
            out.add(x.distribution());
            out.add(x.body());
        } else if (e instanceof Expr.Integral i) {
            out.add(i.body());
        } else if (e instanceof Expr.Sum s) {
            out.add(s.body());
        } else if (e instanceof Expr.Kl k) {
            out.add(k.first());
            out.add(k.second());
        } else if (e instanceof Expr.Entropy h) {
            out.add(h.first());
            if (h.second() != null) {
                out.add(h.second());
            }
        }
        return out;
    }
}
