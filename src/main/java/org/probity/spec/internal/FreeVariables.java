package org.probity.spec.internal;

import java.util.List;
import java.util.TreeSet;
import org.probity.spec.ast.Expr;

/** The random variables an expression depends on that no {@code E}, {@code int}, KL or H binds. */
final class FreeVariables {
    private FreeVariables() {
    }

    static TreeSet<Integer> of(Expr e, Scope s) {
        TreeSet<Integer> out = new TreeSet<>();
        collect(e, s, out);
        return out;
    }

    private static void collect(Expr e, Scope s, TreeSet<Integer> out) {
        if (e == null || e instanceof Expr.Num || e instanceof Expr.Steps) {
            return;
        }
        if (e instanceof Expr.Name n) {
            if (!s.indices.containsKey(n.name())) {
                collect(s.lets.get(n.name()), s, out);
            }
        } else if (e instanceof Expr.Var v) {
            out.add(s.index(v.index()));
        } else if (e instanceof Expr.Neg n) {
            collect(n.operand(), s, out);
        } else if (e instanceof Expr.Bin b) {
            collect(b.left(), s, out);
            collect(b.right(), s, out);
        } else if (e instanceof Expr.Call c) {
            if (!List.of("beta", "alpha", "abar", "snr").contains(c.function())) {
                collect(c.argument(), s, out);
            }
        } else if (e instanceof Expr.Density d) {
            for (Scope.Slot sl : s.slots(d.targets())) {
                pinnedOrFree(sl, s, out);
            }
            for (Scope.Slot sl : s.slots(d.given())) {
                pinnedOrFree(sl, s, out);
            }
        } else if (e instanceof Expr.Normal n) {
            out.add(s.index(n.at().from()));
            collect(n.mean(), s, out);
            collect(n.variance(), s, out);
        } else if (e instanceof Expr.Expect x) {
            TreeSet<Integer> inner = new TreeSet<>();
            collect(x.distribution(), s, inner);
            collect(x.body(), s, inner);
            inner.removeAll(s.targets(x.distribution()));
            out.addAll(inner);
        } else if (e instanceof Expr.Integral in) {
            TreeSet<Integer> inner = new TreeSet<>();
            collect(in.body(), s, inner);
            for (Scope.Slot sl : s.slots(in.variables())) {
                inner.remove(sl.index());
            }
            out.addAll(inner);
        } else if (e instanceof Expr.Sum sm) {
            for (int i = s.index(sm.from()); i <= s.index(sm.to()); i++) {
                collect(sm.body(), s.with(sm.index(), i), out);
            }
        } else if (e instanceof Expr.Kl k) {
            bound(k.first(), k.second(), s, out);
        } else if (e instanceof Expr.Entropy h) {
            bound(h.first(), h.second(), s, out);
        }
    }

    private static void bound(Expr d1, Expr d2, Scope s, TreeSet<Integer> out) {
        TreeSet<Integer> inner = new TreeSet<>();
        collect(d1, s, inner);
        collect(d2, s, inner);
        inner.removeAll(s.targets(d1));
        out.addAll(inner);
    }

    private static void pinnedOrFree(Scope.Slot sl, Scope s, TreeSet<Integer> out) {
        if (sl.pinned() == null) {
            out.add(sl.index());
        } else {
            collect(sl.pinned(), s, out);
        }
    }
}
