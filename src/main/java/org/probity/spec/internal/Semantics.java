package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.probity.spec.SpecSyntaxException;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Statement;
import org.probity.spec.ast.VarItem;

/**
 * Checks the meaning of a parsed file before any evaluation, for every number of steps {@code T}
 * its model allows: names are defined, variable indices are whole numbers in {@code 0..T}, a KL or
 * cross-entropy compares distributions over the same variables, an expectation or integral does not
 * bind a variable that is already bound, and schedule functions and {@code N(...)} appear only in a
 * {@code gaussian} model. Errors have the parser's {@code file:line:column: expected ..., found ...} form.
 */
public final class Semantics {
    private static final Set<String> SCHEDULE = Set.of("beta", "alpha", "abar", "snr");

    private final Parser.Parsed parsed;
    private final String file;
    private final Map<String, Expr> lets;
    private final Map<String, Object> letOwner = new HashMap<>();
    private int steps;
    private boolean gaussianOnly;
    private boolean gaussianModel;

    private Semantics(Parser.Parsed parsed, String file, Map<String, Expr> lets) {
        this.parsed = parsed;
        this.file = file;
        this.lets = lets;
    }

    /**
     * Checks every statement; returns the {@code let} definitions by name.
     *
     * @throws SpecSyntaxException at the first meaningless construct
     */
    public static Map<String, Expr> check(Parser.Parsed parsed, String file) {
        Map<String, Expr> lets = new HashMap<>();
        Semantics s = new Semantics(parsed, file, lets);
        Statement.Model model = null;
        for (Statement st : parsed.statements()) {
            if (st instanceof Statement.Model m) {
                model = m;
            } else if (st instanceof Statement.Let l) {
                if (lets.containsKey(l.name())) {
                    Token t = parsed.positions().get(l.value());
                    throw new SpecSyntaxException(file, l.line(), t == null ? 1 : 1, "a name not yet defined",
                        "'" + l.name() + "' defined twice");
                }
                s.names(l.value(), Set.of());
                lets.put(l.name(), l.value());
            } else if (st instanceof Statement.Claim || st instanceof Statement.Derive) {
                if (model == null) {
                    throw new SpecSyntaxException(file, st.line(), 1, "a 'model' statement before the first claim",
                        st instanceof Statement.Claim ? "'claim'" : "'derive'");
                }
                s.gaussianOnly = !model.families().contains("markov");
                s.gaussianModel = model.families().contains("gaussian");
                for (int t = model.stepsLo(); t <= model.stepsHi(); t++) {
                    s.steps = t;
                    if (st instanceof Statement.Claim c) {
                        s.claim(c);
                    } else {
                        Statement.Derive d = (Statement.Derive) st;
                        s.expr(d.start(), new HashMap<>(), new TreeSet<>());
                        for (Statement.Step step : d.steps()) {
                            s.expr(step.expr(), new HashMap<>(), new TreeSet<>());
                        }
                    }
                }
            }
        }
        return lets;
    }

    /**
     * Names in a let body must be earlier lets or index names; an index name is bound where the
     * let is used (a let is expanded at its use), so a name bound by a sum inside the body, or
     * any name not yet defined as a let, is accepted here only if it is a sum/prod index of the
     * body or could be an index at the use site (checked there).
     */
    private void names(Expr e, Set<String> indices) {
        if (e instanceof Expr.Name n) {
            if (!lets.containsKey(n.name()) && !indices.contains(n.name()) && !n.name().matches("[a-z][a-z0-9]*")) {
                throw error(n, "a let defined earlier or an index name", "'" + n.name() + "'");
            }
            return;
        }
        if (e instanceof Expr.Sum s) {
            names(s.from(), indices);
            names(s.to(), indices);
            Set<String> inner = new java.util.HashSet<>(indices);
            inner.add(s.index());
            names(s.body(), inner);
            return;
        }
        java.util.List<Expr> children = new java.util.ArrayList<>();
        Walk.children(e, children::add);
        for (Expr c : children) {
            names(c, indices);
        }
    }

    private void claim(Statement.Claim c) {
        Map<String, Integer> idx = new HashMap<>();
        if (c.index() == null) {
            expr(c.lhs(), idx, new TreeSet<>());
            expr(c.rhs(), idx, new TreeSet<>());
            return;
        }
        int lo = index(c.from(), idx);
        int hi = index(c.to(), idx);
        for (int i = lo; i <= hi; i++) {
            idx.put(c.index(), i);
            expr(c.lhs(), idx, new TreeSet<>());
            expr(c.rhs(), idx, new TreeSet<>());
        }
    }

    private void expr(Expr e, Map<String, Integer> idx, TreeSet<Integer> bound) {
        if (e instanceof Expr.Num || e instanceof Expr.Steps) {
            return;
        }
        if (e instanceof Expr.Name n) {
            if (idx.containsKey(n.name())) {
                return;
            }
            Expr body = lets.get(n.name());
            if (body == null) {
                throw error(n, "a let name, an index name bound by for/sum/prod, or T", "'" + n.name() + "'");
            }
            expr(body, idx, bound);
        } else if (e instanceof Expr.Var v) {
            variable(v.index(), v, idx);
        } else if (e instanceof Expr.Neg n) {
            expr(n.operand(), idx, bound);
        } else if (e instanceof Expr.Bin b) {
            expr(b.left(), idx, bound);
            expr(b.right(), idx, bound);
        } else if (e instanceof Expr.Call c) {
            if (SCHEDULE.contains(c.function())) {
                requireGaussian(c, c.function() + "(t)");
                int t = index(c.argument(), idx);
                if (t < 0 || t > steps) {
                    throw error(c, "a step in 0..T (T = " + steps + ")", c.function() + "(" + t + ")");
                }
            } else {
                expr(c.argument(), idx, bound);
            }
        } else if (e instanceof Expr.Density d) {
            over(d, idx, bound);
        } else if (e instanceof Expr.Normal n) {
            over(n, idx, bound);
        } else if (e instanceof Expr.Expect x) {
            Set<Integer> a = over(x.distribution(), idx, bound);
            TreeSet<Integer> inner = bindFresh(a, bound, x, "an expectation");
            expr(x.body(), idx, inner);
        } else if (e instanceof Expr.Integral in) {
            Set<Integer> a = new LinkedHashSet<>();
            for (VarItem v : in.variables()) {
                a.addAll(items(List.of(v), idx, "int"));
            }
            TreeSet<Integer> inner = bindFresh(a, bound, in, "an integral");
            expr(in.body(), idx, inner);
        } else if (e instanceof Expr.Sum s) {
            if (idx.containsKey(s.index()) || lets.containsKey(s.index())) {
                throw error(s, "an index name not already in use", "'" + s.index() + "'");
            }
            int lo = index(s.from(), idx);
            int hi = index(s.to(), idx);
            for (int i = lo; i <= hi; i++) {
                Map<String, Integer> inner = new HashMap<>(idx);
                inner.put(s.index(), i);
                expr(s.body(), inner, bound);
            }
        } else if (e instanceof Expr.Kl k) {
            same(k.first(), k.second(), idx, bound, k, "KL");
        } else if (e instanceof Expr.Entropy h) {
            if (h.second() == null) {
                over(h.first(), idx, bound);
            } else {
                same(h.first(), h.second(), idx, bound, h, "H");
            }
        }
    }

    private void same(Expr d1, Expr d2, Map<String, Integer> idx, TreeSet<Integer> bound, Expr at, String what) {
        Set<Integer> a = over(d1, idx, bound);
        Set<Integer> b = over(d2, idx, bound);
        if (!new TreeSet<>(a).equals(new TreeSet<>(b))) {
            throw error(at, what + " between distributions over the same variables",
                Printer.print(d1) + " over " + names(a) + " and " + Printer.print(d2) + " over " + names(b));
        }
    }

    private TreeSet<Integer> bindFresh(Set<Integer> a, TreeSet<Integer> bound, Expr at, String what) {
        for (int i : a) {
            if (bound.contains(i)) {
                throw error(at, what + " over variables not already bound", "x_" + i
                    + " already bound by an enclosing E or int");
            }
        }
        TreeSet<Integer> inner = new TreeSet<>(bound);
        inner.addAll(a);
        return inner;
    }

    /** Checks a distribution and returns its target variables. */
    private Set<Integer> over(Expr dist, Map<String, Integer> idx, TreeSet<Integer> bound) {
        if (dist instanceof Expr.Normal n) {
            requireGaussian(n, "N(...)");
            if (n.at().pinned() != null) {
                throw error(n, "an unpinned variable in N(x; m, v)", Printer.item(n.at()));
            }
            Set<Integer> a = items(List.of(n.at()), idx, "N");
            expr(n.mean(), idx, bound);
            expr(n.variance(), idx, bound);
            return a;
        }
        Expr.Density d = (Expr.Density) dist;
        Set<Integer> a = items(d.targets(), idx, "the density");
        Set<Integer> b = items(d.given(), idx, "the density");
        for (int i : a) {
            if (b.contains(i) && gaussianModel) {
                throw error(d, "distinct variables on the two sides of '|' in a gaussian model (a variable given "
                    + "itself has no density)", "x_" + i + " on both sides");
            }
        }
        for (VarItem v : d.targets()) {
            if (v.pinned() != null) {
                expr(v.pinned(), idx, bound);
            }
        }
        for (VarItem v : d.given()) {
            if (v.pinned() != null) {
                expr(v.pinned(), idx, bound);
            }
        }
        Set<Integer> free = new LinkedHashSet<>();
        for (VarItem v : d.targets()) {
            if (v.pinned() == null) {
                free.addAll(items(List.of(v), idx, "the density"));
            }
        }
        return free;
    }

    private Set<Integer> items(List<VarItem> items, Map<String, Integer> idx, String where) {
        Set<Integer> out = new LinkedHashSet<>();
        for (VarItem v : items) {
            List<Integer> these = new ArrayList<>();
            if (v.isRange()) {
                int lo = index(v.from(), idx);
                int hi = index(v.to(), idx);
                for (int i = lo; i <= hi; i++) {
                    these.add(inRange(i, v));
                }
            } else {
                these.add(variable(v.from(), v, idx));
            }
            for (int i : these) {
                if (!out.add(i)) {
                    throw error(v, "each variable once in " + where, "x_" + i + " twice");
                }
            }
        }
        return out;
    }

    private int variable(Expr index, Object at, Map<String, Integer> idx) {
        return inRange(index(index, idx), at);
    }

    private int inRange(int i, Object at) {
        if (i < 0 || i > steps) {
            throw error(at, "a variable index in 0..T (T = " + steps + ")", "x_" + i);
        }
        return i;
    }

    /** Evaluates an index expression: whole numbers, T, index names, + - * and unary minus. */
    int index(Expr e, Map<String, Integer> idx) {
        if (e instanceof Expr.Num n) {
            if (n.value() != Math.rint(n.value()) || Math.abs(n.value()) > 1e6) {
                throw error(n, "a whole number", Printer.print(n));
            }
            return (int) n.value();
        }
        if (e instanceof Expr.Steps) {
            return steps;
        }
        if (e instanceof Expr.Name n) {
            Integer v = idx.get(n.name());
            if (v == null) {
                throw error(n, "an index name bound by for/sum/prod, or T", "'" + n.name() + "'");
            }
            return v;
        }
        if (e instanceof Expr.Neg n) {
            return -index(n.operand(), idx);
        }
        if (e instanceof Expr.Bin b && b.op() != '/' && b.op() != '^') {
            int l = index(b.left(), idx);
            int r = index(b.right(), idx);
            return b.op() == '+' ? l + r : b.op() == '-' ? l - r : l * r;
        }
        throw error(e, "an integer expression in index names and T", Printer.print(e));
    }

    private void requireGaussian(Object at, String what) {
        if (!gaussianOnly) {
            throw error(at, "a gaussian-only model for " + what, "a markov model");
        }
    }

    private static String names(Set<Integer> vars) {
        StringBuilder sb = new StringBuilder("{");
        for (int i : new TreeSet<>(vars)) {
            sb.append(sb.length() > 1 ? ", " : "").append("x_").append(i);
        }
        return sb.append('}').toString();
    }

    private SpecSyntaxException error(Object at, String expected, String found) {
        int[] lc = parsed.lineColumn(at);
        return new SpecSyntaxException(file, lc[0], lc[1], expected, found);
    }
}
