package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Relation;
import org.probity.spec.ast.Statement;
import org.probity.spec.ast.VarItem;

/**
 * Recursive-descent parser for the statements of SPEC-LANGUAGE.md (title, model, let, claim,
 * derive); expressions are parsed by {@link ExpressionParser}.
 */
public final class Parser {
    private static final Set<String> RESERVED = ExpressionParser.RESERVED;

    private final Tokens tk;
    private final ExpressionParser exprs;

    private Parser(String src, String file) {
        this.tk = new Tokens(src, file);
        this.exprs = new ExpressionParser(tk);
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
        return new Parsed(out, p.tk.where);
    }

    /** Parses one expression (the whole input), for tests and the round trip. */
    public static Expr parseExpression(String src) {
        Parser p = new Parser(src, "<expr>");
        Expr e = p.exprs.expr();
        p.tk.skipNewlines();
        p.tk.expectKind(Token.Kind.EOF, "end of the expression");
        return e;
    }

    private List<Statement> statements() {
        List<Statement> out = new ArrayList<>();
        tk.skipNewlines();
        while (tk.peek().kind() != Token.Kind.EOF) {
            out.add(statement());
            if (tk.peek().kind() != Token.Kind.EOF) {
                tk.expectKind(Token.Kind.NEWLINE, "end of line");
            }
            tk.skipNewlines();
        }
        return out;
    }

    private Statement statement() {
        Token t = tk.peek();
        if (t.kind() == Token.Kind.IDENT) {
            switch (t.text()) {
                case "title":
                    tk.next();
                    return new Statement.Title(tk.expectKind(Token.Kind.STRING, "a quoted title").text(), t.line());
                case "model":
                    return model();
                case "let":
                    return let();
                case "claim":
                    return claim();
                case "derive":
                    return derive();
                case "network":
                    return network();
                case "assume":
                    return assume();
                default:
                    break;
            }
        }
        throw tk.error(t, "a statement (title, model, let, network, assume, claim or derive)");
    }

    private Statement model() {
        Token start = tk.next();
        Set<String> families = new LinkedHashSet<>();
        int[] states = {2, 3};
        int[] steps = {1, 4};
        int[] dims = {1, 1};
        boolean positive = false;
        boolean diagonal = false;
        boolean vdm = false;
        Statement.Stationary stationary = Statement.Stationary.NONE;
        Token vdmAt = null;
        Token stationaryAt = null;
        Set<String> seen = new HashSet<>();
        while (tk.peek().kind() == Token.Kind.IDENT) {
            Token w = tk.next();
            if (!seen.add(w.text()) && !w.text().equals("markov") && !w.text().equals("gaussian")) {
                throw tk.error(w, "each model option at most once");
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
                case "dims":
                    dims = intRange(1);
                    if (dims[1] > Limits.MAX_DIMS) {
                        throw tk.error(tk.previous(), "at most " + Limits.MAX_DIMS + " dimensions");
                    }
                    break;
                case "positive":
                    positive = true;
                    break;
                case "vdm":
                    vdm = true;
                    vdmAt = w;
                    break;
                case "stationary":
                    stationary = Statement.Stationary.DRAWN;
                    stationaryAt = w;
                    if (tk.peek().kind() == Token.Kind.IDENT && tk.peek().text().equals("uniform")) {
                        tk.next();
                        stationary = Statement.Stationary.UNIFORM;
                    }
                    break;
                case "isotropic":
                case "diagonal":
                    if (seen.contains(w.text().equals("isotropic") ? "diagonal" : "isotropic")) {
                        throw tk.error(w, "one of isotropic and diagonal");
                    }
                    diagonal = w.text().equals("diagonal");
                    break;
                default:
                    throw tk.error(w, "a model family (markov, gaussian) or option (states, steps, dims, positive, "
                        + "isotropic, diagonal, vdm, stationary [uniform])");
            }
        }
        if (families.isEmpty()) {
            throw tk.error(tk.peek(), "a model family (markov, gaussian)");
        }
        if (vdm && !families.equals(Set.of("gaussian"))) {
            throw tk.error(vdmAt, "the option vdm in a gaussian model only (vdm is an option of the gaussian family: "
                + "model gaussian vdm ...)", "'vdm' in model " + String.join(" ", families));
        }
        if (stationary != Statement.Stationary.NONE && !families.equals(Set.of("markov"))) {
            throw tk.error(stationaryAt, "the option stationary in a markov model only (stationary is an option of the "
                + "markov family alone: model markov stationary ...)", "'stationary' in model " + String.join(" ", families));
        }
        return tk.at(start, new Statement.Model(families, states[0], states[1], steps[0], steps[1], positive, dims[0],
            dims[1], diagonal, vdm, stationary, start.line()));
    }

    private int[] intRange(int min) {
        int lo = intLiteral(min);
        tk.expect("..");
        Token hiTok = tk.peek();
        int hi = intLiteral(min);
        if (hi < lo) {
            throw tk.error(hiTok, "an upper bound >= " + lo);
        }
        return new int[] {lo, hi};
    }

    private int intLiteral(int min) {
        Token t = tk.peek();
        if (t.kind() != Token.Kind.NUMBER || !t.text().matches("[0-9]+") || t.text().length() > 3
            || Integer.parseInt(t.text()) < min) {
            throw tk.error(t, "a whole number >= " + min);
        }
        tk.next();
        return Integer.parseInt(t.text());
    }

    /** {@code network NAME(x..., [t])}: inputs are names starting with x; at most one step, last. */
    private Statement network() {
        Token start = tk.next();
        Token name = tk.expectKind(Token.Kind.IDENT, "a network name");
        if (RESERVED.contains(name.text()) || name.text().startsWith("x_") || name.text().endsWith("_")
            || exprs.networks.containsKey(name.text())) {
            throw tk.error(name, "a network name that is not reserved and not declared before");
        }
        tk.expect("(");
        List<String> params = new ArrayList<>();
        do {
            if (!params.isEmpty()) {
                tk.next();
            }
            Token p = tk.expectKind(Token.Kind.IDENT, "a parameter name (x... for a vector input, else the step)");
            if (!params.isEmpty() && !params.get(params.size() - 1).startsWith("x")) {
                throw tk.error(p, "')' after the step parameter (the step comes last)");
            }
            params.add(p.text());
        } while (tk.peek().is(","));
        tk.expect(")");
        Statement.Network n = new Statement.Network(name.text(), params, start.line());
        if (n.inputs() == 0) {
            throw tk.error(name, "at least one vector input (a parameter named x...)");
        }
        exprs.networks.put(n.name(), n);
        return tk.at(start, n);
    }

    private Statement let() {
        Token start = tk.next();
        Token name = tk.expectKind(Token.Kind.IDENT, "a name");
        if (RESERVED.contains(name.text()) || name.text().startsWith("x_")) {
            throw tk.error(name, "a name that is not reserved");
        }
        tk.expect("=");
        return tk.at(start, new Statement.Let(name.text(), exprs.expr(), start.line()));
    }

    private Statement claim() {
        Token start = tk.next();
        String name = tk.expectKind(Token.Kind.STRING, "a quoted claim name").text();
        tk.expect(":");
        tk.skipNewlines();
        Range range = forRange();
        Relational r = relational();
        Statement.Claim c = new Statement.Claim(name, range.index(), range.from(), range.to(), r.lhs(), r.relation(),
            r.rhs(), start.line(), text(start, tk.previous()), r.over());
        tk.where.put(c, start);
        return c;
    }

    private Statement assume() {
        Token start = tk.next();
        Range range = forRange();
        Relational r = relational();
        Statement.Assume a = new Statement.Assume(range.index(), range.from(), range.to(), r.lhs(), r.relation(), r.rhs(),
            r.over(), start.line(), text(start, tk.previous()));
        tk.where.put(a, start);
        return a;
    }

    /** The {@code for i = a..b,} head of a statement: all null when absent. */
    private record Range(String index, Expr from, Expr to) {
        static final Range NONE = new Range(null, null, null);
    }

    /** {@code lhs REL rhs} with the variables of a {@code propto_{...}} relation (empty for the others). */
    private record Relational(Expr lhs, Relation relation, List<VarItem> over, Expr rhs) {
    }

    /** {@code for i = a..b,} (newlines allowed after the comma), or {@link Range#NONE} when absent. */
    private Range forRange() {
        if (!tk.peek().is("for")) {
            return Range.NONE;
        }
        tk.next();
        String index = exprs.indexName();
        tk.expect("=");
        Expr from = exprs.expr();
        tk.expect("..");
        Expr to = exprs.expr();
        tk.expect(",");
        tk.skipNewlines();
        return new Range(index, from, to);
    }

    /** The relation of a claim or an assumption: {@code lhs REL rhs}. */
    private Relational relational() {
        Expr lhs = exprs.expr();
        Relation rel = relation();
        List<VarItem> over = rel == Relation.PROPTO ? proptoVariables() : List.of();
        return new Relational(lhs, rel, over, exprs.expr());
    }

    private Statement derive() {
        Token start = tk.next();
        String name = tk.expectKind(Token.Kind.STRING, "a quoted derivation name").text();
        tk.expect(":");
        tk.skipNewlines();
        Range range = forRange();
        Expr first = exprs.expr();
        String startReason = reason();
        List<Statement.Step> steps = new ArrayList<>();
        Token last = tk.previous();
        while (true) {
            int save = tk.pos;
            tk.skipNewlines();
            Token rt = tk.peek();
            if (!(rt.kind() == Token.Kind.SYMBOL && Relation.of(rt.text()) != null || rt.is(PROPTO))) {
                tk.pos = save;
                break;
            }
            Relation rel = relation();
            List<VarItem> over = rel == Relation.PROPTO ? proptoVariables() : List.of();
            Expr e = exprs.expr();
            String reason = reason();
            last = tk.previous();
            Statement.Step s = new Statement.Step(rel, e, reason, rt.line(), text(rt, last), over);
            tk.where.put(s, rt);
            steps.add(s);
        }
        if (steps.isEmpty()) {
            throw tk.error(tk.peek().kind() == Token.Kind.NEWLINE ? tk.toks.get(tk.pos + 1) : tk.peek(),
                "a derivation step 'REL expr' (REL one of == <= >= < > propto_{...})");
        }
        Statement.Derive d = new Statement.Derive(name, range.index(), range.from(), range.to(), first, startReason,
            steps, start.line(), text(start, last));
        tk.where.put(d, start);
        return d;
    }

    /** An optional {@code by "reason"}. */
    private String reason() {
        if (!tk.peek().is("by")) {
            return null;
        }
        tk.next();
        return tk.expectKind(Token.Kind.STRING, "a quoted reason").text();
    }

    private String text(Token from, Token to) {
        return tk.src.substring(from.offset(), to.offset() + (to.kind() == Token.Kind.STRING ? to.text().length() + 2
            : to.text().length()));
    }

    private static final String PROPTO = "propto_";

    private Relation relation() {
        Token t = tk.peek();
        if (t.kind() == Token.Kind.SYMBOL && Relation.of(t.text()) != null) {
            tk.next();
            return Relation.of(t.text());
        }
        if (t.is(PROPTO)) {
            tk.next();
            return Relation.PROPTO;
        }
        throw tk.error(t, "a relation (==, <=, >=, <, >, propto_{x_a, ...})");
    }

    /** After {@code propto_}: {@code {x_a, x_{b:c}, ...}}, the variables the ratio must not depend on. */
    private List<VarItem> proptoVariables() {
        tk.expect("{");
        List<VarItem> over = exprs.variables();
        tk.expect("}");
        return over;
    }
}
