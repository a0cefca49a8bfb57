package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
    /** The values of the real variables bound by enclosing {@code int_{t=a}^{b}} (a vdm model's times). */
    final Map<String, Double> times;
    /** The dimension d of every variable (1 on markov). */
    final int dims;
    /** The component 0..d-1 at which vector-valued nodes are evaluated (elementwise semantics). */
    final int component;
    private final IndexValue values;
    /** {@link #slots} by list of items (identity), created on first use. */
    private Map<List<VarItem>, List<Slot>> slots;
    /** {@link #key()} once computed. */
    private Key key;

    Scope(Map<String, Expr> lets, int steps, Map<String, Integer> indices) {
        this(lets, steps, indices, 1, 0);
    }

    Scope(Map<String, Expr> lets, int steps, Map<String, Integer> indices, int dims, int component) {
        this(lets, steps, indices, Map.of(), dims, component);
    }

    private Scope(Map<String, Expr> lets, int steps, Map<String, Integer> indices, Map<String, Double> times, int dims,
                  int component) {
        this.lets = lets;
        this.steps = steps;
        this.indices = indices;
        this.times = times;
        this.dims = dims;
        this.component = component;
        this.values = new IndexValue(steps, indices, CHECKED);
    }

    /**
     * The scopes a quantified item is checked in: this one when {@code index} is null (no
     * {@code for} range), else one per value of the index from {@code from} to {@code to}.
     */
    List<Scope> overIndex(String index, Expr from, Expr to) {
        List<Scope> scopes = new ArrayList<>();
        if (index == null) {
            scopes.add(this);
        } else {
            for (int i = index(from); i <= index(to); i++) {
                scopes.add(with(index, i));
            }
        }
        return scopes;
    }

    Scope with(String name, int value) {
        Map<String, Integer> m = new HashMap<>(indices);
        m.put(name, value);
        return new Scope(lets, steps, m, times, dims, component);
    }

    /** This scope with the real variable {@code name} (bound by {@code int_{name=a}^{b}}) at {@code value}. */
    Scope withTime(String name, double value) {
        Map<String, Double> m = new HashMap<>(times);
        m.put(name, value);
        return new Scope(lets, steps, indices, m, dims, component);
    }

    /** This scope with vector-valued nodes evaluated at component {@code i}. */
    Scope atComponent(int i) {
        return i == component ? this : new Scope(lets, steps, indices, times, dims, i);
    }

    /** The variable slot of x_t at this scope's component: t d + component. */
    int slot(int t) {
        return t * dims + component;
    }

    /** Every slot of the variables x_t, t in {@code times}: d per variable. */
    List<Integer> slotsOf(List<Integer> times) {
        List<Integer> out = new ArrayList<>();
        for (int t : times) {
            for (int i = 0; i < dims; i++) {
                out.add(t * dims + i);
            }
        }
        return out;
    }

    /** What makes two evaluations of one node equal: the index values, the component and the times. */
    Object key() {
        if (key == null) {
            key = new Key(times.isEmpty() ? List.of(indices, component) : List.of(indices, component, times));
        }
        return key;
    }

    /** A {@link #key()}, hashed once: the evaluators look it up for every node they evaluate. */
    private static final class Key {
        private final Object value;
        private final int hash;

        Key(Object value) {
            this.value = value;
            this.hash = value.hashCode();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.value.equals(value);
        }
    }

    int index(Expr e) {
        return values.of(e);
    }

    /** One resolved variable: its time index and its pinned value expression (or null). */
    record Slot(int index, Expr pinned) { }

    /**
     * The slots of {@code items} in this scope (unmodifiable; computed once per list of items: the
     * evaluators ask again at every point they enumerate).
     */
    List<Slot> slots(List<VarItem> items) {
        if (slots == null) {
            slots = new IdentityHashMap<>();
        }
        List<Slot> known = slots.get(items);
        if (known == null) {
            known = List.copyOf(resolve(items));
            slots.put(items, known);
        }
        return known;
    }

    private List<Slot> resolve(List<VarItem> items) {
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

    /** The unpinned variables a distribution is over (its targets; a variable also given is not one). */
    List<Integer> targets(Expr.Distribution dist) {
        return dist.match(new Expr.DistributionVisitor<>() {
            @Override
            public List<Integer> density(Expr.Density d) {
                java.util.Set<Integer> given = new java.util.HashSet<>();
                for (Slot s : slots(d.given())) {
                    given.add(s.index());
                }
                List<Integer> out = new ArrayList<>();
                for (Slot s : slots(d.targets())) {
                    if (s.pinned() == null && !given.contains(s.index())) {
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
