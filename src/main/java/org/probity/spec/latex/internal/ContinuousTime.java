package org.probity.spec.latex.internal;

import java.util.List;
import java.util.Set;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;
import org.probity.spec.ast.Operator;
import org.probity.spec.ast.VarItem;

/**
 * The continuous-time notation of variational diffusion models (Kingma, Salimans, Poole &amp; Ho 2021,
 * "Variational Diffusion Models", §3–4), read in a {@code vdm} model (an option comment
 * {@code <!-- probity: model gaussian vdm … -->}), into the AST nodes of the {@code .prob} forms of
 * docs/spec-language.md, "Continuous time":
 * <ul>
 * <li>{@code \int_0^1 … \, dt}: {@link TimeIntegrals};</li>
 * <li>{@code \mathrm{SNR}(t)}, {@code \text{SNR}(t)}, {@code \mathrm{SNR}'(t)}, {@code \frac{d}{dt}\mathrm{SNR}(t)},
 *     {@code \frac{d\,\mathrm{SNR}(t)}{dt}}: {@code SNR(t)}, {@code dSNR(t)};</li>
 * <li>{@code \gamma(t)}, {@code \gamma_\eta(t)}, {@code \gamma'(t)}, {@code \frac{d}{dt}\gamma(t)}: {@code gamma},
 *     {@code dgamma};</li>
 * <li>{@code \alpha_t}, {@code \sigma_t}, {@code \alpha(t)}, {@code \sigma(t)}: {@code alpha_t(t)}, {@code sigma_t(t)};
 *     {@code \alpha_{t|s}} = α_t / α_s and {@code \sigma_{t|s}} = √(σ_t² − α_{t|s}² σ_s²) (VDM eq. 4);</li>
 * <li>{@code \mathbf{x}} the data x_0, {@code \mathbf{z}_t} (any time but s) x_1, {@code \mathbf{z}_s} x_2;</li>
 * <li>a t or s that no integral binds: VDM's grid times t(i) = i/T and s(i) = (i − 1)/T (eq. 11), i an
 *     index (bound by a sum, a range after the row, or else free: the claim holds for every i).</li>
 * </ul>
 * A malformed integral (no differential, a limit outside [0, 1], a differential that is not a time, a
 * time argument naming no time) is a SYNTAX problem: {@code FILE:LINE:COLUMN}, exit 2.
 */
final class ContinuousTime {
    /** The letters that may name a variable of integration over time. */
    static final Set<String> TIME_VARIABLES = Set.of("t", "s", "u", "v", "r");
    private static final String GRID = "i";

    private ContinuousTime() {
    }

    // ------------------------------------------------------------------ times

    /** Whether the letter {@code c} is a time here: bound by an integral (an index), or t / s of the grid. */
    static boolean isTimeLetter(LatexParser p, String c) {
        return p.ctx.vdm && (c.equals("t") || c.equals("s")) && !p.indices.contains(c);
    }

    /**
     * A t or s that no integral or sum binds, at the cursor: the grid time t(i) = i/T or s(i) = (i − 1)/T
     * (the written {@code t(i)}, {@code s(i)} too).
     */
    static Expr gridTime(LatexParser p) {
        LatexToken t = p.next();
        if (p.peek().is("(") && p.peek(1).is(GRID) && p.peek(2).is(")")) {
            p.pos += 3;
        }
        p.ctx.read("t read as the grid time t(i) = i/T and s as s(i) = (i - 1)/T (VDM eq. 11)");
        Expr i = new Expr.Name(GRID);
        Expr numerator = t.is("t") ? i : new Expr.Bin(Operator.SUBTRACT, i, new Expr.Num(1));
        return new Expr.Bin(Operator.of('/'), numerator, new Expr.Steps());
    }

    /**
     * A time written in {@code toks}: an arithmetic expression in numbers, T, indices, the grid times t, s
     * and the variables of the enclosing integrals.
     */
    static Expr time(LatexParser p, List<LatexToken> toks, LatexToken at) {
        for (LatexToken u : toks) {
            boolean letter = u.kind() == LatexToken.Kind.CHAR && Character.isLetter(u.text().codePointAt(0));
            if (letter && !u.is("T") && !u.is("t") && !u.is("s") && !u.is(GRID) && !p.indices.contains(u.text())) {
                throw LatexProblem.syntax("a time: a number in [0, 1], i/T, t or s of the grid (t(i) = i/T, s(i) = "
                    + "(i - 1)/T), or the variable of an enclosing integral", u);
            }
        }
        if (toks.isEmpty()) {
            throw LatexProblem.syntax("a time", at);
        }
        return p.subExpr(toks, "the time");
    }

    /** The letter i of the grid inside a time, as the index name. */
    static boolean isGridIndex(LatexParser p, String c) {
        return p.ctx.vdm && c.equals(GRID);
    }

    /** The bracketed time argument at the cursor: {@code (t)}, {@code \left( \frac{i}{T} \right)}. */
    private static Expr bracketedTime(LatexParser p, String what) {
        if (!p.opensBracket()) {
            throw LatexProblem.syntax("'(' and a time after " + what, p.peek());
        }
        LatexToken open = p.openBracket();
        Expr e = time(p, p.toClosingBracket(), open);
        p.closeBracket(open);
        return e;
    }

    /** A prime after a function name: {@code '} or {@code ^\prime} / {@code ^{\prime}} (consumed). */
    private static boolean prime(LatexParser p) {
        if (p.peek().is("'")) {
            p.next();
            return true;
        }
        return superscript(p, "\\prime");
    }

    // ------------------------------------------------------------------ schedule functions

    /** After {@code \mathrm{SNR}}: an optional prime and the time. */
    static Expr snr(LatexParser p, LatexToken at) {
        boolean derivative = prime(p);
        Expr time = bracketedTime(p, "SNR");
        return new Expr.Call(derivative ? Function.SNR_PRIME : Function.SNR_T, time);
    }

    /**
     * {@code \gamma(t)}, {@code \gamma_\eta(t)}, {@code \gamma'(t)}, {@code \gamma_{\eta}'(t)} at the cursor; null
     * (nothing consumed) when the γ is not applied to a time, a symbol the document may define.
     */
    static Expr gamma(LatexParser p) {
        int save = p.pos;
        p.next();
        if (p.peek().is("_")) {
            p.next();
            List<LatexToken> sub = p.argument("the subscript of \\gamma");
            if (!(sub.size() == 1 && sub.get(0).is("\\eta"))) {
                p.pos = save;
                return null;
            }
        }
        boolean derivative = prime(p);
        if (!p.opensBracket()) {
            p.pos = save;
            return null;
        }
        Expr time = bracketedTime(p, "\\gamma");
        p.ctx.read("\\gamma(t) read as the log-SNR gamma(t) = -log SNR(t) of the vdm schedule");
        return new Expr.Call(derivative ? Function.GAMMA_PRIME : Function.GAMMA, time);
    }

    /**
     * {@code \alpha_t}, {@code \sigma_t}, {@code \alpha(t)}, {@code \sigma_{i/T}}, {@code \alpha_{t|s}},
     * {@code \sigma_{t|s}} at the cursor; null (nothing consumed) for a σ that is not a time's ({@code \sigma_q},
     * a symbol the document may define).
     */
    static Expr alphaSigma(LatexParser p) {
        int save = p.pos;
        LatexToken at = p.next();
        boolean alpha = at.is("\\alpha");
        Expr e;
        if (p.peek().is("_")) {
            p.next();
            List<LatexToken> sub = p.argument("the time of " + at.text());
            int bar = -1;
            for (int k = 0; k < sub.size(); k++) {
                if (sub.get(k).is("|") || sub.get(k).is("\\mid")) {
                    bar = k;
                }
            }
            if (!alpha && !timeLike(p, bar < 0 ? sub : sub.subList(0, bar))) {
                p.pos = save;
                return null;
            }
            if (bar >= 0) {
                Expr t = time(p, sub.subList(0, bar), at);
                Expr s = time(p, sub.subList(bar + 1, sub.size()), at);
                if (!alpha && squared(p)) {
                    e = conditionalVariance(t, s);   // σ_{t|s}² itself, not √(…)²
                } else {
                    e = alpha ? conditionalAlpha(t, s) : new Expr.Call(Function.SQRT, conditionalVariance(t, s));
                }
            } else {
                e = new Expr.Call(alpha ? Function.ALPHA_T : Function.SIGMA_T, time(p, sub, at));
            }
        } else if (p.opensBracket()) {
            e = new Expr.Call(alpha ? Function.ALPHA_T : Function.SIGMA_T, bracketedTime(p, at.text()));
        } else if (alpha) {
            throw LatexProblem.uncheckable("\\alpha without a time (write \\alpha_t or \\alpha(t))", at);
        } else {
            p.pos = save;
            return null;
        }
        p.ctx.read("\\alpha_t, \\sigma_t read as alpha_t(t) = sqrt(sigmoid(-gamma(t))), sigma_t(t) = "
            + "sqrt(sigmoid(gamma(t))) of the vdm schedule");
        return e;
    }

    private static boolean timeLike(LatexParser p, List<LatexToken> sub) {
        if (sub.isEmpty()) {
            return false;
        }
        for (LatexToken u : sub) {
            boolean ok = u.kind() == LatexToken.Kind.NUMBER || u.is("T") || u.is("t") || u.is("s") || u.is(GRID)
                || p.indices.contains(u.text()) || u.is("/") || u.is("+") || u.is("-") || u.is("(") || u.is(")")
                || u.is("{") || u.is("}") || u.is("\\frac") || u.is("\\tfrac") || u.is("\\dfrac");
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** α_{t|s} = α_t / α_s (VDM eq. 4). */
    private static Expr conditionalAlpha(Expr t, Expr s) {
        return new Expr.Bin(Operator.of('/'), new Expr.Call(Function.ALPHA_T, t), new Expr.Call(Function.ALPHA_T, s));
    }

    /** σ_{t|s}² = σ_t² − α_{t|s}² σ_s² (VDM eq. 4). */
    private static Expr conditionalVariance(Expr t, Expr s) {
        Expr two = new Expr.Num(2);
        return new Expr.Bin(Operator.SUBTRACT, new Expr.Bin(Operator.of('^'), new Expr.Call(Function.SIGMA_T, t), two),
            new Expr.Bin(Operator.of('*'), new Expr.Bin(Operator.of('^'), conditionalAlpha(t, s), two),
                new Expr.Bin(Operator.of('^'), new Expr.Call(Function.SIGMA_T, s), two)));
    }

    /** A square {@code ^2} or {@code ^{2}} at the cursor (consumed). */
    private static boolean squared(LatexParser p) {
        return superscript(p, "2");
    }

    /** A superscript that is the one token {@code text}, {@code ^text} or {@code ^{text}}, at the cursor (consumed). */
    private static boolean superscript(LatexParser p, String text) {
        if (p.peek().is("^") && p.argumentIs(1, text)) {
            p.next();
            p.argument(text);
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ derivatives

    /** Whether a {@code \frac} at the cursor is a derivative in time: {@code \frac{d}{dt}}, {@code \frac{d \, f}{dt}}. */
    static boolean isDerivative(LatexParser p) {
        if (!p.ctx.vdm) {
            return false;
        }
        int save = p.pos;
        try {
            p.next();
            List<LatexToken> num = p.argument("the numerator");
            List<LatexToken> den = p.argument("the denominator");
            int d = dLength(den);
            return dLength(num) > 0 && d > 0 && den.size() == d + 1 && TIME_VARIABLES.contains(den.get(d).text());
        } catch (LatexProblem e) {
            return false;
        } finally {
            p.pos = save;
        }
    }

    /** How many tokens a d at the start of {@code toks} takes: {@code d} 1, {@code \\mathrm{d}} 4; 0 when none. */
    private static int dLength(List<LatexToken> toks) {
        if (!toks.isEmpty() && toks.get(0).is("d")) {
            return 1;
        }
        return TimeIntegrals.dCommand(toks, 0);
    }

    /**
     * {@code \frac{d}{dt} f(t)} or {@code \frac{d\, f(t)}{dt}}, f the SNR or γ: dSNR(t), dgamma(t). The time
     * differentiated must be the variable of the differential.
     */
    static Expr derivative(LatexParser p, LatexToken at) {
        p.next();
        List<LatexToken> num = p.argument("the numerator");
        List<LatexToken> den = p.argument("the denominator");
        String variable = den.get(den.size() - 1).text();
        Expr f;
        int d = dLength(num);
        if (num.size() == d) {
            f = p.power();
        } else {
            f = p.subExpr(num.subList(d, num.size()), "the function differentiated");
        }
        if (!(f instanceof Expr.Call c) || c.function() != Function.SNR_T && c.function() != Function.GAMMA) {
            throw LatexProblem.uncheckable("a derivative in time of an expression other than SNR(t) or \\gamma(t)", at);
        }
        boolean same = c.argument() instanceof Expr.Name n && n.name().equals(variable)
            || variable.equals("t") && isGrid(c.argument(), true) || variable.equals("s") && isGrid(c.argument(), false);
        if (!same) {
            throw LatexProblem.syntax("the time of d" + variable + " as the argument of the function differentiated",
                at);
        }
        return new Expr.Call(c.function() == Function.SNR_T ? Function.SNR_PRIME : Function.GAMMA_PRIME, c.argument());
    }

    private static boolean isGrid(Expr e, boolean t) {
        Expr i = new Expr.Name(GRID);
        Expr num = t ? i : new Expr.Bin(Operator.SUBTRACT, i, new Expr.Num(1));
        return e.equals(new Expr.Bin(Operator.of('/'), num, new Expr.Steps()));
    }

    /**
     * Whether {@code \text{SNR}} applied to a time ({@code (}, {@code '} or {@code ^} after it) starts at {@code i}: a
     * function of the math, not the prose of a reason.
     */
    static boolean textFunction(List<LatexToken> toks, int i) {
        if (i + 4 >= toks.size() || !toks.get(i).is("\\text") || !toks.get(i + 1).is("{")) {
            return false;
        }
        int close = Symbols.closing(toks, i + 1);
        LatexToken after = close + 1 < toks.size() ? toks.get(close + 1) : null;
        return LatexCursor.plain(toks.subList(i + 2, close)).equals("SNR") && after != null
            && (after.is("(") || after.is("'") || after.is("^") || after.is("\\left"));
    }

    /**
     * VDM's {@code \mathbb{E}_{\boldsymbol{\epsilon}} \int_0^1 … \mathbf{z}_t … \, dt} (eq. 15), in a vdm model: the
     * latent z_t of the integral's time is α_t x + σ_t ε (eq. 1's reparameterisation), so the expectation over ε
     * moves inside the integral (Fubini), where z_t is defined: {@code int_{t=a}^{b}( E_{eps ~ N(0, I), x_1 =
     * alpha_t(t) * x_0 + sigma_t(t) * eps}[ … ] )}. Null when the body is not such an integral.
     */
    static Expr latentsInside(LatexParser p, String noise, Expr body) {
        if (!p.ctx.vdm || !(body instanceof Expr.TimeIntegral ti)
            || !java.util.regex.Pattern.compile("\\bx_1\\b").matcher(org.probity.spec.Spec.notation(ti.body())).find()) {
            return null;
        }
        Expr time = new Expr.Name(ti.variable());
        Expr z = new Expr.Bin(Operator.of('+'), new Expr.Bin(Operator.of('*'), new Expr.Call(Function.ALPHA_T, time),
            new Expr.Var(new Expr.Num(0))), new Expr.Bin(Operator.of('*'), new Expr.Call(Function.SIGMA_T, time),
            new Expr.Noise(noise)));
        p.ctx.read("E_eps outside the integral read inside it (Fubini), with z_" + ti.variable() + " = alpha_"
            + ti.variable() + " x + sigma_" + ti.variable() + " eps (VDM eq. 1)");
        return new Expr.TimeIntegral(ti.variable(), ti.from(), ti.to(),
            new Expr.NoiseExpect(noise, List.of(VarItem.of(new Expr.Num(1))), List.of(z), ti.body()));
    }

    // ------------------------------------------------------------------ variables

    /**
     * x and z of VDM after the letter (the base is read): {@code \mathbf{x}} is the data x_0, {@code \mathbf{z}_s}
     * x_2 and {@code \mathbf{z}_t} (any other time) x_1; null (nothing consumed) for an indexed x.
     */
    static VarItem variable(LatexParser p, String base, LatexToken at) {
        if (base.equals("x") && !p.peek().is("_")) {
            p.ctx.read("x read as x_0 (the data of VDM)");
            return VarItem.of(new Expr.Num(0));
        }
        if (!base.equals("z")) {
            return null;
        }
        if (!p.peek().is("_")) {
            throw LatexProblem.uncheckable("z without a time (write \\mathbf{z}_t)", at);
        }
        p.next();
        List<LatexToken> sub = p.argument("the time of z");
        boolean s = sub.size() == 1 && sub.get(0).is("s");
        p.ctx.read("z_t read as x_1 and z_s as x_2 (the latents of VDM; x is x_0)");
        return VarItem.of(new Expr.Num(s ? 2 : 1));
    }
}
