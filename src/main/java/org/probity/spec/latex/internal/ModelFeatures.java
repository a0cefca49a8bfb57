package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.probity.spec.Spec;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;
import org.probity.spec.ast.Statement;
import org.probity.spec.ast.VarItem;

/**
 * The LaTeX of the model features of docs/spec-language.md beyond the first language: networks
 * ({@code \boldsymbol{\mu}_\theta(\mathbf{x}_t, t)}, {@code \boldsymbol{\epsilon}_\theta(…)},
 * {@code \hat{\mathbf{x}}_\theta(…)}, any {@code f_\theta(…)}), the auxiliary noise
 * {@code \boldsymbol{\epsilon}} and its binder
 * {@code \mathbb{E}_{\boldsymbol{\epsilon} \sim \mathcal{N}(\mathbf{0}, \mathbf{I}), \mathbf{x}_t = …}[…]},
 * and the vector forms {@code \|v\|^2}, {@code \langle a, b \rangle}, {@code a^\top b},
 * {@code \mathbf{1}^\top v}, {@code \operatorname{tr}}, {@code \det}, {@code \operatorname{diag}},
 * {@code \mathbf{I}} and {@code d}. Each is translated into the existing AST node
 * ({@link Expr.Net}, {@link Expr.Noise}, {@link Expr.NoiseExpect}, {@link Function#NORM2}, …).
 */
final class ModelFeatures {
    static final Set<String> EPSILONS = Set.of("\\epsilon", "\\varepsilon");
    private static final Set<String> BOLD = Set.of("\\mathbf", "\\boldsymbol", "\\bm", "\\vec", "\\mathbold");
    private static final Set<String> PARAMETERS = Set.of("\\theta", "\\phi", "\\psi");

    private ModelFeatures() {
    }

    // ------------------------------------------------------------------ the noise symbol

    /** How many tokens an ε written at {@code ahead} takes: {@code \epsilon}, {@code \boldsymbol\epsilon}, {@code \boldsymbol{\epsilon}}; 0 when none. */
    static int epsilonAt(LatexCursor c, int ahead) {
        LatexToken t = c.peek(ahead);
        if (EPSILONS.contains(t.text())) {
            return 1;
        }
        if (BOLD.contains(t.text())) {
            LatexToken a = c.peek(ahead + 1);
            if (EPSILONS.contains(a.text())) {
                return 2;
            }
            if (a.is("{") && EPSILONS.contains(c.peek(ahead + 2).text()) && c.peek(ahead + 3).is("}")) {
                return 4;
            }
        }
        return 0;
    }

    /** Whether a parameter subscript and an opening bracket follow at {@code ahead}: {@code _\theta(}, {@code _{\theta}(}. */
    static int networkSuffix(LatexCursor c, int ahead) {
        if (!c.peek(ahead).is("_")) {
            return 0;
        }
        LatexToken a = c.peek(ahead + 1);
        int n;
        if (PARAMETERS.contains(a.text())) {
            n = 2;
        } else if (a.is("{") && PARAMETERS.contains(c.peek(ahead + 2).text()) && c.peek(ahead + 3).is("}")) {
            n = 4;
        } else {
            return 0;
        }
        LatexToken b = c.peek(ahead + n);
        boolean opens = LatexCursor.isOpen(b) || LatexCursor.SIZES.contains(b.text()) && LatexCursor.isOpen(c.peek(ahead + n + 1));
        return opens ? n : 0;
    }

    /**
     * An ε at the cursor: a network {@code \epsilon_\theta(…)}, else the noise variable bound by an
     * enclosing noise expectation ({@code \boldsymbol{\epsilon}_1} is the noise {@code eps1}).
     */
    static Expr epsilon(LatexParser p) {
        LatexToken at = p.peek();
        int n = epsilonAt(p, 0);
        int suffix = networkSuffix(p, n);
        if (suffix > 0) {
            p.pos += n + suffix;
            return network(p, "eps_theta", at);
        }
        p.pos += n;
        String name = noiseName(p);
        if (!p.ctx.noises.contains(name)) {
            throw LatexProblem.uncheckable("the noise variable ε outside an expectation over it (write "
                + "\\mathbb{E}_{\\boldsymbol{\\epsilon} \\sim \\mathcal{N}(\\mathbf{0}, \\mathbf{I})}[…])", at);
        }
        return new Expr.Noise(name);
    }

    /** After the ε: an optional plain subscript ({@code _1}, {@code _{2}}) naming one of several noises. */
    private static String noiseName(LatexParser p) {
        if (!p.peek().is("_")) {
            return "eps";
        }
        LatexToken at = p.next();
        List<LatexToken> sub = p.argument("the subscript of ε");
        String s = LatexCursor.plain(sub);
        if (!s.matches("[A-Za-z0-9]+") || sub.stream().anyMatch(t -> t.is("-") || t.is("+"))) {
            throw LatexProblem.uncheckable("a noise variable with an index expression (ε_{" + s + "}): write one "
                + "noise per binder, ε_1, ε_2, …", at);
        }
        return "eps" + s;
    }

    // ------------------------------------------------------------------ networks

    /** A symbol with {@code _\theta(} after it at {@code ahead}: its network name, else null. */
    static String networkName(LatexParser p) {
        LatexToken t = p.peek();
        int n;
        String name;
        if (t.is("\\mu")) {
            n = 1;
            name = "mu_theta";
        } else if (BOLD.contains(t.text()) && p.argumentIs(1, "\\mu")) {
            n = p.peek(1).is("\\mu") ? 2 : 4;
            name = "mu_theta";
        } else if (t.is("\\hat") || t.is("\\widehat")) {
            List<LatexToken> arg = peekArgument(p, 1);
            String inner = LatexCursor.plain(arg);
            if (!inner.equals("x")) {
                return null;
            }
            n = 1 + argumentLength(p, 1);
            name = "xhat_theta";
        } else if (t.kind() == LatexToken.Kind.CHAR && t.text().matches("[a-oru-wyA-Z]")) {
            n = 1;
            name = t.text() + "_theta";
        } else if ((t.is("\\mathrm") || t.is("\\operatorname")) && p.peek(1).is("{")) {
            List<LatexToken> arg = peekArgument(p, 1);
            name = LatexCursor.plain(arg);
            n = 1 + argumentLength(p, 1);
            if (p.ctx.networks.containsKey(name) && LatexCursor.isOpen(p.peek(n))) {
                p.pos += n;
                return name;
            }
            return null;
        } else {
            return null;
        }
        int suffix = networkSuffix(p, n);
        if (suffix == 0) {
            return null;
        }
        p.pos += n + suffix;
        return name;
    }

    private static List<LatexToken> peekArgument(LatexParser p, int ahead) {
        int save = p.pos;
        p.pos += ahead;
        List<LatexToken> a = p.argument("an argument");
        p.pos = save;
        return a;
    }

    private static int argumentLength(LatexParser p, int ahead) {
        int save = p.pos;
        p.pos += ahead;
        p.argument("an argument");
        int n = p.pos - save - ahead;
        p.pos = save;
        return n;
    }

    /**
     * The arguments of a network after its name: {@code (v, …, s)}, the last a step when it is an
     * index expression (numbers, T and index names). A network used for the first time is declared
     * from this use (a reading says so); a later use must agree with the declaration.
     */
    static Expr network(LatexParser p, String name, LatexToken at) {
        LatexToken open = p.openBracket();
        List<Expr> args = new ArrayList<>();
        while (true) {
            args.add(p.expr());
            if (!p.peek().is(",") && !(p.ctx.vdm && p.peek().is(";"))) {   // VDM writes x^_theta(z_t; t)
                break;
            }
            p.next();
        }
        p.closeBracket(open);
        Expr last = args.get(args.size() - 1);
        boolean step = args.size() > 1 && isIndex(last);
        List<Expr> inputs = step ? args.subList(0, args.size() - 1) : args;
        Statement.Network declared = p.ctx.networks.get(name);
        if (declared == null) {
            List<String> params = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                params.add(inputs.size() == 1 ? "x" : "x" + (i + 1));
            }
            if (step) {
                params.add("t");
            }
            declared = new Statement.Network(name, params, 0);
            p.ctx.networks.put(name, declared);
        }
        if (declared.inputs() != inputs.size() || declared.hasStep() != step) {
            throw LatexProblem.uncheckable("the network " + name + " used with " + inputs.size() + " input(s)"
                + (step ? " and a step" : "") + ", declared " + name + "(" + String.join(", ", declared.parameters())
                + ")", at);
        }
        Expr.Net net = new Expr.Net(name, inputs, step ? last : null);
        p.ctx.read(p.src.substring(at.start(), Math.min(p.src.length(), p.peek().start())).strip()
            + " read as the network " + name + "(" + String.join(", ", declared.parameters()) + ")");
        return net;
    }

    private static boolean isIndex(Expr e) {
        if (e instanceof Expr.Num || e instanceof Expr.Steps || e instanceof Expr.Name) {
            return true;
        }
        if (e instanceof Expr.Neg n) {
            return isIndex(n.operand());
        }
        return e instanceof Expr.Bin b && isIndex(b.left()) && isIndex(b.right());
    }

    // ------------------------------------------------------------------ noise expectations

    /** Whether an expectation's subscript starts with ε. */
    static boolean isNoiseSubscript(List<LatexToken> sub, String src) {
        List<LatexToken> all = new ArrayList<>(sub);
        int end = sub.isEmpty() ? 0 : sub.get(sub.size() - 1).end();
        all.add(new LatexToken(LatexToken.Kind.END, "", end, end));
        LatexCursor c = new LatexCursor(all, src);
        return epsilonAt(c, 0) > 0 && networkSuffix(c, epsilonAt(c, 0)) == 0;
    }

    /**
     * {@code \mathbb{E}_{\boldsymbol{\epsilon} [\sim \mathcal{N}(\mathbf{0}, \mathbf{I})] [, \mathbf{x}_t = v]…}} then the
     * scope: the noise expectation, with x_t replaced by v in the body.
     */
    static Expr noiseExpectation(LatexParser p, List<LatexToken> sub, LatexToken at) {
        List<LatexToken> all = new ArrayList<>(sub);
        int end = sub.get(sub.size() - 1).end();
        all.add(new LatexToken(LatexToken.Kind.END, "", end, end));
        LatexParser s = new LatexParser(all, p.src, p.ctx, p.bound, p.indices);
        s.pos += epsilonAt(s, 0);
        String name = noiseName(s);
        if (s.peek().is("\\sim")) {
            s.next();
            standardNormal(s);
        } else {
            p.ctx.read("E_ε read as E_{ε ~ N(0, I)} (the auxiliary noise is standard normal)");
        }
        List<VarItem> vars = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        p.ctx.noises.push(name);
        try {
            while (s.peek().is(",")) {
                s.next();
                if (!Distributions.startsVariable(s, 0)) {
                    throw LatexProblem.uncheckable("an expectation over ε and " + s.peek().describe() + " (write the "
                        + "variables' expectation around the noise's)", s.peek());
                }
                VarItem v = Distributions.variable(s);
                if (v.isRange()) {
                    throw LatexProblem.uncheckable("a range substituted in a noise expectation", s.peek());
                }
                s.expect("=", "'=' after the substituted variable");
                vars.add(v);
                values.add(s.expr());
            }
            if (!s.atEnd()) {
                throw LatexProblem.syntax("',' or the end of E's subscript", s.peek());
            }
            p.bound.push(vars);
            try {
                Expr body = p.scope("E");
                Expr latents = vars.isEmpty() ? ContinuousTime.latentsInside(p, name, body) : null;
                return latents != null ? latents : new Expr.NoiseExpect(name, vars, values, body);
            } finally {
                p.bound.pop();
            }
        } finally {
            p.ctx.noises.pop();
        }
    }

    /** {@code \mathcal{N}(\mathbf{0}, \mathbf{I})} (also {@code N(0, I)}, {@code \mathcal{N}(0, 1)}). */
    private static void standardNormal(LatexParser s) {
        LatexToken t = s.peek();
        if (t.is("\\mathcal")) {
            s.next();
            if (!LatexCursor.plain(s.argument("N")).equals("N")) {
                throw LatexProblem.uncheckable("a noise distribution other than N(0, I)", t);
            }
        } else if (t.is("N")) {
            s.next();
        } else {
            throw LatexProblem.uncheckable("a noise distribution other than N(0, I)", t);
        }
        LatexToken open = s.openBracket();
        Expr mean = s.expr();
        s.expect(",", "',' between the mean and the covariance of N(0, I)");
        Expr cov = s.expr();
        s.closeBracket(open);
        boolean zero = mean instanceof Expr.Num m && m.value() == 0;
        boolean unit = cov instanceof Expr.Identity || cov instanceof Expr.Num c && c.value() == 1;
        if (!zero || !unit) {
            throw LatexProblem.uncheckable("a noise distribution N(" + Spec.notation(mean) + ", " + Spec.notation(cov)
                + "): only standard normal noise N(0, I) is in the model families", t);
        }
    }

    // ------------------------------------------------------------------ vectors

    /** {@code \|v\|^2}, {@code \left\| v \right\|_2^2}, {@code \lVert v \rVert^2}: ‖v‖². */
    static Expr norm(LatexParser p) {
        LatexToken at = p.peek();
        boolean sized = LatexCursor.SIZES.contains(at.text());
        p.next();
        if (sized) {
            p.next();
        }
        p.normDepth++;
        Expr v;
        try {
            v = p.expr();
        } finally {
            p.normDepth--;
        }
        LatexToken close = p.peek();
        if (close.is("\\right") || LatexCursor.SIZES.contains(close.text())) {
            p.next();
            close = p.peek();
        }
        if (!(close.is("\\|") || close.is("\\Vert") || close.is("\\rVert"))) {
            throw LatexProblem.unclosed("'\\|' closing the norm", at.start(), close.start(), close.describe());
        }
        p.next();
        if (p.peek().is("_")) {
            p.next();
            String sub = LatexCursor.plain(p.argument("the norm's subscript"));
            if (!sub.equals("2")) {
                throw LatexProblem.uncheckable("an L" + sub + " norm (only the Euclidean norm is read)", at);
            }
        }
        if (!p.peek().is("^")) {
            throw LatexProblem.uncheckable("a norm not squared (only ‖v‖² is in the model families)", at);
        }
        int save = p.pos;
        p.next();
        List<LatexToken> exp = p.argument("the exponent of the norm");
        if (!(exp.size() == 1 && exp.get(0).is("2"))) {
            p.pos = save;
            throw LatexProblem.uncheckable("a norm to a power other than 2", at);
        }
        return new Expr.Call(Function.NORM2, v);
    }

    /** Whether a norm opens at the cursor. */
    static boolean opensNorm(LatexParser p) {
        LatexToken t = p.peek();
        if (t.is("\\|") || t.is("\\Vert") || t.is("\\lVert")) {
            return true;
        }
        return (t.is("\\left") || t.is("\\big") || t.is("\\Big") || t.is("\\bigl") || t.is("\\Bigl") || t.is("\\bigg")
            || t.is("\\biggl")) && (p.peek(1).is("\\|") || p.peek(1).is("\\Vert") || p.peek(1).is("\\lVert"));
    }

    /** {@code \langle a, b \rangle}: the inner product. */
    static Expr inner(LatexParser p) {
        LatexToken open = p.openBracket();
        Expr a = p.expr();
        p.expect(",", "',' between the two vectors of an inner product");
        Expr b = p.expr();
        p.closeBracket(open);
        return new Expr.Call(Function.DOT, List.of(a, b));
    }

    /** {@code \operatorname{tr}}, {@code \det}, {@code \operatorname{diag}} and their bracket: the reduction, else null. */
    static Function matrixFunction(String name) {
        switch (name) {
            case "tr":
            case "Tr":
            case "trace":
                return Function.TR;
            case "det":
                return Function.DET;
            case "diag":
                return Function.DIAG;
            default:
                return null;
        }
    }

    static Expr matrix(LatexParser p, Function f, LatexToken at) {
        if (!p.opensBracket()) {
            throw LatexProblem.syntax("'(' after " + f.symbol(), p.peek());
        }
        LatexToken open = p.openBracket();
        Expr e = p.expr();
        p.closeBracket(open);
        return new Expr.Call(f, e);
    }
}
