package org.probity.spec.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.probity.spec.SpecSyntaxException;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Statement;

/**
 * The up-front size checks of {@link Limits}, run by {@link Semantics} on every statement: the
 * random numbers a model's instances draw, the depth of every expression with its lets expanded,
 * and the points a claim or step evaluates per markov instance (at the model's largest K and T).
 */
final class SizeChecks {
    /** How a check reports a spec past a limit. */
    interface Errors {
        /** The error at {@code node}. */
        SpecSyntaxException at(Object node, String expected, String found);
    }

    private final Map<String, Expr> lets;
    private final Map<String, Integer> letDepths = new HashMap<>();
    private final Errors errors;

    SizeChecks(Map<String, Expr> lets, Errors errors) {
        this.lets = lets;
        this.errors = errors;
    }

    void model(Statement.Model m) {
        if (m.families().contains("markov") && Limits.markovDraws(m) > Limits.MAX_DRAWS) {
            throw errors.at(m, "a markov model whose instances draw at most " + Limits.MAX_DRAWS + " random numbers "
                + "(2 (2K + 2T K^2) + 2 for K states and T steps; lower 'states' or 'steps')", "K = " + m.statesHi()
                + ", T = " + m.stepsHi() + ": " + Limits.count(Limits.markovDraws(m)));
        }
        if (m.families().contains("gaussian") && Limits.gaussianDraws(m) > Limits.MAX_DRAWS) {
            throw errors.at(m, "a gaussian model whose instances draw at most " + Limits.MAX_DRAWS + " random numbers",
                "T = " + m.stepsHi() + ": " + Limits.count(Limits.gaussianDraws(m)));
        }
    }

    void let(Statement.Let l) {
        letDepths.put(l.name(), depth(l, l.value()));
    }

    void claim(Statement.Claim c, Statement.Model m) {
        depth(c, c.lhs());
        depth(c, c.rhs());
        if (!m.families().contains("markov")) {
            return;
        }
        Scope base = new Scope(lets, m.stepsHi(), Map.of());
        double cost = 0;
        if (c.index() == null) {
            cost = pairCost(c.lhs(), c.rhs(), base, m.statesHi());
        } else {
            for (int i = base.index(c.from()); i <= base.index(c.to()); i++) {
                cost += pairCost(c.lhs(), c.rhs(), base.with(c.index(), i), m.statesHi());
            }
        }
        limit(c, "claim \"" + c.name() + "\"", cost, m);
    }

    void derive(Statement.Derive d, Statement.Model m) {
        depth(d, d.start());
        for (Statement.Step step : d.steps()) {
            depth(step, step.expr());
        }
        if (!m.families().contains("markov")) {
            return;
        }
        Scope base = new Scope(lets, m.stepsHi(), Map.of());
        List<Scope> scopes = base.overIndex(d.index(), d.from(), d.to());
        Expr prev = d.start();
        for (int k = 0; k < d.steps().size(); k++) {
            Statement.Step step = d.steps().get(k);
            double cost = 0;
            for (Scope sc : scopes) {
                cost += pairCost(prev, step.expr(), sc, m.statesHi());
            }
            limit(step, "derive \"" + d.name() + "\", step " + (k + 1), cost, m);
            prev = step.expr();
        }
        double whole = 0;
        for (Scope sc : scopes) {
            whole += pairCost(d.start(), prev, sc, m.statesHi());
        }
        limit(d, "derive \"" + d.name() + "\", whole chain", whole, m);
    }

    /** Points for both sides at every assignment of their free variables. */
    private static double pairCost(Expr lhs, Expr rhs, Scope s, int k) {
        TreeSet<Integer> free = FreeVariables.of(lhs, s);
        free.addAll(FreeVariables.of(rhs, s));
        return Math.pow(k, free.size()) * (MarkovCost.of(lhs, s, k) + MarkovCost.of(rhs, s, k));
    }

    private void limit(Object at, String what, double cost, Statement.Model m) {
        if (cost > Limits.MAX_MARKOV_POINTS) {
            throw errors.at(at, "a claim or step that evaluates at most " + Limits.MAX_MARKOV_POINTS + " points per "
                + "markov instance (the assignments of its free variables times the points of every E, int, KL, H "
                + "and sum in it; lower 'states' or 'steps')", what + ": about " + Limits.count(cost) + " at K = "
                + m.statesHi() + ", T = " + m.stepsHi());
        }
    }

    private int depth(Object at, Expr e) {
        int d = ExpandedDepth.of(e, letDepths);
        if (d > Limits.MAX_EXPANDED_DEPTH) {
            throw errors.at(at, "an expression at most " + Limits.MAX_EXPANDED_DEPTH + " levels deep once its lets "
                + "are expanded", Integer.toString(d) + " levels");
        }
        return d;
    }
}
