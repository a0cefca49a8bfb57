package org.probity.spec.latex.internal;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.probity.check.Choices;
import org.probity.check.Gen;
import org.probity.check.Property;
import org.probity.check.RunConfig;
import org.probity.check.Verdict;
import org.probity.spec.Spec;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;
import org.probity.spec.ast.Operator;
import org.probity.spec.ast.VarItem;
import org.probity.spec.latex.LatexPrinter;

/** AST → LaTeX → AST: the reader reads back every tree the LaTeX printer writes (2000 generated trees). */
class LatexRoundTripProperties {
    private static final Operator[] OPS = Operator.values();
    private static final Function[] FUNCTIONS = {Function.LOG, Function.EXP, Function.SQRT, Function.BETA,
        Function.ALPHA, Function.ABAR, Function.SNR};

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

    private static Expr.Distribution distribution(Choices c, int depth) {
        return c.draw(3) == 0 ? new Expr.Normal(VarItem.of(index(c)), expr(c, depth), expr(c, depth)) : density(c);
    }

    private static final String[] NETWORKS = {"mu_theta", "eps_theta", "xhat_theta", "f_theta"};
    private static final Function[] VECTOR_FUNCTIONS = {Function.NORM2, Function.SUMDIMS, Function.TR, Function.DET,
        Function.DIAG};

    /** The constructs of issue 16: I, d, networks, noise expectations (with their noise), norms, inner products, traces. */
    private static Expr model16(Choices c, int depth) {
        switch ((int) c.draw(5)) {
            case 0:
                return c.draw(1) == 0 ? new Expr.Identity() : new Expr.Dims();
            case 1: {
                // one arity per name within a tree: every network takes (x, t)
                String name = NETWORKS[(int) c.draw(NETWORKS.length - 1)];
                return new Expr.Net(name, List.of(c.draw(1) == 0 ? new Expr.Var(index(c)) : expr(c, depth - 1)), index(c));
            }
            case 2: {
                String noise = c.draw(1) == 0 ? "eps" : "eps" + depth;
                List<VarItem> vars = c.draw(1) == 0 ? List.of() : List.of(VarItem.of(index(c)));
                List<Expr> values = vars.isEmpty() ? List.of() : List.of(new Expr.Bin(Operator.ADD, expr(c, depth - 1),
                    new Expr.Noise(noise)));
                return new Expr.NoiseExpect(noise, vars, values, new Expr.Bin(Operator.MULTIPLY, new Expr.Noise(noise),
                    expr(c, depth - 1)));
            }
            case 3:
                return new Expr.Call(Function.DOT, List.of(expr(c, depth - 1), expr(c, depth - 1)));
            default:
                return new Expr.Call(VECTOR_FUNCTIONS[(int) c.draw(VECTOR_FUNCTIONS.length - 1)], expr(c, depth - 1));
        }
    }

    static Expr expr(Choices c, int depth) {
        if (depth > 0 && c.draw(6) == 0) {
            return model16(c, depth);
        }
        switch ((int) c.draw(depth <= 0 ? 4 : 13)) {
            case 0:
                return new Expr.Num(c.draw(3) == 0 ? c.draw(1000) / 64.0 : c.draw(100));
            case 1:
                return new Expr.Steps();
            case 2:
                return c.draw(1) == 0 ? new Expr.Name("L_CE") : new Expr.Name("t");
            case 3:
                return new Expr.Var(index(c));
            case 4:
                return density(c);
            case 5:
                return new Expr.Neg(expr(c, depth - 1));
            case 6:
            case 7:
                return new Expr.Bin(OPS[(int) c.draw(OPS.length - 1)], expr(c, depth - 1), expr(c, depth - 1));
            case 8: {
                Function f = FUNCTIONS[(int) c.draw(FUNCTIONS.length - 1)];
                return new Expr.Call(f, f.isSchedule() ? index(c) : expr(c, depth - 1));
            }
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

    @Test
    void printedLatexReadsBackToTheSameTree() {
        Gen<Expr> gen = c -> expr(c, 4);
        Property.forAll("read(latex(e)) == e", gen, e -> {
            String latex = LatexPrinter.print(e);
            Expr back;
            try {
                back = LatexParser.translate(latex, ReadingContext.of(Set.of("L_CE"), false));
            } catch (LatexProblem p) {
                return Verdict.fail("printed as " + latex + ", not read back: " + p.getMessage() + " at offset "
                    + p.offset());
            }
            return Verdict.check(back.equals(e), "printed as " + latex + ", read back as " + Spec.notation(back)
                + " instead of " + Spec.notation(e));
        }).assertHolds(RunConfig.defaults().withTries(2000));
    }
}
