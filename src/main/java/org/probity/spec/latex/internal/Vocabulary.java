package org.probity.spec.latex.internal;

import static org.probity.spec.latex.internal.LatexCursor.plain;

import java.util.List;
import java.util.Set;
import org.probity.spec.Spec;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;
import org.probity.spec.ast.Operator;
import org.probity.spec.ast.VarItem;

/**
 * What a command or a letter means in the model families (DERIVATIONS.md, "Reading the math"): the
 * vocabulary that {@link LatexParser}'s grammar calls at an atom. {@code \frac}, {@code \sqrt},
 * {@code \log}, {@code \exp} and the named operators ({@code \operatorname{KL}}, {@code \mathrm{SNR}});
 * bold and plain variables; {@code \mathbb{E}}, {@code \mathcal{N}}, {@code \mathcal{H}}, KL and
 * densities (handed to {@link Distributions}); schedule symbols ({@link Schedule}); sums and
 * integrals ({@link Sums}); symbols defined in the document and the names an underbrace gives.
 * Everything else is refused as UNCHECKABLE with the reason.
 */
final class Vocabulary {
    private static final Set<String> INDEX_LETTERS = Set.of("t", "s");

    private Vocabulary() {
    }

    static Expr command(LatexParser p, LatexToken t) {
        switch (t.text()) {
            case "\\frac":
            case "\\dfrac":
            case "\\tfrac": {
                if (ContinuousTime.isDerivative(p)) {
                    return ContinuousTime.derivative(p, t);
                }
                p.next();
                Expr num = p.subExpr(p.argument("the numerator of \\frac"), "the numerator");
                Expr den = p.subExpr(p.argument("the denominator of \\frac"), "the denominator");
                return new Expr.Bin(Operator.of('/'), num, den);
            }
            case "\\sqrt":
                p.next();
                if (p.peek().is("[")) {
                    throw LatexProblem.uncheckable("an n-th root", t);
                }
                return new Expr.Call(Function.SQRT, p.subExpr(p.argument("the argument of \\sqrt"), "the root"));
            case "\\log":
            case "\\ln":
                p.next();
                if (p.peek().is("_")) {
                    throw LatexProblem.uncheckable("a logarithm to another base", t);
                }
                return new Expr.Call(Function.LOG, p.scope(t.text()));
            case "\\exp":
                p.next();
                return new Expr.Call(Function.EXP, p.scope(t.text()));
            case "\\mathbb": {
                String name = plain(peekArgument(p));
                if (name.equals("E")) {
                    p.next();
                    p.argument("E");
                    return Distributions.expectation(p, t);
                }
                throw LatexProblem.uncheckable("\\mathbb{" + name + "} is not a quantity of the model families", t);
            }
            case "\\operatorname":
            case "\\mathrm":
            case "\\text":
            case "\\textrm":
            case "\\mathit":
            case "\\mathsf": {
                String net = ModelFeatures.networkName(p);
                if (net != null) {
                    return ModelFeatures.network(p, net, t);
                }
                p.next();
                String name = plain(p.argument("a name"));
                Function matrix = ModelFeatures.matrixFunction(name);
                if (matrix != null) {
                    return ModelFeatures.matrix(p, matrix, t);
                }
                return named(p, name, t);
            }
            case "\\mathcal": {
                p.next();
                String name = plain(p.argument("a letter"));
                if (name.equals("N")) {
                    return Distributions.normal(p, t);
                }
                if (name.equals("L")) {
                    return symbol(p, "L", t);
                }
                if (name.equals("H")) {
                    return Distributions.entropy(p, t);
                }
                throw LatexProblem.uncheckable("\\mathcal{" + name + "} is not a quantity of the model families", t);
            }
            case "\\sum":
            case "\\prod":
                return Sums.sum(p);
            case "\\int":
            case "\\iint":
                return Sums.integral(p);
            case "\\underbrace":
            case "\\overbrace":
                return underbrace(p);
            case "\\alpha":
                if (p.ctx.vdm) {
                    return ContinuousTime.alphaSigma(p);
                }
                return Schedule.symbol(p);
            case "\\beta":
            case "\\bar":
            case "\\overline":
            case "\\tilde":
            case "\\widetilde":
                return Schedule.symbol(p);
            case "\\pi":
                p.next();
                return stationary(p);
            case "\\max":
            case "\\min":
            case "\\arg":
            case "\\argmax":
            case "\\argmin":
            case "\\sup":
            case "\\inf":
                throw LatexProblem.uncheckable(t.text() + ": an optimisation over the parameters, not an identity", t);
            case "\\dots":
            case "\\cdots":
            case "\\ldots":
            case "\\vdots":
                throw LatexProblem.uncheckable("a notation line (it spells out a sequence with " + t.text() + ")", t);
            case "\\epsilon":
            case "\\varepsilon":
                return ModelFeatures.epsilon(p);
            case "\\mu":
            case "\\hat":
            case "\\widehat": {
                String net = ModelFeatures.networkName(p);
                if (net != null) {
                    return ModelFeatures.network(p, net, t);
                }
                if (t.is("\\mu")) {
                    p.next();
                    return symbol(p, "mu", t);
                }
                throw LatexProblem.uncheckable(t.text() + " without a network's parameter subscript and arguments "
                    + "(\\mu_\\theta(\\mathbf{x}_t, t)) is not a quantity of the model families", t);
            }
            case "\\|":
            case "\\Vert":
            case "\\lVert":
                return ModelFeatures.norm(p);
            case "\\det":
                p.next();
                return ModelFeatures.matrix(p, Function.DET, t);
            default:
                if (Symbols.BOLD.contains(t.text())) {
                    return bold(p, t);
                }
                if (p.ctx.vdm && (t.is("\\gamma") || t.is("\\sigma"))) {
                    Expr e = t.is("\\gamma") ? ContinuousTime.gamma(p) : ContinuousTime.alphaSigma(p);
                    if (e != null) {
                        return e;
                    }
                }
                if (Symbols.GREEK.contains(t.text())) {
                    p.next();
                    return symbol(p, t.text().substring(1), t);
                }
                throw LatexProblem.uncheckable(t.text() + " is not a quantity of the model families", t);
        }
    }

    private static List<LatexToken> peekArgument(LatexParser p) {
        int save = p.pos;
        p.next();
        List<LatexToken> a = p.argument("an argument of " + p.toks.get(save).text());
        p.pos = save;
        return a;
    }

    private static Expr named(LatexParser p, String name, LatexToken at) {
        switch (name) {
            case "E":
                return Distributions.expectation(p, at);
            case "KL":
            case "D_KL":
                return Distributions.kl(p, at);
            case "SNR":
                return p.ctx.vdm ? ContinuousTime.snr(p, at) : Schedule.snr(p, at);
            case "Cat":
                throw LatexProblem.uncheckable("a categorical density Cat(...) written out is not read yet", at);
            default:
                if (p.ctx.defined.contains(name)) {
                    return new Expr.Name(name);
                }
                if (p.ctx.unreadable.containsKey(name)) {
                    throw LatexProblem.uncheckable(name + " is defined by an expression that was not read ("
                        + p.ctx.unreadable.get(name) + ")", at);
                }
                throw LatexProblem.uncheckable("'" + name + "' is not a quantity of the model families", at);
        }
    }

    private static Expr bold(LatexParser p, LatexToken t) {
        List<LatexToken> a = peekArgument(p);
        String name = plain(a);
        if (name.equals("x") || name.equals("z")) {
            return value(p, Distributions.variable(p));
        }
        if (name.equals("I")) {
            p.next();
            p.argument("I");
            return new Expr.Identity();
        }
        if (name.equals("1") || name.equals("0")) {
            p.next();
            p.argument("a number");
            return new Expr.Num(name.equals("1") ? 1 : 0);
        }
        if (a.size() == 1 && ModelFeatures.EPSILONS.contains(a.get(0).text())) {
            return ModelFeatures.epsilon(p);
        }
        if (a.size() == 1 && a.get(0).is("\\mu")) {
            String net = ModelFeatures.networkName(p);
            if (net != null) {
                return ModelFeatures.network(p, net, t);
            }
        }
        if (a.size() == 1 && a.get(0).text().matches("\\\\?[A-Za-z]+")) {
            String symbol = a.get(0).text().replace("\\", "");
            p.next();
            p.argument("a symbol");
            return symbol(p, symbol, t);
        }
        throw LatexProblem.uncheckable(t.text() + "{" + name + "} is not a quantity of the model families", t);
    }

    private static Expr value(LatexParser p, VarItem v) {
        if (v.isRange()) {
            throw LatexProblem.uncheckable("a range of variables used as a number", p.peek());
        }
        if (v.pinned() != null) {
            throw LatexProblem.uncheckable("a pinned variable used as a number", p.peek());
        }
        return new Expr.Var(v.from());
    }

    static Expr letter(LatexParser p, LatexToken t) {
        String c = t.text();
        if (!c.equals("p") && !c.equals("q")) {
            int save = p.pos;
            String net = ModelFeatures.networkName(p);
            if (net != null) {
                return ModelFeatures.network(p, net, t);
            }
            p.pos = save;
        }
        if ("EHDN".contains(c) && !p.ctx.defined.isEmpty()) {
            // E, H, D, N defined by the document (E := ..., H_0 := ...) are those symbols, not E[.], H(.), D_KL, N(.)
            int save = p.pos;
            p.next();
            String name = c;
            if (p.peek().is("_")) {
                p.next();
                name = Symbols.symbolName(c, p.argument("a subscript"), p.src);
            }
            boolean applied = p.opensBracket() || p.peek().is("\\left");   // H(q), E[.], N(x; m, v): the operator
            p.pos = save;
            if (p.ctx.defined.contains(name) && !applied) {
                return symbol(p, c, t);
            }
        }
        if (c.equals("d") && !p.peek(1).is("_") && !p.indices.contains("d") && !Distributions.startsVariable(p, 1)
            && !p.ctx.defined.contains("d")) {
            p.next();
            p.ctx.read("d read as the dimension of the variables");
            return new Expr.Dims();
        }
        switch (c) {
            case "x":
            case "z":
                return value(p, Distributions.variable(p));
            case "p":
            case "q":
                return Distributions.densityValue(p);
            case "T":
                if (!p.peek(1).is("_")) {
                    p.next();
                    return new Expr.Steps();
                }
                break;
            case "E":
                if (p.peek(1).is("_") || p.peek(1).is("[") || p.peek(1).is("\\left")) {
                    p.next();
                    return Distributions.expectation(p, t);
                }
                break;
            case "D":
                if (p.peek(1).is("_")) {
                    int save = p.pos;
                    p.next();
                    p.next();
                    String s = plain(p.argument("a subscript"));
                    if (s.equals("KL")) {
                        return Distributions.kl(p, t);
                    }
                    p.pos = save;
                }
                break;
            case "K":
                if (p.peek(1).is("L") && (p.peek(2).is("(") || p.peek(2).is("\\left") || p.peek(2).is("\\big"))) {
                    p.next();
                    p.next();
                    return Distributions.kl(p, t);
                }
                break;
            case "H":
                if (p.peek(1).is("(") || p.peek(1).is("\\left") || p.peek(1).is("\\big") || p.peek(1).is("\\Big")) {
                    p.next();
                    return Distributions.entropy(p, t);
                }
                break;
            case "N":
                if (p.peek(1).is("(") || p.peek(1).is("\\left")) {
                    p.next();
                    return Distributions.normal(p, t);
                }
                break;
            case "I":
                // a plain I, as in N(0, I) or sigma^2 I: the identity, like \mathbf{I} (not I(.), a function)
                if (!p.peek(1).is("_") && !p.peek(1).is("(") && !p.peek(1).is("\\left") && !p.ctx.defined.contains("I")
                    && !p.indices.contains("I")) {
                    p.next();
                    p.ctx.read("I read as the identity matrix");
                    return new Expr.Identity();
                }
                break;
            default:
                break;
        }
        if (ContinuousTime.isTimeLetter(p, c)) {
            return ContinuousTime.gridTime(p);
        }
        if (ContinuousTime.isGridIndex(p, c)) {
            p.next();
            return new Expr.Name(c);
        }
        if (p.indices.contains(c) || (INDEX_LETTERS.contains(c) && !p.peek(1).is("_"))) {
            p.next();
            return new Expr.Name(c);
        }
        return symbol(p, c, t);
    }

    /** A named quantity: a letter with an optional subscript ({@code L_{\text{VLB}}}), defined in the document. */
    static Expr symbol(LatexParser p, String letter, LatexToken at) {
        if (p.peek().is(letter) || p.peek().text().equals("\\mathcal")) {
            p.next();
        }
        String name = letter;
        if (p.peek().is("_")) {
            p.next();
            List<LatexToken> sub = p.argument("a subscript");
            name = Symbols.symbolName(letter, sub, p.src);
        }
        if (p.peek().is("^") && p.argumentIs(1, "2")
            && (p.ctx.defined.contains(Symbols.squared(name)) || p.ctx.unreadable.containsKey(Symbols.squared(name)))) {
            p.next();
            p.argument("2");
            name = Symbols.squared(name);
        }
        if (p.ctx.defined.contains(name)) {
            return new Expr.Name(name);
        }
        String why = p.ctx.unreadable.get(name);
        if (why != null) {
            throw LatexProblem.uncheckable(name + " is defined by an expression that was not read (" + why + ")", at);
        }
        throw LatexProblem.uncheckable("the symbol " + name + " is not defined in the document and has no meaning in "
            + "the model families", at);
    }

    /** {@code L_T}, {@code L_{t-1}}, {@code L_0}: the name an underbrace gives. */
    private static String labelName(LatexParser p, List<LatexToken> label) {
        String letter = label.get(0).text();
        if (label.size() > 2 && label.get(1).is("_")) {
            List<LatexToken> sub = label.subList(2, label.size());
            if (sub.get(0).is("{") && sub.get(sub.size() - 1).is("}")) {
                sub = sub.subList(1, sub.size() - 1);
            }
            return Symbols.symbolName(letter, sub, p.src);
        }
        return plain(label);
    }

    private static Expr underbrace(LatexParser p) {
        LatexToken t = p.next();
        List<LatexToken> content = p.argument("the content of " + t.text());
        Expr e = p.subExpr(content, "the content of " + t.text());
        if (p.peek().is("_") || p.peek().is("^")) {
            p.next();
            List<LatexToken> label = p.argument("the label of " + t.text());
            boolean text = !label.isEmpty() && (label.get(0).is("\\text") || label.get(0).is("\\mathrm"));
            if (!text && !label.isEmpty()) {
                String name = labelName(p, label);
                p.ctx.read(t.text() + " names " + name + " = " + Spec.notation(e));
                p.ctx.namings.put(name, e);
            }
        }
        return e;
    }

    /**
     * After {@code \\pi}: {@code \\pi(\\mathbf{x}_t)} (a bracket holding one variable) is the
     * stationary distribution at x_t ({@code pi(x_t)}, Sohl-Dickstein et al. 2015's π); any other
     * {@code \\pi} is the number π.
     */
    private static Expr stationary(LatexParser p) {
        int ahead = p.peek().is("\\left") ? 1 : 0;
        if (!LatexCursor.isOpen(p.peek(ahead)) || !Distributions.startsVariable(p, ahead + 1)) {
            return new Expr.Num(Math.PI);
        }
        LatexToken open = p.openBracket();
        VarItem v = Distributions.variable(p);
        p.closeBracket(open);
        if (v.isRange() || v.pinned() != null) {
            throw LatexProblem.syntax("one variable x_t in \\pi(x_t)", p.peek());
        }
        return new Expr.Call(Function.PI, new Expr.Var(v.from()));
    }
}
