package org.probity.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.probity.check.RunConfig;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Relation;
import org.probity.spec.ast.Statement;
import org.probity.spec.internal.ItemCheck;

/** Turns the statements of a spec into checks, runs them and collects a {@link SpecResult}. */
final class SpecChecker {
    /** Families in report order. */
    private static final List<String> FAMILIES = List.of("markov", "gaussian");

    private final Map<String, Expr> lets;
    private final Spec spec;
    private final ItemCheck.Locator locator;
    private final RunConfig cfg;
    private final Duration tryBudget;
    private final List<SpecResult.Item> items = new ArrayList<>();

    private SpecChecker(Spec spec, ItemCheck.Locator locator, RunConfig cfg, Duration tryBudget) {
        this.spec = spec;
        this.lets = spec.lets();
        this.locator = locator;
        this.cfg = cfg;
        this.tryBudget = tryBudget;
    }

    static SpecResult check(Spec spec, RunConfig options, Duration tryBudget) {
        long start = System.nanoTime();
        ItemCheck.Locator locator = node -> {
            int[] lc = spec.parsed().lineColumn(node);
            return lc[0] == 0 ? "" : "line " + lc[0] + ", column " + lc[1];
        };
        SpecChecker checker = new SpecChecker(spec, locator, options, tryBudget);
        Statements walk = checker.new Statements();
        for (Statement st : spec.statements()) {
            st.accept(walk);
        }
        return new SpecResult(spec.fileName(), checker.items, options, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Claims and derivations become checks under the model statement before them, once per family it names. */
    private final class Statements implements Statement.Visitor<Void> {
        private Statement.Model model;
        /** The assumptions since the model statement. */
        private final List<Statement.Assume> assumptions = new ArrayList<>();

        @Override
        public Void title(Statement.Title t) {
            return null;
        }

        @Override
        public Void model(Statement.Model m) {
            model = m;
            assumptions.clear();
            return null;
        }

        @Override
        public Void let(Statement.Let l) {
            return null;
        }

        @Override
        public Void network(Statement.Network n) {
            return null;
        }

        @Override
        public Void assume(Statement.Assume a) {
            assumptions.add(a);
            return null;
        }

        @Override
        public Void claim(Statement.Claim c) {
            for (String family : families()) {
                ItemCheck.Subject s = new ItemCheck.Subject("claim \"" + c.name() + "\"", c.lhs(), c.relation(),
                    c.rhs(), c.index(), c.from(), c.to(), vector(c.lhs(), c.rhs()), c.over());
                items.add(item(s, "claim", c.line(), c.text(), model, family, assumptions));
            }
            return null;
        }

        @Override
        public Void derive(Statement.Derive d) {
            for (String family : families()) {
                Expr prev = d.start();
                List<Relation> rels = new ArrayList<>();
                for (int k = 0; k < d.steps().size(); k++) {
                    Statement.Step step = d.steps().get(k);
                    ItemCheck.Subject s = new ItemCheck.Subject("derive \"" + d.name() + "\", step " + (k + 1)
                        + (step.reason() == null ? "" : " (" + step.reason() + ")"), prev, step.relation(),
                        step.expr(), d.index(), d.from(), d.to(), vector(prev, step.expr()), step.over());
                    items.add(item(s, "step", step.line(), step.text(), model, family, assumptions));
                    rels.add(step.relation());
                    prev = step.expr();
                }
                Relation whole = Relation.compose(rels);
                List<org.probity.spec.ast.VarItem> over = proptoVariables(d);
                if (whole == Relation.PROPTO && over == null) {
                    whole = null;
                }
                if (whole != null && d.steps().size() > 1) {
                    ItemCheck.Subject s = new ItemCheck.Subject("derive \"" + d.name() + "\", whole chain (first "
                        + whole + " last)", d.start(), whole, prev, d.index(), d.from(), d.to(),
                        vector(d.start(), prev), over == null ? List.of() : over);
                    String text = "derive \"" + d.name() + "\": the first expression (line " + d.line() + ") "
                        + whole + " the last (line " + d.steps().get(d.steps().size() - 1).line() + ")";
                    items.add(item(s, "chain", d.line(), text, model, family, assumptions));
                }
            }
            return null;
        }

        /** The variables of the chain's propto steps when all state the same ones (else null: no whole-chain check). */
        private List<org.probity.spec.ast.VarItem> proptoVariables(Statement.Derive d) {
            List<org.probity.spec.ast.VarItem> over = List.of();
            for (Statement.Step step : d.steps()) {
                if (step.relation() != Relation.PROPTO) {
                    continue;
                }
                if (!over.isEmpty() && !over.equals(step.over())) {
                    return null;
                }
                over = step.over();
            }
            return over;
        }

        private List<String> families() {
            return FAMILIES.stream().filter(f -> model != null && model.families().contains(f)).toList();
        }
    }

    private boolean vector(Expr a, Expr b) {
        return spec.isVector(a) || spec.isVector(b);
    }

    private SpecResult.Item item(ItemCheck.Subject s, String kind, int line, String text, Statement.Model model,
                                 String family, List<Statement.Assume> assumptions) {
        ItemCheck.Outcome o = ItemCheck.run(s, model, family, lets, cfg, tryBudget, locator, assumptions);
        return new SpecResult.Item(s.label(), kind, family, line, text, s.relation().symbol(), o.status(), o.tries(),
            o.defined(), o.largest(), o.tolerance(), o.method(), o.counterexample(), o.reason(), cfg.seed(),
            o.replay());
    }
}
