package org.probity.spec.latex.internal;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.probity.check.Property;
import org.probity.check.RunConfig;
import org.probity.check.Verdict;
import org.probity.spec.Spec;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.ExprTrees;
import org.probity.spec.ast.Function;
import org.probity.spec.latex.LatexPrinter;

/** AST → LaTeX → AST: the reader reads back every tree the LaTeX printer writes (2000 generated trees). */
class LatexRoundTripProperties {
    /**
     * What the LaTeX printer writes: the elementwise, schedule and vector functions, a schedule of a step,
     * T, I and d, and issue 16's networks and noise expectations.
     */
    private static final ExprTrees.Forms FORMS = new ExprTrees.Forms(List.of("L_CE", "t"), List.of(Function.LOG,
        Function.EXP, Function.SQRT, Function.BETA, Function.ALPHA, Function.ABAR, Function.SNR, Function.DOT,
        Function.NORM2, Function.SUMDIMS, Function.TR, Function.DET, Function.DIAG),
        List.of(new Expr.Steps(), new Expr.Identity(), new Expr.Dims()), true,
        List.of("mu_theta", "eps_theta", "xhat_theta", "f_theta"), true);

    @Test
    void printedLatexReadsBackToTheSameTree() {
        Property.forAll("read(latex(e)) == e", ExprTrees.of(FORMS, 4), e -> {
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
