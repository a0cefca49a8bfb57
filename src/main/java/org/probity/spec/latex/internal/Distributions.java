package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.probity.spec.Spec;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;
import org.probity.spec.ast.Operator;
import org.probity.spec.ast.VarItem;

/**
 * The probabilistic atoms of LaTeX math: variables ({@code \mathbf{x}_{t-1}}, {@code x_{1:T}}),
 * densities ({@code p_\theta(x_{t-1} \vert x_t)}), expectations, KL, entropy and Gaussians, and
 * the inference of bare {@code \mathbb{E}_q} and of bare distribution arguments.
 */
final class Distributions {
    private static final Set<String> PARAMETERS = Set.of("\\theta", "\\phi", "\\psi", "\\varphi", "\\omega", "\\eta");

    private Distributions() {
    }

    /** A distribution argument: a full density or Gaussian, or a bare p / q whose variables are inferred. */
    record Dist(Expr.Distribution expr, Boolean bareGenerative, String written) {
        Expr.Distribution with(List<VarItem> vars, List<VarItem> given) {
            return expr != null ? expr : new Expr.Density(bareGenerative, vars, given);
        }
    }

    // ------------------------------------------------------------------ variables

    static boolean startsVariable(LatexCursor c, int ahead) {
        LatexToken t = c.peek(ahead);
        if (t.is("x") || t.is("z")) {
            return true;
        }
        if (t.is("\\mathbf") || t.is("\\boldsymbol") || t.is("\\bm") || t.is("\\vec")) {
            LatexToken a = c.peek(ahead + 1);
            LatexToken b = a.is("{") ? c.peek(ahead + 2) : a;
            return b.is("x") || b.is("z");
        }
        return false;
    }

    /** A variable or a range: {@code x_t}, {@code \mathbf{x}_{0:T}}, {@code z} (x_1 of a VAE), {@code x} (x_0 of a VAE). */
    static VarItem variable(LatexParser p) {
        LatexToken t = p.next();
        String base = t.text();
        if (!t.is("x") && !t.is("z")) {
            base = LatexCursor.plain(p.argument("a variable"));
        }
        VarItem v;
        VarItem vdm = p.ctx.vdm ? ContinuousTime.variable(p, base, t) : null;
        if (vdm != null) {
            v = vdm;
        } else if (p.peek().is("_")) {
            p.next();
            if (base.equals("z")) {
                throw LatexProblem.uncheckable("an indexed z (z is the latent x_1 of a VAE)", t);
            }
            v = Sums.indexItem(p, p.argument("the index of a variable"));
        } else if (base.equals("z")) {
            p.ctx.vae = true;
            p.ctx.read("z read as x_1 (a VAE: T = 1)");
            v = VarItem.of(new Expr.Num(1));
        } else if (p.ctx.vae) {
            p.ctx.read("x read as x_0 (a VAE: the data)");
            v = VarItem.of(new Expr.Num(0));
        } else {
            throw LatexProblem.uncheckable("a variable x without an index", t);
        }
        if (p.peek().is("^") && (p.peek(1).is("(") || p.peek(1).is("{") && p.peek(2).is("("))) {
            throw LatexProblem.uncheckable("a sample " + base + "^{(i)}: an estimator over samples, not an identity",
                p.peek());
        }
        return v;
    }

    /** The variables a token list names ({@code \mathbf{x}_{t-1}, \mathbf{x}_t}), as under {@code \propto_{...}}. */
    static List<VarItem> variables(List<LatexToken> toks, String src, ReadingContext ctx) {
        List<LatexToken> all = new ArrayList<>(toks);
        int end = toks.isEmpty() ? 0 : toks.get(toks.size() - 1).end();
        all.add(new LatexToken(LatexToken.Kind.END, "", end, end));
        LatexParser s = new LatexParser(all, src, ctx, new java.util.ArrayDeque<>(), new java.util.ArrayDeque<>());
        List<VarItem> out = items(s, true);
        if (!s.atEnd()) {
            throw LatexProblem.syntax("the end of the variables of \\propto", s.peek());
        }
        return out;
    }

    private static List<VarItem> items(LatexParser p, boolean targets) {
        List<VarItem> out = new ArrayList<>();
        while (true) {
            if (p.peek().is("\\cdot")) {
                throw LatexProblem.uncheckable("a placeholder argument (\\cdot)", p.peek());
            }
            if (p.peek().is("\\dots") || p.peek().is("\\ldots") || p.peek().is("\\cdots")) {
                throw LatexProblem.uncheckable("a notation line (it spells out a sequence with " + p.peek().text() + ")",
                    p.peek());
            }
            if (!startsVariable(p, 0)) {
                throw LatexProblem.uncheckable("the argument " + p.peek().describe() + " is not a variable x_i",
                    p.peek());
            }
            VarItem v = variable(p);
            if (p.peek().is("=")) {
                p.next();
                if (p.peek().kind() != LatexToken.Kind.NUMBER) {
                    throw LatexProblem.uncheckable("a variable pinned to the symbol " + p.peek().describe()
                        + " (notation)", p.peek());
                }
                v = new VarItem(v.from(), null, p.primary());
            }
            out.add(v);
            if (!p.peek().is(",")) {
                return out;
            }
            p.next();
        }
    }

    // ------------------------------------------------------------------ densities

    /** {@code p}, {@code p_\theta}, {@code q_\phi}, then {@code (A | B)} or nothing (bare). */
    static Dist density(LatexParser p) {
        LatexToken t = p.next();
        boolean generative = t.is("p");
        if (p.peek().is("_")) {
            p.next();
            List<LatexToken> sub = p.argument("a parameter subscript");
            if (!(sub.size() == 1 && PARAMETERS.contains(sub.get(0).text()))) {
                throw LatexProblem.uncheckable(t.text() + "_{" + LatexCursor.plain(sub) + "}: only parameter "
                    + "subscripts (\\theta, \\phi) are read on p and q", t);
            }
        }
        if (!p.opensBracket()) {
            return new Dist(null, generative, t.text());
        }
        LatexToken open = p.openBracket();
        List<VarItem> targets = items(p, true);
        List<VarItem> given = List.of();
        if (p.peek().is("|") || p.peek().is("\\vert") || p.peek().is("\\mid") || p.peek().is("\\middle")) {
            p.next();
            if (p.peek().is("|")) {
                p.next();
            }
            given = items(p, false);
        }
        p.closeBracket(open);
        return new Dist(new Expr.Density(generative, targets, given), null, null);
    }

    static Expr densityValue(LatexParser p) {
        LatexToken at = p.peek();
        Dist d = density(p);
        if (d.expr() == null) {
            throw LatexProblem.uncheckable("a bare " + d.written() + " used as a number (its variables are not given)",
                at);
        }
        return d.expr();
    }

    /** A distribution inside KL, H or an expectation's subscript. */
    static Dist distribution(LatexParser p) {
        LatexToken t = p.peek();
        if (t.is("p") || t.is("q")) {
            return density(p);
        }
        if (t.is("\\mathcal") || t.is("N")) {
            p.next();
            if (t.is("\\mathcal")) {
                String name = LatexCursor.plain(p.argument("a letter"));
                if (!name.equals("N")) {
                    throw LatexProblem.uncheckable("\\mathcal{" + name + "} is not a distribution of the model families",
                        t);
                }
            }
            return new Dist(normal(p, t), null, null);
        }
        throw LatexProblem.uncheckable("the distribution " + t.describe() + " is not p or q of the model families (an "
            + "abstract distribution)", t);
    }

    /** Variables for bare distribution arguments: the surrounding expectation's, the relation's, the previous display's. */
    static List<VarItem> inferred(LatexParser p, String what) {
        List<VarItem> vars;
        String why;
        if (!p.bound.isEmpty() && !p.bound.peek().isEmpty()) {
            vars = p.bound.peek();
            why = "the variables of the surrounding expectation";
        } else if (!p.ctx.relationVariables.isEmpty()) {
            vars = p.ctx.relationVariables;
            why = "the variables of the same relation";
        } else if (!p.ctx.previousVariables.isEmpty()) {
            vars = p.ctx.previousVariables;
            why = "the variables of the previous display";
        } else {
            vars = List.of(new VarItem(new Expr.Num(0), new Expr.Steps(), null));
            why = "every variable of the chain";
        }
        p.ctx.read("bare " + what + " read over " + items(vars) + " (" + why + ")");
        return vars;
    }

    private static String items(List<VarItem> vars) {
        String s = Spec.notation(new Expr.Density(false, vars, List.of()));
        return s.substring(2, s.length() - 1);
    }

    // ------------------------------------------------------------------ operators

    /** After {@code \mathbb{E}}: an optional subscript, then the scope. */
    static Expr expectation(LatexParser p, LatexToken at) {
        Expr dist;
        if (p.peek().is("_")) {
            p.next();
            List<LatexToken> sub = p.argument("the subscript of E");
            if (ModelFeatures.isNoiseSubscript(sub, p.src)) {
                return ModelFeatures.noiseExpectation(p, sub, at);
            }
            dist = expectationSubscript(p, sub, at);
        } else {
            dist = bareExpectation(p, false, "E", at);
        }
        List<VarItem> over = dist instanceof Expr.Density d ? d.targets() : List.of(((Expr.Normal) dist).at());
        p.bound.push(over);
        try {
            Expr body = p.scope("E");
            return new Expr.Expect((Expr.Distribution) dist, body);
        } finally {
            p.bound.pop();
        }
    }

    private static Expr expectationSubscript(LatexParser p, List<LatexToken> sub, LatexToken at) {
        int sim = -1;
        int depth = 0;
        for (int i = 0; i < sub.size(); i++) {
            LatexToken t = sub.get(i);
            depth += t.is("{") || LatexCursor.isOpen(t) ? 1 : t.is("}") || LatexCursor.isClose(t) ? -1 : 0;
            if (depth == 0 && t.is("\\sim")) {
                sim = i;   // a \sim at the top of the subscript, not one of a nested expectation
            }
        }
        List<LatexToken> all = new ArrayList<>(sub);
        int end = sub.isEmpty() ? at.end() : sub.get(sub.size() - 1).end();
        all.add(new LatexToken(LatexToken.Kind.END, "", end, end));
        LatexParser s = new LatexParser(all, p.src, p.ctx, p.bound, p.indices);
        if (sim >= 0) {
            List<VarItem> vars = items(s, true);
            s.expect("\\sim", "'\\sim' between the variables and their distribution");
            Dist d = distribution(s);
            if (!s.atEnd()) {
                throw LatexProblem.syntax("the end of E's subscript", s.peek());
            }
            if (d.expr() == null) {
                Expr e = new Expr.Density(d.bareGenerative(), vars, List.of());
                String written = p.src.substring(sub.get(0).start(), sub.get(sub.size() - 1).end());
                p.ctx.read("E_{" + written + "} read as E_{" + Spec.notation(e) + "}");
                return e;
            }
            return d.expr();
        }
        Dist d = distribution(s);
        if (!s.atEnd()) {
            throw LatexProblem.syntax("the end of E's subscript", s.peek());
        }
        return d.expr() != null ? d.expr() : bareExpectation(p, d.bareGenerative(), "E_" + d.written(), at);
    }

    /** Bare E_q: over every variable of the chain not bound by an enclosing E or integral, given those. */
    private static Expr bareExpectation(LatexParser p, boolean generative, String written, LatexToken at) {
        List<VarItem> given = new ArrayList<>();
        for (List<VarItem> level : p.bound) {
            given.addAll(level);
        }
        List<VarItem> free = Sums.complement(given);
        if (free == null) {
            throw LatexProblem.uncheckable("the variables of a bare " + written + " cannot be inferred here (bound: "
                + items(given) + ")", at);
        }
        if (free.isEmpty()) {
            throw LatexProblem.uncheckable("a bare " + written + " inside expectations that bind every variable", at);
        }
        Expr d = new Expr.Density(generative, free, given);
        p.ctx.read(written + " read as E_{" + Spec.notation(d) + "}");
        return d;
    }

    /** After {@code D_{KL}}, {@code \mathrm{KL}} or {@code KL}: {@code (P \parallel Q)}. */
    static Expr kl(LatexParser p, LatexToken at) {
        if (!p.opensBracket()) {
            throw LatexProblem.syntax("'(' after KL", p.peek());
        }
        LatexToken open = p.openBracket();
        Dist a = distribution(p);
        if (p.peek().is("\\parallel") || p.peek().is("\\|") || p.peek().is("\\Vert") || p.peek().is(",")) {
            p.next();
        } else if (p.peek().is("|") && p.peek(1).is("|")) {
            p.next();
            p.next();
        } else {
            throw LatexProblem.syntax("'\\parallel' or '\\|' between the two distributions of KL", p.peek());
        }
        Dist b = distribution(p);
        p.closeBracket(open);
        return pair(p, a, b, at, true);
    }

    /** After {@code H}: {@code (P)} (entropy) or {@code (P, Q)} (cross-entropy). */
    static Expr entropy(LatexParser p, LatexToken at) {
        if (!p.opensBracket()) {
            throw LatexProblem.syntax("'(' after H", p.peek());
        }
        LatexToken open = p.openBracket();
        Dist a = distribution(p);
        Dist b = null;
        if (p.peek().is(",")) {
            p.next();
            b = distribution(p);
        }
        p.closeBracket(open);
        return pair(p, a, b, at, false);
    }

    private static Expr pair(LatexParser p, Dist a, Dist b, LatexToken at, boolean kl) {
        List<VarItem> vars = null;
        if (a.expr() == null || (b != null && b.expr() == null)) {
            Dist known = a.expr() != null ? a : b != null && b.expr() != null ? b : null;
            if (known != null && known.expr() instanceof Expr.Density d) {
                vars = d.targets();
                p.ctx.read("bare " + (a.expr() == null ? a.written() : b.written()) + " read over the variables of "
                    + Spec.notation(d));
            } else {
                String what = (a.expr() == null ? a.written() : "") + (b != null && b.expr() == null
                    ? (a.expr() == null ? ", " : "") + b.written() : "");
                vars = inferred(p, what);
            }
        }
        Expr.Distribution first = a.with(vars, List.of());
        Expr.Distribution second = b == null ? null : b.with(vars, List.of());
        return kl ? new Expr.Kl(first, second) : new Expr.Entropy(first, second);
    }

    /** After {@code \mathcal{N}}: {@code (x; mean, variance)}. */
    static Expr.Normal normal(LatexParser p, LatexToken at) {
        if (!p.opensBracket()) {
            throw LatexProblem.syntax("'(' after N", p.peek());
        }
        LatexToken open = p.openBracket();
        if (!startsVariable(p, 0)) {
            throw LatexProblem.uncheckable("a Gaussian N(...) without the variable it is evaluated at", p.peek());
        }
        VarItem x = variable(p);
        if (p.peek().is(";") || p.peek().is("|") || p.peek().is("\\mid") || p.peek().is(",")) {
            p.next();
        } else {
            throw LatexProblem.syntax("';' after the variable of N(x; mean, variance)", p.peek());
        }
        Expr mean = p.expr();
        p.expect(",", "',' between the mean and the variance of N");
        Expr variance = p.expr();
        p.closeBracket(open);
        return new Expr.Normal(x, mean, variance);
    }

    /** The variables a token list mentions, in order of appearance, without repeats (for bare arguments). */
    static List<VarItem> mentioned(List<LatexToken> toks, String src, ReadingContext ctx) {
        Set<VarItem> out = new LinkedHashSet<>();
        List<LatexToken> all = new ArrayList<>(toks);
        int end = toks.isEmpty() ? 0 : toks.get(toks.size() - 1).end();
        all.add(new LatexToken(LatexToken.Kind.END, "", end, end));
        ReadingContext quiet = ReadingContext.of(ctx.defined, ctx.vae);
        LatexParser p = new LatexParser(all, src, quiet, new java.util.ArrayDeque<>(), new java.util.ArrayDeque<>());
        for (int i = 0; i < p.toks.size() - 1; i++) {
            p.pos = i;
            if (startsVariable(p, 0) && (p.peek(1).is("_") || p.peek(1).is("{") || p.peek().is("z"))) {
                try {
                    VarItem v = variable(p);
                    if (v.pinned() == null) {
                        out.add(v);
                    }
                } catch (LatexProblem e) {
                    // not a variable we read: ignore
                }
            }
        }
        return new ArrayList<>(out);
    }
}
