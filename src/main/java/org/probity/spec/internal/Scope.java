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
    /** Index expressions here were accepted by {@link Semantics}; anything else is a bug. */
    private static final IndexValue.Errors CHECKED = new IndexValue.Errors() {
        @Override
        public RuntimeException notWhole(Expr.Num n) {
            return new IllegalStateException("index not checked by Semantics: " + n);
        }

        @Override
        public RuntimeException unbound(Expr.Name n) {
            return new IllegalStateException("index name not checked by Semantics: " + n);
        }

        @Override
        public RuntimeException notIndex(Expr e) {
            return new IllegalStateException("index not checked by Semantics: " + Printer.print(e));
        }
    };

    final Map<String, Expr> lets;
    final int steps;
    final Map<String, Integer> indices;
    private final IndexValue values;

    Scope(Map<String, Expr> lets, int steps, Map<String, Integer> indices) {
        this.lets = lets;
        this.steps = steps;
        this.indices = indices;
        this.values = new IndexValue(steps, indices, CHECKED);
    }

    Scope with(String name, int value) {
        Map<String, Integer> m = new HashMap<>(indices);
        m.put(name, value);
        return new Scope(lets, steps, m);
    }

    int index(Expr e) {
        return values.of(e);
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

    /** The variable indices of the slots, in order. */
    static int[] variables(List<Slot> slots) {
        int[] out = new int[slots.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = slots.get(k).index();
        }
        return out;
    }

    /** The unpinned variables a distribution is over (its targets). */
    List<Integer> targets(Expr.Distribution dist) {
        return dist.match(new Expr.DistributionVisitor<>() {
            @Override
            public List<Integer> density(Expr.Density d) {
                List<Integer> out = new ArrayList<>();
                for (Slot s : slots(d.targets())) {
                    if (s.pinned() == null) {
                        out.add(s.index());
                    }
                }
                return out;
            }

            @Override
            public List<Integer> normal(Expr.Normal n) {
                return List.of(index(n.at().from()));
            }
        });
    }
}
