package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.probity.spec.Spec;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;
import org.probity.spec.ast.Operator;
import org.probity.spec.ast.VarItem;

/**
 * Sums, products and integrals: {@code \sum_{t=2}^T}, {@code \prod_{t=1}^{T}}, sums over variables
 * ({@code \sum_{\mathbf{x}_0} \cdots \sum_{\mathbf{x}_T}}), {@code \int … \, d\mathbf{x}_{1:T}} and
 * {@code \int_{x_0}\cdots\int_{x_T}}; variable indices and ranges; the variables of the chain not
 * yet bound (for bare {@code \mathbb{E}_q}).
 */
final class Sums {
    private Sums() {
    }

    static Expr sum(LatexParser p) {
        LatexToken op = p.next();
        boolean product = op.is("\\prod");
        if (!p.peek().is("_")) {
            throw LatexProblem.uncheckable(op.text() + " without a range", op);
        }
        p.next();
        List<LatexToken> sub = p.argument("the range of " + op.text());
        int eq = -1;
        for (int i = 0; i < sub.size(); i++) {
            if (sub.get(i).is("=")) {
                eq = i;
                break;
            }
        }
        Range range = eq < 0 ? inequalityRange(p, sub, op) : null;
        if (range != null) {
            return indexSum(p, product, range.index(), range.from(), range.to(), op);
        }
        if (eq < 0) {
            if (product) {
                throw LatexProblem.uncheckable("a product over the values of a variable", op);
            }
            return variableSum(p, sub);
        }
        if (eq != 1 || !Character.isLetter(sub.get(0).text().codePointAt(0))) {
            throw LatexProblem.syntax("an index name before '=' in the range of " + op.text(), sub.get(0));
        }
        String index = sub.get(0).text();
        Expr from = index(p, sub.subList(eq + 1, sub.size()), op);
        if (!p.peek().is("^")) {
            throw LatexProblem.syntax("'^' and the upper bound of " + op.text(), p.peek());
        }
        p.next();
        Expr to = index(p, p.argument("the upper bound of " + op.text()), op);
        return indexSum(p, product, sub.get(0), from, to, op);
    }

    private static Expr indexSum(LatexParser p, boolean product, LatexToken indexToken, Expr from, Expr to, LatexToken op) {
        String index = indexToken.text();
        if (p.indices.contains(index)) {
            throw LatexProblem.syntax("an index name not already bound by an enclosing sum", indexToken);
        }
        p.indices.push(index);
        try {
            return new Expr.Sum(product, index, from, to, p.scope(op.text()));
        } finally {
            p.indices.pop();
        }
    }

    private static final Set<String> BELOW = Set.of("<", "\\lt", "\\le", "\\leq", "\\leqslant", "≤");
    private static final Set<String> ABOVE = Set.of(">", "\\gt", "\\ge", "\\geq", "\\geqslant", "≥");

    /** An index range read from inequalities: the index's token and its bounds. */
    private record Range(LatexToken index, Expr from, Expr to) {
    }

    /**
     * A range written as inequalities on an index over the steps (Ho et al. write {@code \sum_{t > 1}}):
     * {@code t > a}, {@code t \geq a}, {@code t < b}, {@code t \leq b}, either way round, or
     * {@code a \le t \le b} (either direction); a bound not written is that of the steps, 1 or T.
     * The index is the middle side of two inequalities, else the first side that is one letter. Returns the
     * range with a reading, or null when the subscript is not such a range.
     */
    private static Range inequalityRange(LatexParser p, List<LatexToken> sub, LatexToken op) {
        List<Integer> rels = new ArrayList<>();
        for (int i = 0; i < sub.size(); i++) {
            if (BELOW.contains(sub.get(i).text()) || ABOVE.contains(sub.get(i).text())) {
                rels.add(i);
            }
        }
        if (rels.isEmpty() || rels.size() > 2) {
            return null;
        }
        List<List<LatexToken>> sides = new ArrayList<>();
        int from = 0;
        for (int r : rels) {
            sides.add(sub.subList(from, r));
            from = r + 1;
        }
        sides.add(sub.subList(from, sub.size()));
        int at = rels.size() == 2 ? (isIndex(sides.get(1)) ? 1 : -1)
            : isIndex(sides.get(0)) ? 0 : isIndex(sides.get(1)) ? 1 : -1;
        if (at < 0 || sides.stream().anyMatch(List::isEmpty)) {
            return null;
        }
        Expr lower = new Expr.Num(1);
        Expr upper = new Expr.Steps();
        for (int k = 0; k < rels.size(); k++) {
            LatexToken rel = sub.get(rels.get(k));
            boolean indexLeft = k == at;
            List<LatexToken> other = sides.get(indexLeft ? k + 1 : k);
            Expr bound = index(p, other, other.get(0));
            boolean strict = rel.is("<") || rel.is(">") || rel.is("\\lt") || rel.is("\\gt");
            // the index is above the bound when it is left of > / ≥ or right of < / ≤
            boolean indexAbove = indexLeft == ABOVE.contains(rel.text());
            if (indexAbove) {
                lower = strict ? shift(bound, 1) : bound;
            } else {
                upper = strict ? shift(bound, -1) : bound;
            }
        }
        LatexToken index = sides.get(at).get(0);
        p.ctx.read(op.text() + "_{" + written(p, sub) + "} read as " + index.text() + " = " + Spec.notation(lower) + ".."
            + Spec.notation(upper) + " (T the number of steps)");
        return new Range(index, lower, upper);
    }

    /** Whether a side of an inequality is one lowercase letter, the name of an index. */
    private static boolean isIndex(List<LatexToken> side) {
        return side.size() == 1 && side.get(0).kind() == LatexToken.Kind.CHAR && side.get(0).text().matches("[a-z]");
    }

    private static Expr shift(Expr bound, int by) {
        if (bound instanceof Expr.Num n) {
            return new Expr.Num(n.value() + by);
        }
        return new Expr.Bin(Operator.of(by > 0 ? '+' : '-'), bound, new Expr.Num(Math.abs(by)));
    }

    /** A subscript as written in the source. */
    static String written(LatexCursor p, List<LatexToken> toks) {
        return toks.isEmpty() ? "" : p.src.substring(toks.get(0).start(), toks.get(toks.size() - 1).end());
    }

    /** {@code \sum_{x_0} \sum_{x_1} \cdots \sum_{x_T} body}: a sum over the values of the variables. */
    private static Expr variableSum(LatexParser p, List<LatexToken> first) {
        List<Object> seq = new ArrayList<>();
        seq.add(indexItemOfVariable(p, first));
        while (true) {
            if (p.peek().is("\\cdots") || p.peek().is("\\dots") || p.peek().is("\\ldots")) {
                p.next();
                seq.add(Boolean.TRUE);
            } else if (p.peek().is("\\sum") && p.peek(1).is("_")) {
                p.next();
                p.next();
                seq.add(indexItemOfVariable(p, p.argument("the variable of \\sum")));
            } else {
                break;
            }
        }
        List<VarItem> vars = merge(seq, p.peek());
        p.bound.push(vars);
        try {
            return new Expr.Integral(vars, p.scope("\\sum"));
        } finally {
            p.bound.pop();
        }
    }

    private static VarItem indexItemOfVariable(LatexParser p, List<LatexToken> toks) {
        List<LatexToken> all = new ArrayList<>(toks);
        int end = toks.isEmpty() ? p.peek().start() : toks.get(toks.size() - 1).end();
        all.add(new LatexToken(LatexToken.Kind.END, "", end, end));
        LatexParser s = new LatexParser(all, p.src, p.ctx, p.bound, p.indices);
        if (!Distributions.startsVariable(s, 0)) {
            throw LatexProblem.uncheckable("a sum over " + written(p, toks) + ", not over a variable x_i or an "
                + "index range", s.peek());
        }
        VarItem v = Distributions.variable(s);
        if (!s.atEnd()) {
            throw LatexProblem.syntax("the end of the subscript", s.peek());
        }
        return v;
    }

    /** Merges {@code x_a, …, x_b} (a {@code Boolean.TRUE} marks the dots) into ranges. */
    private static List<VarItem> merge(List<Object> seq, LatexToken at) {
        List<VarItem> out = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            Object o = seq.get(i);
            if (o instanceof Boolean) {
                if (out.isEmpty() || i + 1 >= seq.size() || !(seq.get(i + 1) instanceof VarItem)) {
                    throw LatexProblem.syntax("a variable on both sides of \\cdots", at);
                }
                VarItem a = out.remove(out.size() - 1);
                VarItem b = (VarItem) seq.get(++i);
                out.add(new VarItem(a.from(), b.isRange() ? b.to() : b.from(), null));
            } else {
                out.add((VarItem) o);
            }
        }
        return out;
    }

    static Expr integral(LatexParser p) {
        LatexToken op = p.next();
        if (p.ctx.vdm && TimeIntegrals.hasLimits(p)) {
            return TimeIntegrals.integral(p, op);
        }
        List<Object> seq = new ArrayList<>();
        while (true) {
            if (p.peek().is("_")) {
                p.next();
                seq.add(indexItemOfVariable(p, p.argument("the variable of \\int")));
            }
            if (p.peek().is("^")) {
                throw LatexProblem.uncheckable("a definite integral with bounds", p.peek());
            }
            if ((p.peek().is("\\cdots") || p.peek().is("\\dots")) && p.peek(1).is("\\int")) {
                p.next();
                seq.add(Boolean.TRUE);
            }
            if (p.peek().is("\\int")) {
                p.next();
                continue;
            }
            break;
        }
        List<VarItem> sub = seq.isEmpty() ? List.of() : merge(seq, op);
        p.bound.push(sub);
        Expr body;
        List<Object> ds = new ArrayList<>();
        p.integralDepthAdd(1);
        try {
            body = p.term();
            while (true) {
                if (p.differential()) {
                    p.skipD();
                    LatexParser.requireVariable(p);
                    ds.add(Distributions.variable(p));
                } else if (!ds.isEmpty() && (p.peek().is("\\cdots") || p.peek().is("\\dots") || p.peek().is("\\ldots"))) {
                    p.next();
                    ds.add(Boolean.TRUE);
                } else {
                    break;
                }
            }
        } finally {
            p.integralDepthAdd(-1);
            p.bound.pop();
        }
        List<VarItem> vars = ds.isEmpty() ? sub : merge(ds, op);
        if (vars.isEmpty()) {
            throw LatexProblem.syntax("a differential d\\mathbf{x}_{...} after the integrand", p.peek());
        }
        return new Expr.Integral(vars, body);
    }

    // ------------------------------------------------------------------ indices

    /** The index of a variable: {@code t-1}, {@code T}, {@code 0}, or a range {@code 1:T}. */
    static VarItem indexItem(LatexParser p, List<LatexToken> toks) {
        int colon = -1;
        for (int i = 0; i < toks.size(); i++) {
            if (toks.get(i).is(":")) {
                colon = i;
            }
        }
        LatexToken at = toks.isEmpty() ? p.peek() : toks.get(0);
        if (colon < 0) {
            return VarItem.of(index(p, toks, at));
        }
        return new VarItem(index(p, toks.subList(0, colon), at), index(p, toks.subList(colon + 1, toks.size()), at), null);
    }

    /** An integer expression in index names, T and whole numbers. */
    static Expr index(LatexParser p, List<LatexToken> toks, LatexToken at) {
        if (toks.isEmpty()) {
            throw LatexProblem.syntax("an index", at);
        }
        List<LatexToken> all = new ArrayList<>(toks);
        int end = toks.get(toks.size() - 1).end();
        all.add(new LatexToken(LatexToken.Kind.END, "", end, end));
        IndexParser s = new IndexParser(all, p.src, p);
        Expr e = s.additive();
        if (!s.atEnd()) {
            throw LatexProblem.syntax("the end of the index", s.peek());
        }
        return e;
    }

    /** Index expressions: + - and juxtaposed products of numbers, T and index names. */
    private static final class IndexParser extends LatexCursor {
        private final LatexParser outer;

        IndexParser(List<LatexToken> toks, String src, LatexParser outer) {
            super(toks, src);
            this.outer = outer;
        }

        Expr additive() {
            Expr left = peek().is("-") ? neg() : product();
            while (peek().is("+") || peek().is("-")) {
                char op = next().text().charAt(0);
                left = new Expr.Bin(Operator.of(op), left, product());
            }
            return left;
        }

        private Expr neg() {
            next();
            return new Expr.Neg(product());
        }

        private Expr product() {
            Expr left = atom();
            while (!atEnd() && !peek().is("+") && !peek().is("-") && !peek().is(")")) {
                left = new Expr.Bin(Operator.of('*'), left, atom());
            }
            return left;
        }

        private Expr atom() {
            LatexToken t = next();
            if (t.kind() == LatexToken.Kind.NUMBER) {
                StringBuilder sb = new StringBuilder(t.text());
                while (peek().kind() == LatexToken.Kind.NUMBER && peek().start() == toks.get(pos - 1).end()) {
                    sb.append(next().text());
                }
                if (sb.length() > 6) {
                    throw LatexProblem.uncheckable("an index with more than 6 digits", t);
                }
                return new Expr.Num(Integer.parseInt(sb.toString()));
            }
            if (t.is("(")) {
                Expr e = additive();
                expect(")", "')' closing the index");
                return e;
            }
            if (t.is("{")) {
                pos--;
                List<LatexToken> g = argument("a group");
                return index(outer, g, t);
            }
            if (t.is("T")) {
                return new Expr.Steps();
            }
            if (t.kind() == LatexToken.Kind.CHAR && t.text().matches("[a-z]")) {
                if (!outer.indices.contains(t.text()) && !t.text().equals("t") && !t.text().equals("s")) {
                    throw LatexProblem.uncheckable("the index " + t.text() + " is not bound by a sum over an index range "
                        + "(a count such as N or K of samples or classes is not in the model families)", t);
                }
                return new Expr.Name(t.text());
            }
            if (t.kind() == LatexToken.Kind.CHAR && t.text().matches("[A-Z]")) {
                throw LatexProblem.uncheckable("the bound " + t.text() + " is not T (a count of samples or classes is not "
                    + "in the model families)", t);
            }
            throw LatexProblem.syntax("an index (a whole number, T or an index name)", t);
        }
    }

    /** An endpoint a or T - a of an index range, for the complement of bound variables. */
    private record End(boolean steps, int offset) {
        Expr expr() {
            if (!steps) {
                return new Expr.Num(offset);
            }
            return offset == 0 ? new Expr.Steps() : offset < 0 ? new Expr.Bin(Operator.of('-'), new Expr.Steps(), new Expr.Num(-offset))
                : new Expr.Bin(Operator.of('+'), new Expr.Steps(), new Expr.Num(offset));
        }

        static End of(Expr e) {
            if (e instanceof Expr.Num n && n.value() == Math.rint(n.value())) {
                return new End(false, (int) n.value());
            }
            if (e instanceof Expr.Steps) {
                return new End(true, 0);
            }
            if (e instanceof Expr.Bin b && b.left() instanceof Expr.Steps && b.right() instanceof Expr.Num n
                && (b.op().symbol() == '-' || b.op().symbol() == '+')) {
                return new End(true, (b.op().symbol() == '-' ? -1 : 1) * (int) n.value());
            }
            return null;
        }
    }

    /**
     * The variables x_0..x_T not among {@code bound}, as ranges; null when an endpoint is not a
     * number or T - k (then the complement cannot be written without knowing T and the indices).
     */
    static List<VarItem> complement(List<VarItem> bound) {
        List<End[]> spans = new ArrayList<>();
        for (VarItem v : bound) {
            End a = End.of(v.from());
            End b = End.of(v.isRange() ? v.to() : v.from());
            if (a == null || b == null) {
                return null;
            }
            spans.add(new End[] {a, b});
        }
        Comparator<End> order = Comparator.comparing(End::steps).thenComparingInt(End::offset);
        spans.sort((x, y) -> order.compare(x[0], y[0]));
        List<VarItem> out = new ArrayList<>();
        End cursor = new End(false, 0);
        for (End[] s : spans) {
            if (order.compare(s[0], cursor) > 0) {
                out.add(span(cursor, new End(s[0].steps(), s[0].offset() - 1)));
            }
            End after = new End(s[1].steps(), s[1].offset() + 1);
            if (order.compare(after, cursor) > 0) {
                cursor = after;
            }
        }
        if (order.compare(cursor, new End(true, 0)) <= 0) {
            out.add(span(cursor, new End(true, 0)));
        }
        return out;
    }

    private static VarItem span(End a, End b) {
        return a.equals(b) ? VarItem.of(a.expr()) : new VarItem(a.expr(), b.expr(), null);
    }
}
