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
        children(e, c -> each(c, f));
    }

    /** The direct children of a node (variable indices and pinned values included). */
    static void children(Expr e, Consumer<Expr> f) {
        if (e instanceof Expr.Var v) {
            one(v.index(), f);
        } else if (e instanceof Expr.Neg n) {
            one(n.operand(), f);
        } else if (e instanceof Expr.Bin b) {
            one(b.left(), f);
            one(b.right(), f);
        } else if (e instanceof Expr.Call c) {
            one(c.argument(), f);
        } else if (e instanceof Expr.Density d) {
            d.targets().forEach(v -> item(v, f));
            d.given().forEach(v -> item(v, f));
        } else if (e instanceof Expr.Normal n) {
            item(n.at(), f);
            one(n.mean(), f);
            one(n.variance(), f);
        } else if (e instanceof Expr.Expect x) {
            one(x.distribution(), f);
            one(x.body(), f);
        } else if (e instanceof Expr.Integral i) {
            i.variables().forEach(v -> item(v, f));
            one(i.body(), f);
        } else if (e instanceof Expr.Sum s) {
            one(s.from(), f);
            one(s.to(), f);
            one(s.body(), f);
        } else if (e instanceof Expr.Kl k) {
            one(k.first(), f);
            one(k.second(), f);
        } else if (e instanceof Expr.Entropy h) {
            one(h.first(), f);
            one(h.second(), f);
        }
    }

    private static void item(VarItem v, Consumer<Expr> f) {
        one(v.from(), f);
        one(v.to(), f);
        one(v.pinned(), f);
    }

    private static void one(Expr e, Consumer<Expr> f) {
        if (e != null) {
            f.accept(e);
        }
    }
}
