package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.VarItem;

/**
 * What an evaluator needs besides the model: the {@code let} definitions, T, and the values of the
 * index names in scope. Index expressions were checked by {@link Semantics}, so they evaluate to
 * whole numbers in range here.
 */
final class Scope {
    final Map<String, Expr> lets;
    final int steps;
    final Map<String, Integer> indices;

    Scope(Map<String, Expr> lets, int steps, Map<String, Integer> indices) {
        this.lets = lets;
        this.steps = steps;
        this.indices = indices;
    }

    Scope with(String name, int value) {
        Map<String, Integer> m = new HashMap<>(indices);
        m.put(name, value);
        return new Scope(lets, steps, m);
    }

    int index(Expr e) {
        if (e instanceof Expr.Num n) {
            return (int) n.value();
        }
        if (e instanceof Expr.Steps) {
            return steps;
        }
        if (e instanceof Expr.Name n) {
            return indices.get(n.name());
        }
        if (e instanceof Expr.Neg n) {
            return -index(n.operand());
        }
        Expr.Bin b = (Expr.Bin) e;
        int l = index(b.left());
        int r = index(b.right());
        return b.op() == '+' ? l + r : b.op() == '-' ? l - r : l * r;
    }

    /** One resolved variable: its time index and its pinned value expression (or null). */
    record Slot(int index, Expr pinned) { }

    List<Slot> slots(List<VarItem> items) {
        List<Slot> out = new ArrayList<>();
        for (VarItem v : items) {
            if (v.isRange()) {
                int hi = index(v.to());
                for (int i = index(v.from()); i <= hi; i++) {
                    out.add(new Slot(i, null));
                }
            } else {
                out.add(new Slot(index(v.from()), v.pinned()));
            }
        }
        return out;
    }

    static int mask(List<Slot> slots) {
        int m = 0;
        for (Slot s : slots) {
            m |= 1 << s.index();
        }
        return m;
    }

    /** The unpinned variables a distribution is over (its targets). */
    List<Integer> targets(Expr dist) {
        List<Integer> out = new ArrayList<>();
        if (dist instanceof Expr.Normal n) {
            out.add(index(n.at().from()));
            return out;
        }
        for (Slot s : slots(((Expr.Density) dist).targets())) {
            if (s.pinned() == null) {
                out.add(s.index());
            }
        }
        return out;
    }
}
