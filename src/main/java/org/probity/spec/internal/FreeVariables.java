package org.probity.spec.internal;

import java.util.List;
import java.util.TreeSet;
import org.probity.spec.ast.Expr;

/** The random variables an expression depends on that no {@code E}, {@code int}, KL or H binds. */
final class FreeVariables extends OperandVisitor<Void> {
    private final Scope s;
    private final TreeSet<Integer> out;

    private FreeVariables(Scope s, TreeSet<Integer> out) {
        this.s = s;
        this.out = out;
    }

    static TreeSet<Integer> of(Expr e, Scope s) {
        TreeSet<Integer> out = new TreeSet<>();
        collect(e, s, out);
        return out;
    }

    private static void collect(Expr e, Scope s, TreeSet<Integer> out) {
        if (e != null) {
            e.accept(new FreeVariables(s, out));
        }
    }

    private void collect(Expr e) {
        collect(e, s, out);
    }

    @Override
    public Void name(Expr.Name e) {
        if (!s.indices.containsKey(e.name()) && !s.times.containsKey(e.name())) {
            collect(s.lets.get(e.name()));
        }
        return null;
    }

    @Override
    public Void var(Expr.Var e) {
        out.add(s.index(e.index()));
        return null;
    }

    @Override
    Void leaf(Expr e) {
        return null;
    }

    @Override
    Void operands(Expr e, List<Expr> operands) {
        operands.forEach(this::collect);
        return null;
    }

    /** A schedule function's argument is a step, not a random variable. */
    @Override
    public Void call(Expr.Call e) {
        return e.function().isSchedule() || e.function().isTime() ? null : super.call(e);
    }

    @Override
    public Void density(Expr.Density e) {
        for (Scope.Slot sl : s.slots(e.targets())) {
            pinnedOrFree(sl);
        }
        for (Scope.Slot sl : s.slots(e.given())) {
            pinnedOrFree(sl);
        }
        return null;
    }

    @Override
    public Void normal(Expr.Normal e) {
        out.add(s.index(e.at().from()));
        collect(e.mean());
        collect(e.variance());
        return null;
    }

    @Override
    public Void expect(Expr.Expect e) {
        TreeSet<Integer> inner = new TreeSet<>();
        collect(e.distribution(), s, inner);
        collect(e.body(), s, inner);
        inner.removeAll(s.targets(e.distribution()));
        out.addAll(inner);
        return null;
    }

    @Override
    public Void integral(Expr.Integral e) {
        TreeSet<Integer> inner = new TreeSet<>();
        collect(e.body(), s, inner);
        for (Scope.Slot sl : s.slots(e.variables())) {
            inner.remove(sl.index());
        }
        out.addAll(inner);
        return null;
    }

    @Override
    public Void sum(Expr.Sum e) {
        for (int i = s.index(e.from()); i <= s.index(e.to()); i++) {
            collect(e.body(), s.with(e.index(), i), out);
        }
        return null;
    }

    @Override
    public Void kl(Expr.Kl e) {
        bound(e.first(), e.second());
        return null;
    }

    @Override
    public Void entropy(Expr.Entropy e) {
        bound(e.first(), e.second());
        return null;
    }

    @Override
    public Void net(Expr.Net e) {
        return operands(e, e.inputs());
    }

    @Override
    public Void noiseExpect(Expr.NoiseExpect e) {
        TreeSet<Integer> inner = new TreeSet<>();
        collect(e.body(), s, inner);
        for (Scope.Slot sl : s.slots(e.substituted())) {
            inner.remove(sl.index());
        }
        out.addAll(inner);
        e.values().forEach(this::collect);
        return null;
    }
    private void bound(Expr.Distribution d1, Expr.Distribution d2) {
        TreeSet<Integer> inner = new TreeSet<>();
        collect(d1, s, inner);
        collect(d2, s, inner);
        inner.removeAll(s.targets(d1));
        out.addAll(inner);
    }

    private void pinnedOrFree(Scope.Slot sl) {
        if (sl.pinned() == null) {
            out.add(sl.index());
        } else {
            collect(sl.pinned());
        }
    }

    @Override
    public Void timeIntegral(Expr.TimeIntegral e) {
        collect(e.from());
        collect(e.to());
        // which variables are free does not depend on the value of the real variable
        collect(e.body(), s.withTime(e.variable(), 0), out);
        return null;
    }
}
