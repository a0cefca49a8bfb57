package org.probity.spec.latex.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probity.spec.Spec;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Statement;
import org.probity.spec.latex.LatexPrinter;

/**
 * The time forms of a {@code vdm} model, AST → LaTeX → AST: what the LaTeX printer writes for
 * {@code .prob}'s time functions and {@code int_{t=a}^{b}} (derivation.html) the reader reads back in a
 * vdm model to the same tree, as the {@code .prob} parser reads the source.
 */
class ContinuousTimeRoundTripTest {
    private static Expr prob(String expr) {
        String spec = "model gaussian vdm steps 1..2\nclaim \"c\": for i = 1..T, " + expr + " == 0\n";
        return ((Statement.Claim) Spec.parse(spec, "t.prob").statements().stream()
            .filter(s -> s instanceof Statement.Claim).findFirst().orElseThrow()).lhs();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SNR(i/T) - SNR((i-1)/T)",
        "dSNR(i/T) + dgamma(0.5) * gamma(1)",
        "alpha_t(i/T)^2 + sigma_t((i-1)/T)^2",
        "-0.5 * int_{t=0}^{1}( dSNR(t) * exp(gamma(t)) )",
        "sum_{j=1}^{T}( int_{u=(j-1)/T}^{j/T}( -dSNR(u) * alpha_t(u) ) )",
        "int_{t=0}^{1}( E_{eps ~ N(0, I), x_1 = alpha_t(t) * x_0 + sigma_t(t) * eps}[ norm2(x_0 - x_1 / alpha_t(t)) ] )"})
    void printedTimeFormsReadBackToTheSameTree(String source) {
        Expr e = prob(source);
        String latex = LatexPrinter.print(e);
        ReadingContext ctx = ReadingContext.of(Set.of(), false);
        ctx.vdm = true;
        Expr back = LatexParser.translate(latex, ctx);
        assertThat(Spec.notation(back)).as(latex).isEqualTo(Spec.notation(e));
        assertThat(back).as(latex).isEqualTo(e);
    }
}
