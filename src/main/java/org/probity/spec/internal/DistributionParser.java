package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.List;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.VarItem;

/**
 * The variables and distributions of the expression grammar (SPEC-LANGUAGE.md): a variable
 * {@code x_i}, {@code x_{expr}} or a range {@code x_{a:b}}, lists of them (pinned {@code x_a = v}
 * where a density allows it), the densities {@code q(... | ...)}, {@code p(... | ...)} and
 * {@code N(x_i; mean, variance)}. The values inside them (indices, pinned values, means and variances)
 * are expressions, read by the {@link ExpressionParser} this belongs to; every variable and index is
 * recorded in {@link Tokens#where} for error positions.
 */
final class DistributionParser {
    private final Tokens tk;
    private final ExpressionParser exprs;

    DistributionParser(Tokens tk, ExpressionParser exprs) {
        this.tk = tk;
        this.exprs = exprs;
    }

    Expr.Distribution distribution() {
        Token t = tk.peek();
        if (t.is("q") || t.is("p") || t.is("p_theta")) {
            return density();
        }
        if (t.is("N")) {
            return normal();
        }
        throw tk.error(t, "a distribution q(...), p(...) or N(...)");
    }

    Expr.Distribution density() {
        Token t = tk.next();
        tk.expect("(");
        List<VarItem> targets = varList(true);
        List<VarItem> given = List.of();
        if (tk.peek().is("|")) {
            tk.next();
            given = varList(true);
        }
        tk.expect(")");
        return tk.at(t, new Expr.Density(!t.text().equals("q"), targets, given));
    }

    Expr.Distribution normal() {
        Token t = tk.next();
        tk.expect("(");
        VarItem v = singleVariable("a variable x_i");
        tk.expect(";");
        Expr mean = exprs.expr();
        tk.expect(",");
        Expr variance = exprs.expr();
        tk.expect(")");
        return tk.at(t, new Expr.Normal(v, mean, variance));
    }

    /** A list of unpinned variables {@code x_a, x_{b:c}, ...}. */
    List<VarItem> variables() {
        return varList(false);
    }

    private List<VarItem> varList(boolean allowPin) {
        List<VarItem> out = new ArrayList<>();
        do {
            if (!out.isEmpty()) {
                tk.next();
            }
            Token vt = tk.peek();
            if (!(vt.kind() == Token.Kind.IDENT && vt.text().startsWith("x_"))) {
                throw tk.error(vt, "a variable x_i or x_{a:b}");
            }
            VarItem v = variable();
            if (tk.peek().is("=")) {
                if (!allowPin || v.isRange()) {
                    throw tk.error(tk.peek(), allowPin ? "',' or ')' after a range" : "',' or '}'");
                }
                tk.next();
                v = new VarItem(v.from(), null, exprs.expr());
            }
            tk.where.put(v, vt);
            out.add(v);
        } while (tk.peek().is(","));
        return out;
    }

    VarItem variable() {
        Token t = tk.next();
        String suffix = t.text().substring(2);
        if (suffix.isEmpty()) {
            tk.expect("{");
            Expr from = exprs.expr();
            Expr to = null;
            if (tk.peek().is(":")) {
                tk.next();
                to = exprs.expr();
            }
            tk.expect("}");
            VarItem v = new VarItem(from, to, null);
            tk.where.put(v, t);
            return v;
        }
        Expr index;
        if (suffix.matches("[0-9]+")) {
            index = new Expr.Num(Double.parseDouble(suffix));
        } else if (suffix.equals("T")) {
            index = new Expr.Steps();
        } else if (suffix.matches("[A-Za-z][A-Za-z0-9]*") && !ExpressionParser.RESERVED.contains(suffix)) {
            index = new Expr.Name(suffix);
        } else {
            throw tk.error(t, "a variable x_i, x_{expr} or x_{a:b}");
        }
        tk.where.put(index, t);
        VarItem v = VarItem.of(index);
        tk.where.put(v, t);
        return v;
    }

    /** The index of a single variable; a range is refused where it stands. */
    Expr singleIndex(VarItem v) {
        if (v.isRange()) {
            throw tk.error(tk.where.get(v), "a single variable (a range x_{a:b} is not a value)");
        }
        return v.from();
    }

    /** One variable {@code x_i} or {@code x_{expr}}, not a range; {@code expected} names it in the error. */
    VarItem singleVariable(String expected) {
        Token vt = tk.peek();
        if (!(vt.kind() == Token.Kind.IDENT && vt.text().startsWith("x_"))) {
            throw tk.error(vt, expected);
        }
        VarItem v = variable();
        if (v.isRange()) {
            throw tk.error(vt, "a single variable x_i");
        }
        return v;
    }
}
