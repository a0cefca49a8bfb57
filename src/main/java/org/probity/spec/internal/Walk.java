package org.probity.spec.internal;

import java.util.function.Consumer;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.VarItem;

/** Visits every expression node of a tree, parents first. */
final class Walk {
    private Walk() {
    }

    static void each(Expr e, Consumer<Expr> f) {
        if (e == null) {
            return;
        }
        f.accept(e);
        if (e instanceof Expr.Var v) {
            each(v.index(), f);
        } else if (e instanceof Expr.Neg n) {
            each(n.operand(), f);
        } else if (e instanceof Expr.Bin b) {
            each(b.left(), f);
            each(b.right(), f);
        } else if (e instanceof Expr.Call c) {
            each(c.argument(), f);
        } else if (e instanceof Expr.Density d) {
            d.targets().forEach(v -> item(v, f));
            d.given().forEach(v -> item(v, f));
        } else if (e instanceof Expr.Normal n) {
            item(n.at(), f);
            each(n.mean(), f);
            each(n.variance(), f);
        } else if (e instanceof Expr.Expect x) {
            each(x.distribution(), f);
            each(x.body(), f);
        } else if (e instanceof Expr.Integral i) {
            i.variables().forEach(v -> item(v, f));
            each(i.body(), f);
        } else if (e instanceof Expr.Sum s) {
            each(s.from(), f);
            each(s.to(), f);
            each(s.body(), f);
        } else if (e instanceof Expr.Kl k) {
            each(k.first(), f);
            each(k.second(), f);
        } else if (e instanceof Expr.Entropy h) {
            each(h.first(), f);
            each(h.second(), f);
        }
    }

    private static void item(VarItem v, Consumer<Expr> f) {
        each(v.from(), f);
        each(v.to(), f);
        each(v.pinned(), f);
    }
}
