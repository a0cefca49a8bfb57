package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probity.spec.SpecSyntaxException;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Statement;
import org.probity.spec.ast.VarItem;

/**
 * Recursive-descent parser for the grammar of SPEC-LANGUAGE.md. Precedence, loosest first:
 * {@code + -}, {@code * /}, unary {@code -}, {@code ^} (right-associative), then primaries;
 * {@code log e} without a parenthesis takes the next unary expression as its argument.
 */
public final class Parser {
    static final Set<String> RELATIONS = Set.of("==", "<=", ">=", "<", ">");
    private static final Set<String> FUNCTIONS = Set.of("exp", "sqrt", "abs", "beta", "alpha", "abar", "snr");
    private static final Set<String> RESERVED = Set.of("T", "log", "exp", "sqrt", "abs", "beta", "alpha", "abar",
        "snr", "q", "p", "p_theta", "N", "KL", "H", "E_", "int_", "sum_", "prod_", "title", "model", "let", "claim",
        "derive", "for", "by", "E", "int", "sum", "prod");

    private final List<Token> toks;
    private final String file;
    private final String src;
    private final Map<Object, Token> where = new IdentityHashMap<>();
    private int pos;

    private Parser(String src, String file) {
        this.src = src;
        this.file = file;
        this.toks = Lexer.tokenize(src, file);
    }

    /** The parsed statements and the source position of every expression node. */
    public record Parsed(List<Statement> statements, Map<Object, Token> positions) {
        /** "line:column" of a node, or "?" when unknown. */
        public int[] lineColumn(Object node) {
            Token t = positions.get(node);
            return t == null ? new int[] {0, 0} : new int[] {t.line(), t.column()};
        }
    }

    /** Parses a whole file. */
    public static Parsed parse(String src, String file) {
        Parser p = new Parser(src, file);
        List<Statement> out = p.statements();
        return new Parsed(out, p.where);
    }

    /** Parses one expression (the whole input), for tests and the round trip. */
    public static Expr parseExpression(String src) {
        Parser p = new Parser(src, "<expr>");
        Expr e = p.expr();
        p.skipNewlines();
        p.expectKind(Token.Kind.EOF, "end of the expression");
        return e;
    }

    private List<Statement> statements() {
        List<Statement> out = new ArrayList<>();
        skipNewlines();
        while (peek().kind() != Token.Kind.EOF) {
            out.add(statement());
            if (peek().kind() != Token.Kind.EOF) {
                expectKind(Token.Kind.NEWLINE, "end of line");
            }
            skipNewlines();
        }
        return out;
    }

    private Statement statement() {
        Token t = peek();
        if (t.kind() == Token.Kind.IDENT) {
            switch (t.text()) {
                case "title":
                    next();
                    return new Statement.Title(expectKind(Token.Kind.STRING, "a quoted title").text(), t.line());
                case "model":
                    return model();
                case "let":
                    return let();
                case "claim":
                    return claim();
                case "derive":
                    return derive();
                default:
                    break;
            }
        }
        throw error(t, "a statement (title, model, let, claim or derive)");
    }

    private Statement model() {
        Token start = next();
        Set<String> families = new LinkedHashSet<>();
        int[] states = {2, 3};
        int[] steps = {1, 4};
        boolean positive = false;
        Set<String> seen = new HashSet<>();
        while (peek().kind() == Token.Kind.IDENT) {
            Token w = next();
            if (!seen.add(w.text()) && !w.text().equals("markov") && !w.text().equals("gaussian")) {
                throw error(w, "each model option at most once");
            }
            switch (w.text()) {
                case "markov":
                case "gaussian":
                    families.add(w.text());
                    break;
                case "states":
                    states = intRange(1);
                    break;
                case "steps":
                    steps = intRange(0);
                    break;
                case "positive":
                    positive = true;
                    break;
                default:
                    throw error(w, "a model family (markov, gaussian) or option (states, steps, positive)");
            }
        }
        if (families.isEmpty()) {
            throw error(peek(), "a model family (markov, gaussian)");
        }
        return new Statement.Model(families, states[0], states[1], steps[0], steps[1], positive, start.line());
    }

    private int[] intRange(int min) {
        int lo = intLiteral(min);
        expect("..");
        Token hiTok = peek();
        int hi = intLiteral(min);
        if (hi < lo) {
            throw error(hiTok, "an upper bound >= " + lo);
        }
        return new int[] {lo, hi};
    }

    private int intLiteral(int min) {
        Token t = peek();
        if (t.kind() != Token.Kind.NUMBER || !t.text().matches("[0-9]+") || t.text().length() > 3
            || Integer.parseInt(t.text()) < min) {
            throw error(t, "a whole number >= " + min);
        }
        next();
        return Integer.parseInt(t.text());
    }

    private Statement let() {
        Token start = next();
        Token name = expectKind(Token.Kind.IDENT, "a name");
        if (RESERVED.contains(name.text()) || name.text().startsWith("x_")) {
            throw error(name, "a name that is not reserved");
        }
        expect("=");
        return new Statement.Let(name.text(), expr(), start.line());
    }

    private Statement claim() {
        Token start = next();
        String name = expectKind(Token.Kind.STRING, "a quoted claim name").text();
        expect(":");
        String index = null;
        Expr from = null;
        Expr to = null;
        if (peek().is("for")) {
            next();
            index = indexName();
            expect("=");
            from = expr();
            expect("..");
            to = expr();
            expect(",");
        }
        Expr lhs = expr();
        String rel = relation();
        Expr rhs = expr();
        Token last = toks.get(pos - 1);
        Statement.Claim c = new Statement.Claim(name, index, from, to, lhs, rel, rhs, start.line(), text(start, last));
        where.put(c, start);
        return c;
    }

    private Statement derive() {
        Token start = next();
        String name = expectKind(Token.Kind.STRING, "a quoted derivation name").text();
        expect(":");
        skipNewlines();
        Expr first = expr();
        List<Statement.Step> steps = new ArrayList<>();
        Token last = toks.get(pos - 1);
        while (true) {
            int save = pos;
            skipNewlines();
            Token rt = peek();
            if (!(rt.kind() == Token.Kind.SYMBOL && RELATIONS.contains(rt.text()))) {
                pos = save;
                break;
            }
            String rel = relation();
            Expr e = expr();
            String reason = null;
            if (peek().is("by")) {
                next();
                reason = expectKind(Token.Kind.STRING, "a quoted reason").text();
            }
            last = toks.get(pos - 1);
            Statement.Step s = new Statement.Step(rel, e, reason, rt.line(), text(rt, last));
            where.put(s, rt);
            steps.add(s);
        }
        if (steps.isEmpty()) {
            throw error(peek().kind() == Token.Kind.NEWLINE ? toks.get(pos + 1) : peek(),
                "a derivation step 'REL expr' (REL one of == <= >= < >)");
        }
        Statement.Derive d = new Statement.Derive(name, first, steps, start.line(), text(start, last));
        where.put(d, start);
        return d;
    }

    private String text(Token from, Token to) {
        return src.substring(from.offset(), to.offset() + (to.kind() == Token.Kind.STRING ? to.text().length() + 2
            : to.text().length()));
    }

    private String relation() {
        Token t = peek();
        if (t.kind() == Token.Kind.SYMBOL && RELATIONS.contains(t.text())) {
            next();
            return t.text();
        }
        throw error(t, "a relation (==, <=, >=, <, >)");
    }

    private String indexName() {
        Token t = peek();
        if (t.kind() != Token.Kind.IDENT || RESERVED.contains(t.text()) || t.text().startsWith("x_")
            || t.text().endsWith("_")) {
            throw error(t, "an index name");
        }
        next();
        return t.text();
    }

    // ---- expressions

    Expr expr() {
        Expr left = term();
        while (peek().is("+") || peek().is("-")) {
            Token op = next();
            left = at(op, new Expr.Bin(op.text().charAt(0), left, term()));
        }
        return left;
    }

    private Expr term() {
        Expr left = unary();
        while (peek().is("*") || peek().is("/")) {
            Token op = next();
            left = at(op, new Expr.Bin(op.text().charAt(0), left, unary()));
        }
        return left;
    }

    private Expr unary() {
        if (peek().is("-")) {
            Token op = next();
            return at(op, new Expr.Neg(unary()));
        }
        Expr base = primary();
        if (peek().is("^")) {
            Token op = next();
            return at(op, new Expr.Bin('^', base, unary()));
        }
        return base;
    }

    private Expr primary() {
        Token t = peek();
        if (t.kind() == Token.Kind.NUMBER) {
            next();
            return at(t, new Expr.Num(Double.parseDouble(t.text())));
        }
        if (t.is("(")) {
            next();
            Expr e = expr();
            expect(")");
            return e;
        }
        if (t.kind() != Token.Kind.IDENT) {
            throw error(t, "an expression");
        }
        String w = t.text();
        if (w.startsWith("x_")) {
            return at(t, new Expr.Var(singleIndex(variable())));
        }
        switch (w) {
            case "T":
                next();
                return at(t, new Expr.Steps());
            case "log": {
                next();
                if (peek().is("(")) {
                    next();
                    Expr arg = expr();
                    expect(")");
                    return at(t, new Expr.Call("log", arg));
                }
                return at(t, new Expr.Call("log", unary()));
            }
            case "q":
            case "p":
            case "p_theta":
                return density();
            case "N":
                return normal();
            case "KL": {
                next();
                expect("(");
                Expr a = distribution();
                expect("||");
                Expr b = distribution();
                expect(")");
                return at(t, new Expr.Kl(a, b));
            }
            case "H": {
                next();
                expect("(");
                Expr a = distribution();
                Expr b = null;
                if (peek().is(",")) {
                    next();
                    b = distribution();
                }
                expect(")");
                return at(t, new Expr.Entropy(a, b));
            }
            case "E_": {
                next();
                expect("{");
                Expr d = distribution();
                expect("}");
                expect("[");
                Expr body = expr();
                expect("]");
                return at(t, new Expr.Expect(d, body));
            }
            case "int_": {
                next();
                expect("{");
                List<VarItem> vars = varList(false);
                expect("}");
                expect("(");
                Expr body = expr();
                expect(")");
                return at(t, new Expr.Integral(vars, body));
            }
            case "sum_":
            case "prod_": {
                next();
                expect("{");
                String index = indexName();
                expect("=");
                Expr from = expr();
                expect("}");
                expect("^");
                Expr to;
                if (peek().is("{")) {
                    next();
                    to = expr();
                    expect("}");
                } else {
                    to = primary();
                }
                expect("(");
                Expr body = expr();
                expect(")");
                return at(t, new Expr.Sum(w.equals("prod_"), index, from, to, body));
            }
            default:
                break;
        }
        if (FUNCTIONS.contains(w)) {
            next();
            expect("(");
            Expr arg = expr();
            expect(")");
            return at(t, new Expr.Call(w, arg));
        }
        if (RESERVED.contains(w) || w.endsWith("_")) {
            throw error(t, "an expression");
        }
        next();
        return at(t, new Expr.Name(w));
    }

    private Expr distribution() {
        Token t = peek();
        if (t.is("q") || t.is("p") || t.is("p_theta")) {
            return density();
        }
        if (t.is("N")) {
            return normal();
        }
        throw error(t, "a distribution q(...), p(...) or N(...)");
    }

    private Expr density() {
        Token t = next();
        expect("(");
        List<VarItem> targets = varList(true);
        List<VarItem> given = List.of();
        if (peek().is("|")) {
            next();
            given = varList(true);
        }
        expect(")");
        return at(t, new Expr.Density(!t.text().equals("q"), targets, given));
    }

    private Expr normal() {
        Token t = next();
        expect("(");
        Token vt = peek();
        if (!(vt.kind() == Token.Kind.IDENT && vt.text().startsWith("x_"))) {
            throw error(vt, "a variable x_i");
        }
        VarItem v = variable();
        if (v.isRange()) {
            throw error(vt, "a single variable x_i");
        }
        expect(";");
        Expr mean = expr();
        expect(",");
        Expr variance = expr();
        expect(")");
        return at(t, new Expr.Normal(v, mean, variance));
    }

    private List<VarItem> varList(boolean allowPin) {
        List<VarItem> out = new ArrayList<>();
        do {
            if (!out.isEmpty()) {
                next();
            }
            Token vt = peek();
            if (!(vt.kind() == Token.Kind.IDENT && vt.text().startsWith("x_"))) {
                throw error(vt, "a variable x_i or x_{a:b}");
            }
            VarItem v = variable();
            if (peek().is("=")) {
                if (!allowPin || v.isRange()) {
                    throw error(peek(), allowPin ? "',' or ')' after a range" : "',' or '}'");
                }
                next();
                v = new VarItem(v.from(), null, expr());
            }
            where.put(v, vt);
            out.add(v);
        } while (peek().is(","));
        return out;
    }

    private VarItem variable() {
        Token t = next();
        String suffix = t.text().substring(2);
        if (suffix.isEmpty()) {
            expect("{");
            Expr from = expr();
            Expr to = null;
            if (peek().is(":")) {
                next();
                to = expr();
            }
            expect("}");
            VarItem v = new VarItem(from, to, null);
            where.put(v, t);
            return v;
        }
        Expr index;
        if (suffix.matches("[0-9]+")) {
            index = new Expr.Num(Double.parseDouble(suffix));
        } else if (suffix.equals("T")) {
            index = new Expr.Steps();
        } else if (suffix.matches("[A-Za-z][A-Za-z0-9]*") && !RESERVED.contains(suffix)) {
            index = new Expr.Name(suffix);
        } else {
            throw error(t, "a variable x_i, x_{expr} or x_{a:b}");
        }
        where.put(index, t);
        VarItem v = VarItem.of(index);
        where.put(v, t);
        return v;
    }

    private Expr singleIndex(VarItem v) {
        if (v.isRange()) {
            throw error(where.get(v), "a single variable (a range x_{a:b} is not a value)");
        }
        return v.from();
    }

    // ---- token helpers

    private <T> T at(Token t, T node) {
        where.putIfAbsent(node, t);
        return node;
    }

    private Token peek() {
        return toks.get(pos);
    }

    private Token next() {
        return toks.get(pos++);
    }

    private void skipNewlines() {
        while (peek().kind() == Token.Kind.NEWLINE) {
            pos++;
        }
    }

    private Token expect(String symbol) {
        Token t = peek();
        if (!t.is(symbol)) {
            throw error(t, "'" + symbol + "'");
        }
        return next();
    }

    private Token expectKind(Token.Kind kind, String what) {
        Token t = peek();
        if (t.kind() != kind) {
            throw error(t, what);
        }
        return next();
    }

    private SpecSyntaxException error(Token t, String expected) {
        return new SpecSyntaxException(file, t.line(), t.column(), expected, t.describe());
    }
}
