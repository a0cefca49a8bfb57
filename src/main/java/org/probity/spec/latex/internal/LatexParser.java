package org.probity.spec.latex.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.probity.spec.ast.Expr;
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
    final ReadingContext ctx;
    final Deque<List<VarItem>> bound;
    final Deque<String> indices;
    private int integralDepth;
    /** How many norms {@code \\| … \\|} are open here: inside one, {@code \\|} closes it; outside, it opens one. */
    int normDepth;
    /** The variable of the innermost integral over time being read here ({@link TimeIntegrals}), or null. */
    String timeVariable;

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

    Expr subExpr(List<LatexToken> ts, String what) {
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
            || t.is("|") || t.is("\\mid") || t.is("\\vert") || t.is("\\parallel")
            || normDepth > 0 && (t.is("\\|") || t.is("\\Vert")) || t.is("\\rVert")
            || t.is("\\text") || t.is("\\tag") || t.is(".") || signedBrace()) {
            return true;
        }
        if (TimeIntegrals.atDifferential(this)) {
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
        boolean ones = (peek().is("\\mathbf") || peek().is("\\boldsymbol") || peek().is("\\bm"))
            && argumentIs(1, "1");
        Expr base = primary();
        if (transpose()) {
            Expr right = power();
            // a quadratic form a^T M b: a (diagonal) matrix M takes the factor written after it, M b
            while (matrix(right) && !stopsTerm() && !peek().is("\\cdot") && !peek().is("\\times") && !peek().is("*")
                && !peek().is("/")) {
                right = new Expr.Bin(Operator.of('*'), right, power());
            }
            return ones ? new Expr.Call(org.probity.spec.ast.Function.SUMDIMS, right)
                : new Expr.Call(org.probity.spec.ast.Function.DOT, List.of(base, right));
        }
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

    /**
     * Whether an expression is written as a matrix: {@code \\mathbf{I}} or {@code \\operatorname{diag}(…)}, scaled,
     * divided, raised to a power (an inverse) or negated. Matrices are diagonal, so M b is elementwise.
     */
    private static boolean matrix(Expr e) {
        if (e instanceof Expr.Identity) {
            return true;
        }
        if (e instanceof Expr.Call c) {
            return c.function() == org.probity.spec.ast.Function.DIAG;
        }
        if (e instanceof Expr.Neg n) {
            return matrix(n.operand());
        }
        if (e instanceof Expr.Bin b) {
            return b.op() == Operator.of('^') ? matrix(b.left()) : (b.op() == Operator.of('*') || b.op() == Operator.of('/'))
                && (matrix(b.left()) || matrix(b.right()));
        }
        return false;
    }

    /** {@code ^\\top}, {@code ^{\\top}}, {@code ^\\intercal}: a transpose (consumed), the left factor of an inner product. */
    private boolean transpose() {
        if (!peek().is("^")) {
            return false;
        }
        LatexToken a = peek(1);
        boolean top = a.is("\\top") || a.is("\\intercal") || a.is("\\mathsf") && peek(2).is("T");
        boolean braced = a.is("{") && (peek(2).is("\\top") || peek(2).is("\\intercal")) && peek(3).is("}");
        if (!top && !braced) {
            return false;
        }
        next();
        argument("the transpose");
        if (a.is("\\mathsf")) {
            argument("T");
        }
        return true;
    }

    /** The scope of E, sum, prod and log: the bracket that follows, or the following product term. */
    Expr scope(String what) {
        if (opensBracket() && !peek().is("\\langle") && !peek(1).is("\\langle")) {
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
        if (ModelFeatures.opensNorm(this)) {
            return ModelFeatures.norm(this);
        }
        if (t.is("\\langle") || (t.is("\\left") || t.is("\\big") || t.is("\\bigl")) && peek(1).is("\\langle")) {
            return ModelFeatures.inner(this);
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
            return Vocabulary.command(this, t);
        }
        if (t.kind() == LatexToken.Kind.CHAR && Character.isLetter(t.text().codePointAt(0))) {
            return Vocabulary.letter(this, t);
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

}
