package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;
import org.probity.spec.ast.Operator;
import org.probity.spec.ast.VarItem;

/**
 * The expression grammar of SPEC-LANGUAGE.md. Precedence, loosest first: {@code + -},
 * {@code * /}, unary {@code -}, {@code ^} (right-associative), then primaries; {@code log e}
 * without a parenthesis takes the next unary expression as its argument.
 */
final class ExpressionParser {
    /** Words that are not names: the function table's and the language's own. */
    static final Set<String> RESERVED = reserved();

    private final Tokens tk;
    private final DistributionParser distributions;
    private int depth;
    /** The networks declared so far, by name. */
    final java.util.Map<String, org.probity.spec.ast.Statement.Network> networks = new java.util.HashMap<>();
    /**
     * The names bound as noise variables anywhere in the file ({@code E_&#123;eps ~ ...}): each use of
     * such a name is a {@link Expr.Noise}, also in a let body; {@link Semantics} checks that a use
     * is inside its binder.
     */
    private final Set<String> noises = new HashSet<>();

    private static Set<String> reserved() {
        Set<String> words = new HashSet<>(Function.names());
        words.addAll(List.of("T", "q", "p", "p_theta", "N", "KL", "H", "E_", "int_", "sum_", "prod_", "title",
            "model", "let", "claim", "derive", "for", "by", "propto_", "assume", "E", "int", "sum", "prod", "I", "dims", "network"));
        return Set.copyOf(words);
    }

    ExpressionParser(Tokens tk) {
        this.tk = tk;
        this.distributions = new DistributionParser(tk, this);
        for (int i = 0; i + 3 < tk.toks.size(); i++) {
            if (tk.toks.get(i).is("E_") && tk.toks.get(i + 1).is("{") && tk.toks.get(i + 2).kind() == Token.Kind.IDENT
                && tk.toks.get(i + 3).is("~")) {
                noises.add(tk.toks.get(i + 2).text());
            }
        }
    }

    Expr expr() {
        Expr left = term();
        while (tk.peek().is("+") || tk.peek().is("-")) {
            Token op = tk.next();
            left = tk.at(op, new Expr.Bin(Operator.of(op.text().charAt(0)), left, term()));
        }
        return left;
    }

    /**
     * One level deeper (every unary expression below the top: a bracket, a unary minus, a {@code ^},
     * an argument); past {@link Limits#MAX_NESTING} the input is refused at the current token.
     */
    private void enter() {
        if (++depth > Limits.MAX_NESTING + 1) {
            throw tk.error(tk.peek(), "nesting at most " + Limits.MAX_NESTING + " deep (brackets, unary minus, ^ and "
                + "arguments each count one level)");
        }
    }

    private Expr term() {
        Expr left = unary();
        while (tk.peek().is("*") || tk.peek().is("/")) {
            Token op = tk.next();
            left = tk.at(op, new Expr.Bin(Operator.of(op.text().charAt(0)), left, unary()));
        }
        return left;
    }

    private Expr unary() {
        enter();
        Expr out;
        if (tk.peek().is("-")) {
            Token op = tk.next();
            out = tk.at(op, new Expr.Neg(unary()));
        } else {
            Expr base = primary();
            if (tk.peek().is("^")) {
                Token op = tk.next();
                out = tk.at(op, new Expr.Bin(Operator.POWER, base, unary()));
            } else {
                out = base;
            }
        }
        depth--;
        return out;
    }

    private Expr primary() {
        Token t = tk.peek();
        if (t.kind() == Token.Kind.NUMBER) {
            tk.next();
            return tk.at(t, new Expr.Num(Double.parseDouble(t.text())));
        }
        if (t.is("(")) {
            tk.next();
            Expr e = expr();
            tk.expect(")");
            return e;
        }
        if (t.kind() != Token.Kind.IDENT) {
            throw tk.error(t, "an expression");
        }
        String w = t.text();
        if (w.startsWith("x_")) {
            return tk.at(t, new Expr.Var(distributions.singleIndex(distributions.variable())));
        }
        switch (w) {
            case "T":
                tk.next();
                return tk.at(t, new Expr.Steps());
            case "I":
                tk.next();
                return tk.at(t, new Expr.Identity());
            case "dims":
                tk.next();
                return tk.at(t, new Expr.Dims());
            case "log": {
                tk.next();
                if (tk.peek().is("(")) {
                    tk.next();
                    Expr arg = expr();
                    tk.expect(")");
                    return tk.at(t, new Expr.Call(Function.LOG, arg));
                }
                return tk.at(t, new Expr.Call(Function.LOG, unary()));
            }
            case "q":
            case "p":
            case "p_theta":
                return distributions.density();
            case "N":
                return distributions.normal();
            case "KL": {
                tk.next();
                tk.expect("(");
                Expr.Distribution a = distributions.distribution();
                tk.expect("||");
                Expr.Distribution b = distributions.distribution();
                tk.expect(")");
                return tk.at(t, new Expr.Kl(a, b));
            }
            case "H": {
                tk.next();
                tk.expect("(");
                Expr.Distribution a = distributions.distribution();
                Expr.Distribution b = null;
                if (tk.peek().is(",")) {
                    tk.next();
                    b = distributions.distribution();
                }
                tk.expect(")");
                return tk.at(t, new Expr.Entropy(a, b));
            }
            case "E_": {
                tk.next();
                tk.expect("{");
                if (tk.peek().kind() == Token.Kind.IDENT && tk.toks.get(tk.pos + 1).is("~")) {
                    return noiseExpect(t);
                }
                Expr.Distribution d = distributions.distribution();
                tk.expect("}");
                tk.expect("[");
                Expr body = expr();
                tk.expect("]");
                return tk.at(t, new Expr.Expect(d, body));
            }
            case "int_": {
                tk.next();
                tk.expect("{");
                if (tk.peek().kind() == Token.Kind.IDENT && !tk.peek().text().startsWith("x_")
                    && tk.toks.get(tk.pos + 1).is("=")) {
                    return timeIntegral(t);
                }
                List<VarItem> vars = distributions.variables();
                tk.expect("}");
                tk.expect("(");
                Expr body = expr();
                tk.expect(")");
                return tk.at(t, new Expr.Integral(vars, body));
            }
            case "sum_":
            case "prod_": {
                tk.next();
                tk.expect("{");
                Bounded r = bounded();
                return tk.at(t, new Expr.Sum(w.equals("prod_"), r.name(), r.from(), r.to(), r.body()));
            }
            default:
                break;
        }
        if (noises.contains(w)) {
            tk.next();
            return tk.at(t, new Expr.Noise(w));
        }
        if (networks.containsKey(w)) {
            return net(networks.get(w));
        }
        Function f = Function.named(w).orElse(null);
        if (f != null) {
            tk.next();
            tk.expect("(");
            List<Expr> args = new ArrayList<>();
            args.add(expr());
            while (args.size() < f.arity()) {
                tk.expect(",");
                args.add(expr());
            }
            tk.expect(")");
            return tk.at(t, new Expr.Call(f, args));
        }
        if (RESERVED.contains(w) || w.endsWith("_")) {
            throw tk.error(t, "an expression");
        }
        tk.next();
        return tk.at(t, new Expr.Name(w));
    }

    /** {@code NAME(v1, ..., vk[, t])} with the arguments of its declaration. */
    private Expr net(org.probity.spec.ast.Statement.Network n) {
        Token t = tk.next();
        tk.expect("(");
        List<Expr> inputs = new ArrayList<>();
        for (int k = 0; k < n.inputs(); k++) {
            if (k > 0) {
                tk.expect(",");
            }
            inputs.add(expr());
        }
        Expr step = null;
        if (n.hasStep()) {
            tk.expect(",");
            step = expr();
        }
        tk.expect(")");
        return tk.at(t, new Expr.Net(n.name(), inputs, step));
    }

    /** After {@code E_&#123;}: {@code eps ~ N(0, I)[, x_a = v]...}{@code &#125;[ body ]}. */
    private Expr noiseExpect(Token start) {
        Token name = tk.peek();
        if (RESERVED.contains(name.text()) || name.text().startsWith("x_") || name.text().endsWith("_")
            || networks.containsKey(name.text())) {
            throw tk.error(name, "a noise variable name that is not reserved");
        }
        tk.next();
        tk.expect("~");
        tk.expect("N");
        tk.expect("(");
        Token zero = tk.peek();
        if (!(zero.kind() == Token.Kind.NUMBER && Double.parseDouble(zero.text()) == 0)) {
            throw tk.error(zero, "0 (an auxiliary noise variable is standard normal, N(0, I))");
        }
        tk.next();
        tk.expect(",");
        Token id = tk.peek();
        if (!(id.is("I") || id.kind() == Token.Kind.NUMBER && Double.parseDouble(id.text()) == 1)) {
            throw tk.error(id, "I (an auxiliary noise variable is standard normal, N(0, I))");
        }
        tk.next();
        tk.expect(")");
        List<VarItem> vars = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (tk.peek().is(",")) {
            tk.next();
            VarItem v = distributions.singleVariable("a variable x_i to substitute");
            tk.expect("=");
            vars.add(v);
            values.add(expr());
        }
        tk.expect("}");
        tk.expect("[");
        Expr body = expr();
        tk.expect("]");
        return tk.at(start, new Expr.NoiseExpect(name.text(), vars, values, body));
    }

    /** After {@code int_&#123;}: {@code t=a}^{b}( body )}. */
    private Expr timeIntegral(Token start) {
        Bounded r = bounded();
        requireTime(r.from(), r.fromAt());
        requireTime(r.to(), r.toAt());
        return tk.at(start, new Expr.TimeIntegral(r.name(), r.from(), r.to(), r.body()));
    }

    /** A limit written as a number must be a time of the schedule, in [0, 1] (an expression is checked per instance). */
    private void requireTime(Expr limit, Token at) {
        double v = limit instanceof Expr.Num n ? n.value()
            : limit instanceof Expr.Neg ng && ng.operand() instanceof Expr.Num n ? -n.value() : Double.NaN;
        if (!Double.isNaN(v) && (v < 0 || v > 1)) {
            throw tk.error(at, "a limit of int_{t=a}^{b} in [0, 1] (a time of the continuous schedule)");
        }
    }

    /** {@code name = from}^{to}( body )} after the opening brace of sum_, prod_ and int_ over a real variable. */
    private record Bounded(String name, Expr from, Expr to, Expr body, Token fromAt, Token toAt) { }

    /** After the opening brace: {@code i=a}^{b}( body )}, the upper limit in braces or a primary. */
    private Bounded bounded() {
        String name = indexName();
        tk.expect("=");
        Token fromAt = tk.peek();
        Expr from = expr();
        tk.expect("}");
        tk.expect("^");
        Expr to;
        Token toAt = tk.peek();
        if (tk.peek().is("{")) {
            tk.next();
            toAt = tk.peek();
            to = expr();
            tk.expect("}");
        } else {
            to = primary();
        }
        tk.expect("(");
        Expr body = expr();
        tk.expect(")");
        return new Bounded(name, from, to, body, fromAt, toAt);
    }

    /** A list of unpinned variables {@code x_a, x_{b:c}, ...}. */
    List<VarItem> variables() {
        return distributions.variables();
    }

    String indexName() {
        Token t = tk.peek();
        if (t.kind() != Token.Kind.IDENT || RESERVED.contains(t.text()) || t.text().startsWith("x_")
            || t.text().endsWith("_")) {
            throw tk.error(t, "an index name");
        }
        tk.next();
        return t.text();
    }
}
