package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
    private final Parser.Parsed parsed;
    private final String file;
    final Map<String, Expr> lets;
    private final SizeChecks sizes;
    int steps;
    private boolean gaussianOnly;
    /** The noise variables bound by the enclosing E_{eps ~ N(0, I)} of the expression being checked. */
    final Set<String> boundNoises = new HashSet<>();
    /** The real variables bound by the enclosing int_{t=a}^{b} of the expression being checked. */
    final Set<String> boundTimes = new HashSet<>();
    /** Whether the current model has option vdm (a continuous-time schedule). */
    boolean vdm;
    /** Whether the current model has option stationary (a stationary distribution π to read with pi(x)). */
    boolean stationary;

    private Semantics(Parser.Parsed parsed, String file, Map<String, Expr> lets) {
        this.parsed = parsed;
        this.file = file;
        this.lets = lets;
        this.sizes = new SizeChecks(lets, this::error);
    }

    /**
     * Checks every statement; returns the {@code let} definitions by name.
     *
     * @throws SpecSyntaxException at the first meaningless construct
     */
    public static Map<String, Expr> check(Parser.Parsed parsed, String file) {
        return analyse(parsed, file).lets();
    }

    /**
     * What the checks found: the {@code let} definitions by name, and the claim sides and derivation
     * expressions that are vectors or matrices (checked one component at a time).
     */
    public record Result(Map<String, Expr> lets, Set<Expr> vectors) { }

    /**
     * Checks every statement.
     *
     * @throws SpecSyntaxException at the first meaningless construct
     */
    public static Result analyse(Parser.Parsed parsed, String file) {
        Map<String, Expr> lets = new HashMap<>();
        Semantics s = new Semantics(parsed, file, lets);
        for (Statement st : parsed.statements()) {
            st.accept(s.statements);
        }
        return new Result(lets, java.util.Collections.unmodifiableSet(s.vectors));
    }

    private final Set<Expr> vectors = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private void shape(Expr e) {
        if (new Shapes(lets, this::error).of(e) != Shapes.Shape.SCALAR) {
            vectors.add(e);
        }
    }

    /** The checks of each kind of statement; {@code model} sets the model the later ones are checked under. */
    private final Statement.Visitor<Void> statements = new Statement.Visitor<>() {
        private Statement.Model model;

        @Override
        public Void title(Statement.Title t) {
            return null;
        }

        @Override
        public Void model(Statement.Model m) {
            sizes.model(m);
            model = m;
            return null;
        }

        @Override
        public Void let(Statement.Let l) {
            if (lets.containsKey(l.name())) {
                throw new SpecSyntaxException(file, l.line(), 1, "a name not yet defined",
                    "'" + l.name() + "' defined twice");
            }
            names(l.value(), Set.of());
            sizes.let(l);
            lets.put(l.name(), l.value());
            new Shapes(lets, Semantics.this::error).of(l.value());
            return null;
        }

        @Override
        public Void network(Statement.Network n) {
            return null;
        }

        @Override
        public Void assume(Statement.Assume a) {
            List<Expr> es = new ArrayList<>(List.of(a.lhs(), a.rhs()));
            es.addAll(proptoCheck(a.over()));
            forEachSteps(a, "'assume'", () -> indexed(a.index(), a.from(), a.to(), es));
            return null;
        }

        @Override
        public Void claim(Statement.Claim c) {
            forEachSteps(c, "'claim'", () -> Semantics.this.claim(c));
            shape(c.lhs());
            shape(c.rhs());
            sizes.claim(c, model);
            return null;
        }

        @Override
        public Void derive(Statement.Derive d) {
            List<Expr> all = new ArrayList<>();
            all.add(d.start());
            d.steps().forEach(step -> all.add(step.expr()));
            List<Expr> checked = new ArrayList<>(all);
            d.steps().forEach(step -> checked.addAll(proptoCheck(step.over())));
            forEachSteps(d, "'derive'", () -> indexed(d.index(), d.from(), d.to(), checked));
            all.forEach(Semantics.this::shape);
            sizes.derive(d, model);
            return null;
        }

        /** Runs a check under every number of steps the current model allows. */
        private void forEachSteps(Statement st, String found, Runnable check) {
            if (model == null) {
                throw new SpecSyntaxException(file, st.line(), 1, "a 'model' statement before the first claim", found);
            }
            gaussianOnly = !model.families().contains("markov");
            vdm = model.vdm();
            stationary = model.stationary() != Statement.Stationary.NONE;
            for (int t = model.stepsLo(); t <= model.stepsHi(); t++) {
                steps = t;
                check.run();
            }
        }
    };

    /**
     * Names in a let body must be earlier lets or index names; an index name is bound where the
     * let is used (a let is expanded at its use), so a name bound by a sum inside the body, or
     * any name not yet defined as a let, is accepted here only if it is a sum/prod index of the
     * body or could be an index at the use site (checked there).
     */
    private void names(Expr root, Set<String> rootIndices) {
        // a worklist, not recursion: a flat sum of thousands of terms is a deep left spine
        java.util.ArrayDeque<Object[]> work = new java.util.ArrayDeque<>();
        work.push(new Object[] {root, rootIndices});
        while (!work.isEmpty()) {
            Object[] item = work.pop();
            Expr e = (Expr) item[0];
            @SuppressWarnings("unchecked")
            Set<String> indices = (Set<String>) item[1];
            if (e instanceof Expr.Name n) {
                if (!lets.containsKey(n.name()) && !indices.contains(n.name()) && !n.name().matches("[a-z][a-z0-9]*")) {
                    throw error(n, "a let defined earlier or an index name", "'" + n.name() + "'");
                }
                continue;
            }
            Expr body = e instanceof Expr.Sum s ? s.body() : e instanceof Expr.TimeIntegral ti ? ti.body() : null;
            Set<String> inner = indices;
            if (body != null) {
                inner = new HashSet<>(indices);
                inner.add(e instanceof Expr.Sum s ? s.index() : ((Expr.TimeIntegral) e).variable());
            }
            for (Expr c : Walk.children(e)) {
                work.push(new Object[] {c, c == body ? inner : indices});
            }
        }
    }

    private void claim(Statement.Claim c) {
        List<Expr> es = new ArrayList<>(List.of(c.lhs(), c.rhs()));
        es.addAll(proptoCheck(c.over()));
        indexed(c.index(), c.from(), c.to(), es);
    }

    /** The variables of {@code propto_{...}} checked as those of an integral (indices in 0..T, each once). */
    static List<Expr> proptoCheck(List<VarItem> over) {
        return over.isEmpty() ? List.of() : List.of(new Expr.Integral(over, new Expr.Num(0)));
    }

    /** The meaning checks of {@code es} at every value of the {@code for} index (or once without one). */
    private void indexed(String index, Expr from, Expr to, List<Expr> es) {
        Map<String, Integer> idx = new HashMap<>();
        if (index == null) {
            es.forEach(e -> expr(e, idx, new TreeSet<>()));
            return;
        }
        if (lets.containsKey(index)) {
            throw error(from, "an index name that is not a let", "'" + index + "'");
        }
        int lo = index(from, idx);
        int hi = index(to, idx);
        for (int i = lo; i <= hi; i++) {
            idx.put(index, i);
            es.forEach(e -> expr(e, idx, new TreeSet<>()));
        }
    }

    void expr(Expr e, Map<String, Integer> idx, TreeSet<Integer> bound) {
        e.accept(new ExpressionMeaning(this, idx, bound));
    }

    void same(Expr.Distribution d1, Expr.Distribution d2, Map<String, Integer> idx, TreeSet<Integer> bound, Expr at, String what) {
        Set<Integer> a = over(d1, idx, bound);
        Set<Integer> b = over(d2, idx, bound);
        if (!new TreeSet<>(a).equals(new TreeSet<>(b))) {
            throw error(at, what + " between distributions over the same variables",
                Printer.print(d1) + " over " + names(a) + " and " + Printer.print(d2) + " over " + names(b));
        }
    }

    TreeSet<Integer> bindFresh(Set<Integer> a, TreeSet<Integer> bound, Expr at, String what) {
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
    Set<Integer> over(Expr.Distribution dist, Map<String, Integer> idx, TreeSet<Integer> bound) {
        return dist.match(new Expr.DistributionVisitor<>() {
            @Override
            public Set<Integer> normal(Expr.Normal n) {
                requireGaussian(n, "N(...)");
                if (n.at().pinned() != null) {
                    throw error(n, "an unpinned variable in N(x; m, v)", Printer.item(n.at()));
                }
                Set<Integer> a = items(List.of(n.at()), idx, "N");
                expr(n.mean(), idx, bound);
                expr(n.variance(), idx, bound);
                return a;
            }

            @Override
            public Set<Integer> density(Expr.Density d) {
                return densityTargets(d, idx, bound);
            }
        });
    }

    private Set<Integer> densityTargets(Expr.Density d, Map<String, Integer> idx, TreeSet<Integer> bound) {
        items(d.targets(), idx, "the density");
        Set<Integer> b = items(d.given(), idx, "the density");
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
        // a variable given itself is the identity (1 at the same value): it is not a target
        Set<Integer> free = new LinkedHashSet<>();
        for (VarItem v : d.targets()) {
            if (v.pinned() == null) {
                free.addAll(items(List.of(v), idx, "the density"));
            }
        }
        free.removeAll(b);
        return free;
    }

    Set<Integer> items(List<VarItem> items, Map<String, Integer> idx, String where) {
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
                // in a density a variable may repeat (x_{t-1} and x_0 at t = 1): it is given itself
                if (!out.add(i) && !where.equals("the density")) {
                    throw error(v, "each variable once in " + where, "x_" + i + " twice");
                }
            }
        }
        return out;
    }

    int variable(Expr index, Object at, Map<String, Integer> idx) {
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
        return new IndexValue(steps, idx, new IndexValue.Errors() {
            @Override
            public RuntimeException notWhole(Expr.Num n) {
                return error(n, "a whole number", Printer.print(n));
            }

            @Override
            public RuntimeException unbound(Expr.Name n) {
                if (boundTimes.contains(n.name())) {
                    // x_t, abar(t) or beta(t) inside int_{t=a}^{b}: t there is a time in [0, 1], not a step
                    return error(n, "a step index (a name bound by for/sum/prod, or T)", "'" + n.name() + "', the "
                        + "variable of integration of int_{" + n.name() + "=a}^{b}(...) here: a time in [0, 1] of the "
                        + "continuous schedule (SNR(" + n.name() + "), alpha_t(" + n.name() + "), ...), not a step of "
                        + "the chain");
                }
                return error(n, "an index name bound by for/sum/prod, or T", "'" + n.name() + "'");
            }

            @Override
            public RuntimeException notIndex(Expr other) {
                return error(other, "an integer expression in index names and T", Printer.print(other));
            }
        }).of(e);
    }

    void requireVdm(Object at, String what) {
        if (!vdm) {
            throw error(at, "a model with option vdm (model gaussian vdm ...) for " + what, "a model without it");
        }
    }

    void requireStationary(Object at, String what) {
        if (!stationary) {
            throw error(at, "a model with option stationary (model markov stationary ...) for " + what,
                "a model without it");
        }
    }

    void requireGaussian(Object at, String what) {
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

    SpecSyntaxException error(Object at, String expected, String found) {
        int[] lc = parsed.lineColumn(at);
        return new SpecSyntaxException(file, lc[0], lc[1], expected, found);
    }
}
