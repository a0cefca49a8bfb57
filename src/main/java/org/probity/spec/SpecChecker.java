package org.probity.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.probity.check.RunConfig;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Statement;
import org.probity.spec.internal.ItemCheck;

/** Turns the statements of a spec into checks, runs them and collects a {@link SpecResult}. */
final class SpecChecker {
    /** Families in report order. */
    private static final List<String> FAMILIES = List.of("markov", "gaussian");

    private SpecChecker() {
    }

    static SpecResult check(Spec spec, SpecOptions options) {
        long start = System.nanoTime();
        RunConfig cfg = RunConfig.defaults().withTries(options.tries()).withSeed(options.seed())
            .withShard(options.shardIndex(), options.shardCount());
        Map<String, Expr> lets = spec.lets();
        List<SpecResult.Item> items = new ArrayList<>();
        Statement.Model model = null;
        for (Statement st : spec.statements()) {
            if (st instanceof Statement.Model m) {
                model = m;
                continue;
            }
            for (String family : FAMILIES) {
                if (model == null || !model.families().contains(family)) {
                    continue;
                }
                if (st instanceof Statement.Claim c) {
                    ItemCheck.Subject s = new ItemCheck.Subject("claim \"" + c.name() + "\"", c.lhs(), c.relation(),
                        c.rhs(), c.index(), c.from(), c.to());
                    items.add(item(s, "claim", c.line(), c.text(), model, family, lets, cfg, options));
                } else if (st instanceof Statement.Derive d) {
                    Expr prev = d.start();
                    List<String> rels = new ArrayList<>();
                    for (int k = 0; k < d.steps().size(); k++) {
                        Statement.Step step = d.steps().get(k);
                        ItemCheck.Subject s = new ItemCheck.Subject("derive \"" + d.name() + "\", step " + (k + 1)
                            + (step.reason() == null ? "" : " (" + step.reason() + ")"), prev, step.relation(),
                            step.expr(), null, null, null);
                        items.add(item(s, "step", step.line(), step.text(), model, family, lets, cfg, options));
                        rels.add(step.relation());
                        prev = step.expr();
                    }
                    String whole = ItemCheck.compose(rels);
                    if (whole != null && d.steps().size() > 1) {
                        ItemCheck.Subject s = new ItemCheck.Subject("derive \"" + d.name() + "\", whole chain (first "
                            + whole + " last)", d.start(), whole, prev, null, null, null);
                        String text = "derive \"" + d.name() + "\": the first expression (line " + d.line() + ") "
                            + whole + " the last (line " + d.steps().get(d.steps().size() - 1).line() + ")";
                        items.add(item(s, "chain", d.line(), text, model, family, lets, cfg, options));
                    }
                }
            }
        }
        return new SpecResult(spec.fileName(), items, options, Duration.ofNanos(System.nanoTime() - start));
    }

    private static SpecResult.Item item(ItemCheck.Subject s, String kind, int line, String text, Statement.Model model,
                                        String family, Map<String, Expr> lets, RunConfig cfg, SpecOptions options) {
        ItemCheck.Outcome o = ItemCheck.run(s, model, family, lets, cfg);
        return new SpecResult.Item(s.label(), kind, family, line, text, s.relation(), o.passed(), o.tries(), o.defined(),
            o.largest(), o.tolerance(), o.method(), o.counterexample(), options.seed(), o.replay());
    }
}
