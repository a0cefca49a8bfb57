package org.probity.spec.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.probity.spec.internal.Parser;
import org.probity.spec.internal.Printer;

/** The tables of the AST: functions, operators and relations, each read and written in one place. */
class AstTablesTest {

    @ParameterizedTest
    @EnumSource(Function.class)
    void everyFunctionOfTheTableParsesToItselfAndPrintsBack(Function f) {
        List<Expr> arguments = java.util.Collections.nCopies(f.arity(), new Expr.Name("t"));
        String source = f.symbol() + "(" + String.join(", ", java.util.Collections.nCopies(f.arity(), "t")) + ")";
        Expr e = Parser.parseExpression(source);
        assertThat(e).isEqualTo(new Expr.Call(f, arguments));
        assertThat(Printer.print(e)).isEqualTo(source);
        assertThat(Function.named(f.symbol())).contains(f);
    }

    @Test
    void functionNamesAreNotNames() {
        assertThatThrownBy(() -> org.probity.spec.Spec.parse("let abar = 1\n", "f.prob"))
            .hasMessage("f.prob:1:5: expected a name that is not reserved, found 'abar'");
        assertThat(Function.named("lg")).isEmpty();
        assertThat(Function.names()).containsExactly("log", "exp", "sqrt", "abs", "beta", "alpha", "abar", "snr", "gamma", "dgamma", "SNR",
            "dSNR", "alpha_t", "sigma_t", "sumdims", "dot", "norm2", "tr", "det", "diag", "pi");
    }

    @ParameterizedTest
    @EnumSource(Operator.class)
    void everyOperatorParsesToItself(Operator op) {
        assertThat(Parser.parseExpression("a " + op.symbol() + " b"))
            .isEqualTo(new Expr.Bin(op, new Expr.Name("a"), new Expr.Name("b")));
        assertThat(Operator.of(op.symbol())).isEqualTo(op);
    }

    @Test
    void anUnknownOperatorNamesTheSymbol() {
        assertThatThrownBy(() -> Operator.of('%')).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("operator: expected one of + - * / ^, got '%'");
    }

    @Test
    void chainsComposeTheirRelations() {
        assertThat(Relation.compose(List.of(Relation.EQUAL, Relation.EQUAL))).isEqualTo(Relation.EQUAL);
        assertThat(Relation.compose(List.of(Relation.EQUAL, Relation.AT_MOST, Relation.EQUAL)))
            .isEqualTo(Relation.AT_MOST);
        assertThat(Relation.compose(List.of(Relation.AT_MOST, Relation.LESS, Relation.AT_MOST)))
            .isEqualTo(Relation.LESS);
        assertThat(Relation.compose(List.of(Relation.AT_LEAST, Relation.GREATER))).isEqualTo(Relation.GREATER);
        assertThat(Relation.compose(List.of(Relation.AT_MOST, Relation.AT_LEAST))).isNull();
        assertThat(Relation.compose(List.of(Relation.LESS, Relation.GREATER))).isNull();
        assertThat(Relation.of("propto")).as("propto is written with its variables, propto_{...}").isNull();
        for (Relation r : Relation.values()) {
            if (r == Relation.PROPTO) {
                continue;
            }
            assertThat(Relation.of(r.symbol())).isEqualTo(r);
        }
        assertThat(Relation.of("=")).isNull();
    }
}
