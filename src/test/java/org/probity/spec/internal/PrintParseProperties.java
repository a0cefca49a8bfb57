package org.probity.spec.internal;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.check.Property;
import org.probity.check.RunConfig;
import org.probity.check.Verdict;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.ExprTrees;
import org.probity.spec.ast.Function;

/** {@code parse(print(e)) == e} for generated expression trees of every form of the grammar. */
class PrintParseProperties {
    /** Every name, function and constant of the source notation; a schedule function of any expression. */
    private static final ExprTrees.Forms FORMS = new ExprTrees.Forms(List.of("a", "t", "L_CE", "s2"),
        List.of(Function.values()), List.of(new Expr.Steps(), new Expr.Identity(), new Expr.Dims()), false);

    @Test
    void printedTreesParseBackToThemselves() {
        Property.forAll("parse(print(e)) == e", ExprTrees.of(FORMS, 4), e -> {
            String printed = Printer.print(e);
            Expr back = Parser.parseExpression(printed);
            return Verdict.check(back.equals(e), "printed as " + printed + ", parsed back as " + Printer.print(back));
        }).assertHolds(RunConfig.defaults().withTries(2000));
    }

    @Test
    void theLexerRejectsNothingThePrinterWrites() {
        Property.forAll("print(e) lexes", ExprTrees.of(FORMS, 3),
            e -> Verdict.check(!Lexer.tokenize(Printer.print(e), "p").isEmpty(), "no tokens for " + e))
            .assertHolds(RunConfig.defaults().withTries(200));
    }
}
