package org.probity.spec.ast;

import java.util.ArrayList;
import java.util.List;
import org.probity.check.Choices;
import org.probity.check.Gen;

/**
 * Generated expression trees of every form of the spec grammar, for the round-trip properties of its
 * printers ({@code PrintParseProperties} for the source notation, {@code LatexRoundTripProperties}
 * for LaTeX). A printer's {@link Forms} name what it writes: the let names in scope, the functions,
 * the constants, and whether a schedule function takes a step (an index) or any expression.
 * Indices are a number, {@code T}, {@code t}, {@code n t} or {@code t ± n} / {@code T ± n}; nested
 * sums bind different index names.
 */
public final class ExprTrees {
    private final Forms forms;

    /**
     * What a printer writes.
     *
     * @param names the names (lets or indices) a leaf may be
     * @param functions the functions a call may apply
     * @param constants the constant leaves ({@code T}, {@code I}, {@code dims})
     * @param stepArguments whether a schedule function's argument is an index (else any expression)
     * @param networks the network names a call {@code name(x, t)} may use (none: no networks)
     * @param noise whether noise expectations {@code E_{eps ~ N(0, I), x = m + eps}[…]} occur
     */
    public record Forms(List<String> names, List<Function> functions, List<Expr> constants, boolean stepArguments,
            List<String> networks, boolean noise) {
        public Forms {
            names = List.copyOf(names);
            functions = List.copyOf(functions);
            constants = List.copyOf(constants);
            networks = List.copyOf(networks);
        }

        /** Forms without networks or noise expectations. */
        public Forms(List<String> names, List<Function> functions, List<Expr> constants, boolean stepArguments) {
            this(names, functions, constants, stepArguments, List.of(), false);
        }
    }

    private ExprTrees(Forms forms) {
        this.forms = forms;
    }

    /** Trees up to {@code depth} levels of operators and binders over {@code forms}. */
    public static Gen<Expr> of(Forms forms, int depth) {
        ExprTrees trees = new ExprTrees(forms);
        return c -> trees.expr(c, depth);
    }

    private static <T> T pick(Choices c, List<T> from) {
        return from.get((int) c.draw(from.size() - 1));
    }

    private static Expr index(Choices c) {
        switch ((int) c.draw(4)) {
            case 0:
                return new Expr.Num(c.draw(12));
            case 1:
                return new Expr.Steps();
            case 2:
                return new Expr.Name("t");
            case 3:
                return new Expr.Bin(Operator.MULTIPLY, new Expr.Num(1 + c.draw(2)), new Expr.Name("t"));
            default:
                return new Expr.Bin(c.draw(1) == 0 ? Operator.SUBTRACT : Operator.ADD, c.draw(1) == 0
                    ? new Expr.Name("t") : new Expr.Steps(), new Expr.Num(1 + c.draw(2)));
        }
    }

    private static VarItem item(Choices c, boolean pin) {
        long k = c.draw(pin ? 2 : 1);
        if (k == 1) {
            return new VarItem(index(c), index(c), null);
        }
        return k == 2 ? new VarItem(index(c), null, new Expr.Num(c.draw(3))) : VarItem.of(index(c));
    }

    private static Expr.Density density(Choices c) {
        List<VarItem> targets = c.draw(1) == 0 ? List.of(item(c, true)) : List.of(item(c, true), item(c, true));
        List<VarItem> given = c.draw(1) == 0 ? List.of() : List.of(item(c, true));
        return new Expr.Density(c.draw(1) == 1, targets, given);
    }

    private Expr.Distribution distribution(Choices c, int depth) {
        return c.draw(3) == 0 ? new Expr.Normal(VarItem.of(index(c)), expr(c, depth), expr(c, depth)) : density(c);
    }

    private Expr call(Choices c, int depth) {
        Function f = pick(c, forms.functions());
        if (forms.stepArguments() && f.isSchedule()) {
            return new Expr.Call(f, index(c));
        }
        List<Expr> args = new ArrayList<>();
        for (int k = 0; k < f.arity(); k++) {
            args.add(expr(c, depth - 1));
        }
        return new Expr.Call(f, args);
    }

    /** A network of (x, t), every name with one arity within a tree, or a noise expectation with its noise. */
    private Expr modelConstruct(Choices c, int depth) {
        if (!forms.networks().isEmpty() && (!forms.noise() || c.draw(1) == 0)) {
            return new Expr.Net(pick(c, forms.networks()), List.of(c.draw(1) == 0 ? new Expr.Var(index(c))
                : expr(c, depth - 1)), index(c));
        }
        String noise = c.draw(1) == 0 ? "eps" : "eps" + depth;
        List<VarItem> vars = c.draw(1) == 0 ? List.of() : List.of(VarItem.of(index(c)));
        List<Expr> values = vars.isEmpty() ? List.of() : List.of(new Expr.Bin(Operator.ADD, expr(c, depth - 1),
            new Expr.Noise(noise)));
        return new Expr.NoiseExpect(noise, vars, values, new Expr.Bin(Operator.MULTIPLY, new Expr.Noise(noise),
            expr(c, depth - 1)));
    }

    private Expr expr(Choices c, int depth) {
        if (depth > 0 && (!forms.networks().isEmpty() || forms.noise()) && c.draw(6) == 0) {
            return modelConstruct(c, depth);
        }
        switch ((int) c.draw(depth <= 0 ? 4 : 13)) {
            case 0:
                return new Expr.Num(c.draw(3) == 0 ? c.draw(1000) / 64.0 : c.draw(100));
            case 1:
                return pick(c, forms.constants());
            case 2:
                return new Expr.Name(pick(c, forms.names()));
            case 3:
                return new Expr.Var(index(c));
            case 4:
                return density(c);
            case 5:
                return new Expr.Neg(expr(c, depth - 1));
            case 6:
            case 7:
                return new Expr.Bin(pick(c, List.of(Operator.values())), expr(c, depth - 1), expr(c, depth - 1));
            case 8:
                return call(c, depth);
            case 9:
                return new Expr.Expect(distribution(c, depth - 1), expr(c, depth - 1));
            case 10:
                return new Expr.Integral(c.draw(1) == 0 ? List.of(item(c, false)) : List.of(item(c, false),
                    item(c, false)), expr(c, depth - 1));
            case 11:
                return new Expr.Sum(c.draw(1) == 1, String.valueOf("sijkm".charAt(Math.max(0, depth))), index(c), index(c),
                    expr(c, depth - 1));
            case 12:
                return new Expr.Kl(distribution(c, depth - 1), distribution(c, depth - 1));
            default:
                return new Expr.Entropy(distribution(c, depth - 1), c.draw(1) == 0 ? null : distribution(c, depth - 1));
        }
    }
}
