package org.probity.spec.internal;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.check.Choices;
import org.probity.check.Gen;
import org.probity.check.Property;
import org.probity.check.RunConfig;
import org.probity.check.Verdict;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;
import org.probity.spec.ast.Operator;
import org.probity.spec.ast.VarItem;

/** {@code parse(print(e)) == e} for generated expression trees of every form of the grammar. */
class PrintParseProperties {
    private static final String[] NAMES = {"a", "t", "L_CE", "s2"};
    private static final Function[] FUNCTIONS = Function.values();
    private static final Operator[] OPS = Operator.values();

    private static Expr index(Choices c) {
        switch ((int) c.draw(3)) {
            case 0:
                return new Expr.Num(c.draw(12));
            case 1:
                return new Expr.Steps();
            case 2:
                return new Expr.Name("t");
            default:
                return new Expr.Bin(c.draw(1) == 0 ? Operator.SUBTRACT : Operator.ADD, new Expr.Name("t"), new Expr.Num(1 + c.draw(2)));
        }
    }

    private static VarItem item(Choices c, boolean pin) {
        long k = c.draw(pin ? 2 : 1);
        if (k == 1) {
            return new VarItem(index(c), index(c), null);
        }
        return k == 2 ? new VarItem(index(c), null, new Expr.Num(c.draw(3))) : VarItem.of(index(c));
    }

    private static Expr.Distribution density(Choices c) {
        int n = 1 + (int) c.draw(1);
        List<VarItem> targets = n == 1 ? List.of(item(c, true)) : List.of(item(c, true), item(c, true));
        List<VarItem> given = c.draw(1) == 0 ? List.of() : List.of(item(c, true));
        return new Expr.Density(c.draw(1) == 1, targets, given);
    }

    private static Expr.Distribution distribution(Choices c, int depth) {
        return c.draw(3) == 0 ? new Expr.Normal(VarItem.of(index(c)), expr(c, depth), expr(c, depth)) : density(c);
    }

    static Expr expr(Choices c, int depth) {
        long kind = c.draw(depth <= 0 ? 4 : 13);
        switch ((int) kind) {
            case 0:
                return new Expr.Num(c.draw(3) == 0 ? c.draw(1000) / 64.0 : c.draw(100));
            case 1:
                return new Expr.Steps();
            case 2:
                return new Expr.Name(NAMES[(int) c.draw(NAMES.length - 1)]);
            case 3:
                return new Expr.Var(index(c));
            case 4:
                return density(c);
            case 5:
                return new Expr.Neg(expr(c, depth - 1));
            case 6:
            case 7:
                return new Expr.Bin(OPS[(int) c.draw(OPS.length - 1)], expr(c, depth - 1), expr(c, depth - 1));
            case 8:
                return new Expr.Call(FUNCTIONS[(int) c.draw(FUNCTIONS.length - 1)], expr(c, depth - 1));
            case 9:
                return new Expr.Expect(distribution(c, depth - 1), expr(c, depth - 1));
            case 10:
                return new Expr.Integral(List.of(item(c, false)), expr(c, depth - 1));
            case 11:
                return new Expr.Sum(c.draw(1) == 1, "s", index(c), index(c), expr(c, depth - 1));
            case 12:
                return new Expr.Kl(distribution(c, depth - 1), distribution(c, depth - 1));
            default:
                return new Expr.Entropy(distribution(c, depth - 1), c.draw(1) == 0 ? null : distribution(c, depth - 1));
        }
    }

    @Test
    void printedTreesParseBackToThemselves() {
        Gen<Expr> gen = c -> expr(c, 4);
        Property.forAll("parse(print(e)) == e", gen.map(e -> e), e -> {
            String printed = Printer.print(e);
            Expr back = Parser.parseExpression(printed);
            return Verdict.check(back.equals(e), "printed as " + printed + ", parsed back as " + Printer.print(back));
        }).assertHolds(RunConfig.defaults().withTries(2000));
    }

    @Test
    void theLexerRejectsNothingThePrinterWrites() {
        Property.forAll("print(e) lexes", (Gen<Expr>) c -> expr(c, 3),
            e -> Verdict.check(!Lexer.tokenize(Printer.print(e), "p").isEmpty(), "no tokens for " + e))
            .assertHolds(RunConfig.defaults().withTries(200));
    }
}
