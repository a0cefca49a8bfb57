package org.probity.spec.latex.internal;

import java.util.List;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;
import org.probity.spec.ast.Operator;

/**
 * Gaussian diffusion notation: {@code \beta_t}, {@code \alpha_t}, {@code \bar\alpha_t} (also
 * {@code \bar{\alpha}_t}, {@code \overline{\alpha}_t}), {@code \tilde\beta_t} (the posterior
 * variance (1 − ᾱ_{t−1}) / (1 − ᾱ_t) β_t, Ho et al. 2020 eq. 7) and {@code \mathrm{SNR}(t)}.
 */
final class Schedule {
    private Schedule() {
    }

    static Expr symbol(LatexParser p) {
        LatexToken t = p.next();
        String name;
        switch (t.text()) {
            case "\\beta":
                name = "beta";
                break;
            case "\\alpha":
                name = "alpha";
                break;
            default: {
                List<LatexToken> arg = p.argument("the symbol under " + t.text());
                String inner = arg.size() == 1 ? arg.get(0).text() : LatexCursor.plain(arg);
                boolean bar = t.is("\\bar") || t.is("\\overline");
                if (bar && inner.equals("\\alpha")) {
                    name = "abar";
                } else if (!bar && inner.equals("\\beta")) {
                    name = "betatilde";
                } else {
                    String base = Symbols.decoratedBase(t, arg);
                    if (base != null) {
                        return Vocabulary.symbol(p, base, t);
                    }
                    throw LatexProblem.uncheckable(t.text() + "{" + inner + "} is not a quantity of the model families", t);
                }
            }
        }
        if (!p.peek().is("_")) {
            throw LatexProblem.uncheckable(t.text() + " without a step index", t);
        }
        p.next();
        List<LatexToken> sub = p.argument("the step of " + t.text());
        Expr step = Sums.index(p, sub, t);
        if (!name.equals("betatilde")) {
            return new Expr.Call(Function.named(name).orElseThrow(), step);
        }
        p.ctx.read("\\tilde\\beta_t read as (1 - abar(t-1)) / (1 - abar(t)) * beta(t) (the posterior variance)");
        Expr prev = new Expr.Bin(Operator.of('-'), step, new Expr.Num(1));
        return new Expr.Bin(Operator.of('*'), new Expr.Bin(Operator.of('/'), new Expr.Bin(Operator.of('-'), new Expr.Num(1), new Expr.Call(Function.ABAR, prev)),
            new Expr.Bin(Operator.of('-'), new Expr.Num(1), new Expr.Call(Function.ABAR, step))), new Expr.Call(Function.BETA, step));
    }

    static Expr snr(LatexParser p, LatexToken at) {
        if (!p.opensBracket()) {
            throw LatexProblem.syntax("'(' after SNR", p.peek());
        }
        LatexToken open = p.openBracket();
        Expr step = Sums.index(p, p.toClosingBracket(), at);
        p.closeBracket(open);
        return new Expr.Call(Function.SNR, step);
    }
}
