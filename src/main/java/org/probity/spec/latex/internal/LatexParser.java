package org.probity.spec.latex.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.probity.spec.Spec;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;
import org.probity.spec.ast.Operator;
import org.probity.spec.ast.VarItem;

/**
 * Translates one LaTeX math expression into the spec AST (DERIVATIONS.md, "Reading the math").
 * Precedence: a sum of product terms; a product term is factors side by side or joined by
 * {@code \cdot}, {@code \times}, {@code /}; {@code \mathbb{E}}, {@code \sum}, {@code \prod} and
 * {@code \log} take the bracket that follows them, or else the following product term (up to a
 * {@code +} or {@code -} at the same level). Malformed input throws a {@link LatexProblem} of kind
 * SYNTAX; well-formed math outside the model families one of kind UNCHECKABLE.
 */
final class LatexParser extends LatexCursor {
    private static final Set<String> BOLD = Set.of("\\mathbf", "\\boldsymbol", "\\bm", "\\vec", "\\mathbold");
    private static final Set<String> INDEX_LETTERS = Set.of("t", "s");

    final ReadingContext ctx;
    final Deque<List<VarItem>> bound;
    final Deque<String> indices;
    private int integralDepth;

    LatexParser(List<LatexToken> toks, String src, ReadingContext ctx, Deque<List<VarItem>> bound,
                Deque<String> indices) {
        super(toks, src);
        this.ctx = ctx;
        this.bound = bound;
        this.indices = indices;
    }

    /** Translates a whole token list (ending with END). */
    static Expr parse(List<LatexToken> toks, String src, ReadingContext ctx) {
        LatexParser p = new LatexParser(toks, src, ctx, new ArrayDeque<>(), new ArrayDeque<>());
        Expr e = p.expr();
        if (!p.atEnd()) {
            throw LatexProblem.syntax("an operator or the end of the expression", p.peek());
        }
        return e;
    }

    /** Translates one LaTeX expression (no relation), for tests and tools. */
    static Expr translate(String latex, ReadingContext ctx) {
        return parse(LatexLexer.tokenize(latex), latex, ctx);
    }

    private LatexParser sub(List<LatexToken> ts) {
        List<LatexToken> all = new ArrayList<>(ts);
        int end = ts.isEmpty() ? peek().start() : ts.get(ts.size() - 1).end();
        all.add(new LatexToken(LatexToken.Kind.END, "", end, end));
        LatexParser p = new LatexParser(all, src, ctx, bound, indices);
        p.integralDepth = 0;
        return p;
    }

    private Expr subExpr(List<LatexToken> ts, String what) {
        if (ts.isEmpty()) {
            throw LatexProblem.syntax(what, peek());
        }
        LatexParser p = sub(ts);
        Expr e = p.expr();
        if (!p.atEnd()) {
            throw LatexProblem.syntax("an operator or the end of " + what, p.peek());
        }
        return e;
    }

    // ---------------------------------------------------------------- arithmetic

    Expr expr() {
        Expr left;
        if (peek().is("-") || peek().is("+")) {
            boolean neg = next().is("-");
            Expr t = term();
            left = neg ? new Expr.Neg(t) : t;
        } else {
            left = term();
        }
        while (true) {
            if (peek().is("+")) {
                next();
                left = new Expr.Bin(Operator.of('+'), left, term());
            } else if (peek().is("-")) {
                next();
                left = new Expr.Bin(Operator.of('-'), left, term());
            } else if (signedBrace()) {
                Expr u = power();
                left = u instanceof Expr.Neg n ? new Expr.Bin(Operator.of('-'), left, n.operand()) : new Expr.Bin(Operator.of('+'), left, u);
            } else {
                return left;
            }
        }
    }

    /** An underbrace whose content starts with a sign: a term with its own sign (the seed's L_0). */
    private boolean signedBrace() {
        LatexToken t = peek();
        return (t.is("\\underbrace") || t.is("\\overbrace")) && peek(1).is("{") && (peek(2).is("-") || peek(2).is("+"));
    }

    Expr term() {
        Expr left = power();
        while (!stopsTerm()) {
            if (peek().is("\\cdot") || peek().is("\\times") || peek().is("*")) {
                next();
                left = new Expr.Bin(Operator.of('*'), left, power());
            } else if (peek().is("/")) {
                next();
                left = new Expr.Bin(Operator.of('/'), left, power());
            } else {
                left = new Expr.Bin(Operator.of('*'), left, power());
            }
        }
        return left;
    }

    private boolean stopsTerm() {
        LatexToken t = peek();
        if (t.kind() == LatexToken.Kind.END || t.is("+") || t.is("-") || t.is("}") || closesBracket()
            || Relations.isRelation(t) || t.is("&") || t.is("\\\\") || t.is(",") || t.is(";") || t.is(":")
            || t.is("|") || t.is("\\mid") || t.is("\\vert") || t.is("\\parallel") || t.is("\\|") || t.is("\\Vert")
            || t.is("\\text") || t.is("\\tag") || t.is(".") || signedBrace()) {
            return true;
        }
        return integralDepth > 0 && (differential() || t.is("\\cdots") || t.is("\\dots") || t.is("\\ldots"));
    }

    void integralDepthAdd(int d) {
        integralDepth += d;
    }

    /** Whether the cursor is at a differential: {@code d\mathbf{x}_t} or {@code \mathrm{d}x_t}. */
    boolean differential() {
        if (peek().is("d")) {
            return Distributions.startsVariable(this, 1);
        }
        if ((peek().is("\\mathrm") || peek().is("\\text") || peek().is("\\operatorname")) && peek(1).is("{")
            && peek(2).is("d") && peek(3).is("}")) {
            return Distributions.startsVariable(this, 4);
        }
        return false;
    }

    void skipD() {
        if (next().is("d")) {
            return;
        }
        next();
        next();
        next();
    }

    static void requireVariable(LatexParser p) {
        if (!Distributions.startsVariable(p, 0)) {
            throw LatexProblem.syntax("a variable after d", p.peek());
        }
    }

    Expr power() {
        Expr base = primary();
        while (peek().is("^")) {
            LatexToken hat = next();
            List<LatexToken> exp = argument("an exponent after '^'");
            if (!exp.isEmpty() && exp.get(0).is("(")) {
                throw LatexProblem.uncheckable("a sample superscript ^{(i)}: an estimator over samples, not an identity",
                    hat);
            }
            base = new Expr.Bin(Operator.of('^'), base, subExpr(exp, "the exponent"));
        }
        if (peek().is("'")) {
            throw LatexProblem.uncheckable("a derivative (prime) is not in the model families", peek());
        }
        return base;
    }

    /** The scope of E, sum, prod and log: the bracket that follows, or the following product term. */
    Expr scope(String what) {
        if (opensBracket()) {
            LatexToken open = openBracket();
            Expr e = expr();
            closeBracket(open);
            return e;
        }
        if (stopsTerm()) {
            throw LatexProblem.syntax("the argument of " + what, peek());
        }
        return term();
    }

    // ---------------------------------------------------------------- atoms

    Expr primary() {
        LatexToken t = peek();
        if (t.kind() == LatexToken.Kind.NUMBER) {
            return number();
        }
        if (opensBracket()) {
            LatexToken open = openBracket();
            if (open.is("|") || open.is("\\vert") || open.is(".")) {
                throw LatexProblem.uncheckable("an absolute value or one-sided delimiter is not read yet", t);
            }
            Expr e = expr();
            if (peek().is(",") || peek().is("\\dots") || peek().is("\\ldots") || peek().is("\\cdots")) {
                throw LatexProblem.uncheckable("a tuple or sequence in brackets (notation)", peek());
            }
            closeBracket(open);
            return e;
        }
        if (t.is("{")) {
            return subExpr(argument("a group"), "the group");
        }
        if (t.kind() == LatexToken.Kind.COMMAND) {
            return command(t);
        }
        if (t.kind() == LatexToken.Kind.CHAR && Character.isLetter(t.text().codePointAt(0))) {
            return letter(t);
        }
        throw LatexProblem.syntax("an expression", t);
    }

    private Expr number() {
        int start = pos;
        StringBuilder sb = new StringBuilder(next().text());
        while (true) {
            LatexToken prev = toks.get(pos - 1);
            LatexToken t = peek();
            if (t.kind() == LatexToken.Kind.NUMBER && t.start() == prev.end()) {
                sb.append(next().text());
            } else if (t.is(".") && t.start() == prev.end() && peek(1).kind() == LatexToken.Kind.NUMBER
                && peek(1).start() == t.end() && !sb.toString().contains(".")) {
                sb.append(next().text());
            } else {
                break;
            }
        }
        if (sb.length() > 12) {
            throw LatexProblem.uncheckable("a number with more than 12 digits", toks.get(start));
        }
        return new Expr.Num(Double.parseDouble(sb.toString()));
    }

    private Expr command(LatexToken t) {
        switch (t.text()) {
            case "\\frac":
            case "\\dfrac":
            case "\\tfrac": {
                next();
                Expr num = subExpr(argument("the numerator of \\frac"), "the numerator");
                Expr den = subExpr(argument("the denominator of \\frac"), "the denominator");
                return new Expr.Bin(Operator.of('/'), num, den);
            }
            case "\\sqrt":
                next();
                if (peek().is("[")) {
                    throw LatexProblem.uncheckable("an n-th root", t);
                }
                return new Expr.Call(Function.SQRT, subExpr(argument("the argument of \\sqrt"), "the root"));
            case "\\log":
            case "\\ln":
                next();
                if (peek().is("_")) {
                    throw LatexProblem.uncheckable("a logarithm to another base", t);
                }
                return new Expr.Call(Function.LOG, scope(t.text()));
            case "\\exp":
                next();
                return new Expr.Call(Function.EXP, scope(t.text()));
            case "\\mathbb": {
                String name = plain(peekArgument());
                if (name.equals("E")) {
                    next();
                    argument("E");
                    return Distributions.expectation(this, t);
                }
                throw LatexProblem.uncheckable("\\mathbb{" + name + "} is not a quantity of the model families", t);
            }
            case "\\operatorname":
            case "\\mathrm":
            case "\\text":
            case "\\textrm":
            case "\\mathit":
            case "\\mathsf": {
                next();
                String name = plain(argument("a name"));
                return named(name, t);
            }
            case "\\mathcal": {
                next();
                String name = plain(argument("a letter"));
                if (name.equals("N")) {
                    return Distributions.normal(this, t);
                }
                if (name.equals("L")) {
                    return symbol("L", t);
                }
                if (name.equals("H")) {
                    return Distributions.entropy(this, t);
                }
                throw LatexProblem.uncheckable("\\mathcal{" + name + "} is not a quantity of the model families", t);
            }
            case "\\sum":
            case "\\prod":
                return Sums.sum(this);
            case "\\int":
            case "\\iint":
                return Sums.integral(this);
            case "\\underbrace":
            case "\\overbrace":
                return underbrace();
            case "\\beta":
            case "\\alpha":
            case "\\bar":
            case "\\overline":
            case "\\tilde":
            case "\\widetilde":
                return Schedule.symbol(this);
            case "\\pi":
                next();
                return new Expr.Num(Math.PI);
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
                throw LatexProblem.uncheckable("the noise variable ε (auxiliary variables are not in the model families yet)",
                    t);
            default:
                if (BOLD.contains(t.text())) {
                    return bold(t);
                }
                throw LatexProblem.uncheckable(t.text() + " is not a quantity of the model families", t);
        }
    }

    private List<LatexToken> peekArgument() {
        int save = pos;
        next();
        List<LatexToken> a = argument("an argument of " + toks.get(save).text());
        pos = save;
        return a;
    }

    private Expr named(String name, LatexToken at) {
        switch (name) {
            case "E":
                return Distributions.expectation(this, at);
            case "KL":
            case "D_KL":
                return Distributions.kl(this, at);
            case "SNR":
                return Schedule.snr(this, at);
            case "Cat":
                throw LatexProblem.uncheckable("a categorical density Cat(...) written out is not read yet", at);
            default:
                if (ctx.defined.contains(name)) {
                    return new Expr.Name(name);
                }
                if (ctx.unreadable.containsKey(name)) {
                    throw LatexProblem.uncheckable(name + " is defined by an expression that was not read ("
                        + ctx.unreadable.get(name) + ")", at);
                }
                throw LatexProblem.uncheckable("'" + name + "' is not a quantity of the model families", at);
        }
    }

    private Expr bold(LatexToken t) {
        List<LatexToken> a = peekArgument();
        String name = plain(a);
        if (name.equals("x") || name.equals("z")) {
            return value(Distributions.variable(this));
        }
        if (name.equals("I") || name.equals("1")) {
            next();
            argument("I");
            ctx.read("\\mathbf{I} read as 1 (scalar diffusion)");
            return new Expr.Num(1);
        }
        if (a.size() == 1 && (a.get(0).is("\\epsilon") || a.get(0).is("\\varepsilon"))) {
            throw LatexProblem.uncheckable("the noise variable ε (auxiliary variables are not in the model families yet)",
                t);
        }
        throw LatexProblem.uncheckable(t.text() + "{" + name + "} is not a quantity of the model families", t);
    }

    private Expr value(VarItem v) {
        if (v.isRange()) {
            throw LatexProblem.uncheckable("a range of variables used as a number", peek());
        }
        if (v.pinned() != null) {
            throw LatexProblem.uncheckable("a pinned variable used as a number", peek());
        }
        return new Expr.Var(v.from());
    }

    private Expr letter(LatexToken t) {
        String c = t.text();
        switch (c) {
            case "x":
            case "z":
                return value(Distributions.variable(this));
            case "p":
            case "q":
                return Distributions.densityValue(this);
            case "T":
                if (!peek(1).is("_")) {
                    next();
                    return new Expr.Steps();
                }
                break;
            case "E":
                if (peek(1).is("_") || peek(1).is("[") || peek(1).is("\\left")) {
                    next();
                    return Distributions.expectation(this, t);
                }
                break;
            case "D":
                if (peek(1).is("_")) {
                    int save = pos;
                    next();
                    next();
                    String s = plain(argument("a subscript"));
                    if (s.equals("KL")) {
                        return Distributions.kl(this, t);
                    }
                    pos = save;
                }
                break;
            case "K":
                if (peek(1).is("L") && (peek(2).is("(") || peek(2).is("\\left") || peek(2).is("\\big"))) {
                    next();
                    next();
                    return Distributions.kl(this, t);
                }
                break;
            case "H":
                if (peek(1).is("(") || peek(1).is("\\left") || peek(1).is("\\big") || peek(1).is("\\Big")) {
                    next();
                    return Distributions.entropy(this, t);
                }
                break;
            case "N":
                if (peek(1).is("(") || peek(1).is("\\left")) {
                    next();
                    return Distributions.normal(this, t);
                }
                break;
            default:
                break;
        }
        if (indices.contains(c) || (INDEX_LETTERS.contains(c) && !peek(1).is("_"))) {
            next();
            return new Expr.Name(c);
        }
        return symbol(c, t);
    }

    /** A named quantity: a letter with an optional subscript ({@code L_{\text{VLB}}}), defined in the document. */
    Expr symbol(String letter, LatexToken at) {
        if (peek().is(letter) || peek().text().equals("\\mathcal")) {
            next();
        }
        String name = letter;
        if (peek().is("_")) {
            next();
            List<LatexToken> sub = argument("a subscript");
            name = symbolName(letter, sub, src);
        }
        if (ctx.defined.contains(name)) {
            return new Expr.Name(name);
        }
        String why = ctx.unreadable.get(name);
        if (why != null) {
            throw LatexProblem.uncheckable(name + " is defined by an expression that was not read (" + why + ")", at);
        }
        throw LatexProblem.uncheckable("the symbol " + name + " is not defined in the document and has no meaning in "
            + "the model families", at);
    }

    /** The name of a symbol with a subscript: L_{\text{CE}} is L_CE; an index expression stays braced. */
    static String symbolName(String letter, List<LatexToken> sub, String src) {
        String plain = plain(sub);
        if (plain.matches("[A-Za-z0-9]+")) {
            return letter + "_" + plain;
        }
        if (sub.isEmpty()) {
            return letter;
        }
        return letter + "_{" + src.substring(sub.get(0).start(), sub.get(sub.size() - 1).end()).replaceAll("\\s+", "")
            + "}";
    }

    /** {@code L_T}, {@code L_{t-1}}, {@code L_0}: the name an underbrace gives. */
    private String labelName(List<LatexToken> label) {
        String letter = label.get(0).text();
        if (label.size() > 2 && label.get(1).is("_")) {
            List<LatexToken> sub = label.subList(2, label.size());
            if (sub.get(0).is("{") && sub.get(sub.size() - 1).is("}")) {
                sub = sub.subList(1, sub.size() - 1);
            }
            return symbolName(letter, sub, src);
        }
        return plain(label);
    }

    private Expr underbrace() {
        LatexToken t = next();
        List<LatexToken> content = argument("the content of " + t.text());
        Expr e = subExpr(content, "the content of " + t.text());
        if (peek().is("_") || peek().is("^")) {
            next();
            List<LatexToken> label = argument("the label of " + t.text());
            boolean text = !label.isEmpty() && (label.get(0).is("\\text") || label.get(0).is("\\mathrm"));
            if (!text && !label.isEmpty()) {
                String name = labelName(label);
                ctx.read(t.text() + " names " + name + " = " + Spec.notation(e));
                ctx.namings.put(name, e);
            }
        }
        return e;
    }
}
