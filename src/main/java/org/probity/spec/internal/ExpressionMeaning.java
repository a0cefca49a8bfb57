package org.probity.spec.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.VarItem;

/** The meaning checks of an expression under index values {@code idx}, with {@code bound} bound by enclosing E/int. */
final class ExpressionMeaning extends OperandVisitor<Void> {
    private final Semantics sem;
    private final Map<String, Integer> idx;
    private final TreeSet<Integer> bound;

    ExpressionMeaning(Semantics sem, Map<String, Integer> idx, TreeSet<Integer> bound) {
        this.sem = sem;
        this.idx = idx;
        this.bound = bound;
    }

    private void sub(Expr e) {
        sem.expr(e, idx, bound);
    }

    @Override
    Void leaf(Expr e) {
        return null;
    }

    @Override
    Void operands(Expr e, List<Expr> operands) {
        operands.forEach(this::sub);
        return null;
    }

    @Override
    public Void name(Expr.Name n) {
        if (idx.containsKey(n.name()) || sem.boundTimes.contains(n.name())) {
            return null;
        }
        Expr body = sem.lets.get(n.name());
        if (body == null) {
            throw sem.error(n, "a let name, an index name bound by for/sum/prod, or T", "'" + n.name() + "'");
        }
        sub(body);
        return null;
    }

    @Override
    public Void var(Expr.Var v) {
        sem.variable(v.index(), v, idx);
        return null;
    }

    @Override
    public Void call(Expr.Call c) {
        if (c.function().isTime()) {
            sem.requireVdm(c, c.function() + "(t)");
            sub(c.argument());
            return null;
        }
        if (c.function() == org.probity.spec.ast.Function.PI) {
            sem.requireStationary(c, "pi(x)");
            if (!(c.argument() instanceof Expr.Var)) {
                throw sem.error(c.argument(), "a variable x_i in pi(x_i)", Printer.print(c.argument()));
            }
            sub(c.argument());
            return null;
        }
        if (c.function().isSchedule()) {
            sem.requireGaussian(c, c.function() + "(t)");
            int t = sem.index(c.argument(), idx);
            if (t < 0 || t > sem.steps) {
                throw sem.error(c, "a step in 0..T (T = " + sem.steps + ")", c.function() + "(" + t + ")");
            }
            return null;
        }
        return super.call(c);
    }

    @Override
    public Void timeIntegral(Expr.TimeIntegral e) {
        sem.requireVdm(e, "int_{" + e.variable() + "=a}^{b}(...)");
        sub(e.from());
        sub(e.to());
        if (idx.containsKey(e.variable()) || sem.lets.containsKey(e.variable()) || !sem.boundTimes.add(e.variable())) {
            throw sem.error(e, "a variable of integration not already in use", "'" + e.variable() + "'");
        }
        try {
            sub(e.body());
        } finally {
            sem.boundTimes.remove(e.variable());
        }
        return null;
    }

    @Override
    public Void density(Expr.Density d) {
        sem.over(d, idx, bound);
        return null;
    }

    @Override
    public Void normal(Expr.Normal n) {
        sem.over(n, idx, bound);
        return null;
    }

    @Override
    public Void expect(Expr.Expect x) {
        Set<Integer> a = sem.over(x.distribution(), idx, bound);
        TreeSet<Integer> inner = sem.bindFresh(a, bound, x, "an expectation");
        sem.expr(x.body(), idx, inner);
        return null;
    }

    @Override
    public Void integral(Expr.Integral in) {
        Set<Integer> a = new LinkedHashSet<>();
        for (VarItem v : in.variables()) {
            a.addAll(sem.items(List.of(v), idx, "int"));
        }
        TreeSet<Integer> inner = sem.bindFresh(a, bound, in, "an integral");
        sem.expr(in.body(), idx, inner);
        return null;
    }

    @Override
    public Void sum(Expr.Sum s) {
        if (idx.containsKey(s.index()) || sem.lets.containsKey(s.index())) {
            throw sem.error(s, "an index name not already in use", "'" + s.index() + "'");
        }
        int lo = sem.index(s.from(), idx);
        int hi = sem.index(s.to(), idx);
        for (int i = lo; i <= hi; i++) {
            Map<String, Integer> inner = new HashMap<>(idx);
            inner.put(s.index(), i);
            sem.expr(s.body(), inner, bound);
        }
        return null;
    }

    @Override
    public Void kl(Expr.Kl k) {
        sem.same(k.first(), k.second(), idx, bound, k, "KL");
        return null;
    }

    @Override
    public Void entropy(Expr.Entropy h) {
        if (h.second() == null) {
            sem.over(h.first(), idx, bound);
        } else {
            sem.same(h.first(), h.second(), idx, bound, h, "H");
        }
        return null;
    }

    @Override
    public Void net(Expr.Net e) {
        sem.requireGaussian(e, "a network " + e.name() + "(...)");
        operands(e, e.inputs());
        if (e.step() != null && sem.vdm) {
            sub(e.step());
        } else if (e.step() != null) {
            int t = sem.index(e.step(), idx);
            if (t < 0 || t > sem.steps) {
                throw sem.error(e, "a step in 0..T (T = " + sem.steps + ")", e.name() + "(..., " + t + ")");
            }
        }
        return null;
    }

    @Override
    public Void noise(Expr.Noise e) {
        sem.requireGaussian(e, "a noise variable " + e.name());
        if (!sem.boundNoises.contains(e.name())) {
            throw sem.error(e, "a noise variable inside its E_{" + e.name() + " ~ N(0, I)}[...]", "'" + e.name() + "'");
        }
        return null;
    }

    @Override
    public Void noiseExpect(Expr.NoiseExpect e) {
        sem.requireGaussian(e, "E_{" + e.noise() + " ~ N(0, I)}[...]");
        Set<Integer> a = sem.items(e.substituted(), idx, "the substitutions");
        if (!sem.boundNoises.add(e.noise())) {
            throw sem.error(e, "a noise variable not already bound by an enclosing E", "'" + e.noise() + "'");
        }
        try {
            e.values().forEach(this::sub);
            sem.expr(e.body(), idx, sem.bindFresh(a, bound, e, "a substitution"));
        } finally {
            sem.boundNoises.remove(e.noise());
        }
        return null;
    }
}
