package org.probity.spec.latex.internal;

import java.util.List;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Operator;

/**
 * Integrals over the time of a {@code vdm} model's continuous schedule (Kingma et al. 2021, eq. 15's
 * {@code \int_0^1 \mathrm{SNR}'(t) \, … \, dt}): {@code \int_a^b … \, dt}, {@code \mathrm{d}t} or {@code dt},
 * limits a number in [0, 1] or a time ({@link ContinuousTime#time}), the variable t, s, u, v or r, read
 * into {@link Expr.TimeIntegral} as {@code .prob}'s {@code int_{t=a}^{b}( … )}. The integrand runs up to
 * the differential. No differential, a limit outside [0, 1] or a differential of a variable is a SYNTAX
 * problem ({@code FILE:LINE:COLUMN}, exit 2).
 */
final class TimeIntegrals {
    private TimeIntegrals() {
    }

    /**
     * Whether a {@code \int} at the cursor (after the {@code \int}) has both limits (read in a vdm model only):
     * {@code _a^b} or {@code ^b_a}.
     */
    static boolean hasLimits(LatexParser p) {
        if (!p.peek().is("_") && !p.peek().is("^")) {
            return false;
        }
        int save = p.pos;
        try {
            p.next();
            p.argument("a limit");
            return p.peek().is("^") || p.peek().is("_");
        } catch (LatexProblem e) {
            return false;
        } finally {
            p.pos = save;
        }
    }

    /**
     * After {@code \int}: {@code _a^b integrand \, dt}, an integral over time (VDM eq. 15's
     * {@code \int_0^1 \mathrm{SNR}'(t) \, … \, dt}).
     */
    static Expr integral(LatexParser p, LatexToken op) {
        List<LatexToken> lower = null;
        List<LatexToken> upper = null;
        LatexToken lowerAt = p.peek(1);
        LatexToken upperAt = p.peek(1);
        for (int k = 0; k < 2; k++) {
            LatexToken mark = p.next();
            LatexToken first = p.peek().is("{") ? p.peek(1) : p.peek();
            List<LatexToken> a = p.argument("a limit of the integral");
            if (mark.is("_")) {
                lower = a;
                lowerAt = first;
            } else {
                upper = a;
                upperAt = first;
            }
        }
        if (lower == null || upper == null) {
            throw LatexProblem.syntax("one lower limit _{a} and one upper limit ^{b}", op);
        }
        String variable = differentialAhead(p);
        if (p.indices.contains(variable)) {
            throw LatexProblem.syntax("a variable of integration not bound already by an enclosing integral or sum",
                p.peek());
        }
        Expr from = limit(p, lower, lowerAt);
        Expr to = limit(p, upper, upperAt);
        String saved = p.timeVariable;
        p.indices.push(variable);
        p.timeVariable = variable;
        Expr body;
        try {
            body = p.expr();
        } finally {
            p.timeVariable = saved;
            p.indices.pop();
        }
        if (!atDifferential(p, variable)) {
            throw LatexProblem.syntax("the differential d" + variable + " closing the integrand", p.peek());
        }
        skipDifferential(p);
        p.ctx.read("\\int_a^b ... d" + variable + " read as an integral over the time " + variable
            + " of the vdm schedule (Gauss-Legendre quadrature, its declared error in the tolerance)");
        return new Expr.TimeIntegral(variable, from, to, body);
    }

    /** A limit: a time; written as a number, it must lie in [0, 1]. */
    private static Expr limit(LatexParser p, List<LatexToken> toks, LatexToken at) {
        Expr e = ContinuousTime.time(p, toks, at);
        double v = e instanceof Expr.Num n ? n.value()
            : e instanceof Expr.Neg ng && ng.operand() instanceof Expr.Num n ? -n.value() : Double.NaN;
        if (e instanceof Expr.Steps || e instanceof Expr.Bin b && b.op() != Operator.of('/')
            && (b.left() instanceof Expr.Steps || b.right() instanceof Expr.Steps)) {
            String written = p.src.substring(toks.get(0).start(), toks.get(toks.size() - 1).end());
            throw new LatexProblem(LatexProblem.Kind.SYNTAX, "a limit of the integral over VDM's time in [0, 1] (T "
                + "is the number of steps, not a time: write 1)", at.start(), written);
        }
        if (!Double.isNaN(v) && (v < 0 || v > 1)) {
            String written = p.src.substring(toks.get(0).start(), toks.get(toks.size() - 1).end());
            throw new LatexProblem(LatexProblem.Kind.SYNTAX, "a limit of the integral over time in [0, 1] (a time of "
                + "the continuous schedule)", at.start(), written);
        }
        return e;
    }

    /**
     * The variable of the differential that closes the integrand ahead of the cursor (not consumed): the first
     * {@code d} + letter or {@code \mathrm{d}} + letter at bracket depth 0 before the end of the relation's side.
     */
    private static String differentialAhead(LatexParser p) {
        int depth = 0;
        int inner = 0;
        for (int k = p.pos; k < p.toks.size(); k++) {
            LatexToken t = p.toks.get(k);
            if (t.kind() == LatexToken.Kind.END || depth == 0 && (Relations.isRelation(t) || t.is("&") || t.is("\\\\"))) {
                throw LatexProblem.syntax("a differential dt (\\, dt or \\mathrm{d}t) after the integrand of "
                    + "\\int_a^b", t);
            }
            if (t.is("{") || LatexCursor.isOpen(t)) {
                depth++;
            } else if (t.is("}") || LatexCursor.isClose(t)) {
                depth--;
                if (depth < 0) {
                    throw LatexProblem.syntax("a differential dt (\\, dt or \\mathrm{d}t) after the integrand of "
                        + "\\int_a^b", t);
                }
            } else if (depth == 0 && t.is("\\int")) {
                inner++;   // an integral inside the integrand: its differential comes first
            } else if (depth == 0) {
                int skip = t.is("d") ? 1 : dCommand(p.toks, k);
                if (skip == 0) {
                    continue;
                }
                LatexToken v = p.toks.get(Math.min(k + skip, p.toks.size() - 1));
                boolean variable = v.is("x") || v.is("z") || Symbols.BOLD.contains(v.text());
                if (ContinuousTime.TIME_VARIABLES.contains(v.text()) || variable) {
                    if (inner > 0) {
                        inner--;
                        continue;
                    }
                    if (variable) {
                        throw LatexProblem.syntax("a time as the variable of \\int_a^b (dt, du, ds, dv or dr; "
                            + "an integral over a variable x has no limits)", v);
                    }
                    return v.text();
                }
                if (skip > 1) {
                    throw LatexProblem.syntax("a time as the variable of \\int_a^b (dt, du, ds, dv or dr)", v);
                }
            }
        }
        throw LatexProblem.syntax("a differential dt after the integrand of \\int_a^b", p.peek());
    }

    /** {@code \mathrm{d}}, {@code \text{d}}, {@code \operatorname{d}} at {@code k}: its length (4), else 0. */
    static int dCommand(List<LatexToken> toks, int k) {
        if (k + 3 < toks.size() && (toks.get(k).is("\\mathrm") || toks.get(k).is("\\text")
            || toks.get(k).is("\\operatorname")) && toks.get(k + 1).is("{") && toks.get(k + 2).is("d")
            && toks.get(k + 3).is("}")) {
            return 4;
        }
        return 0;
    }

    /** Whether the differential of the innermost integral over time is at the cursor. */
    static boolean atDifferential(LatexParser p) {
        return p.timeVariable != null && atDifferential(p, p.timeVariable);
    }

    private static boolean atDifferential(LatexParser p, String variable) {
        if (p.peek().is("d")) {
            return p.peek(1).is(variable);
        }
        return dCommand(p.toks, p.pos) > 0 && p.peek(4).is(variable);
    }

    private static void skipDifferential(LatexParser p) {
        p.pos += p.peek().is("d") ? 2 : 5;
    }
}
