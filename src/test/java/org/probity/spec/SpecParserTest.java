package org.probity.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Statement;
import org.probity.spec.internal.Parser;
import org.probity.spec.internal.Printer;

class SpecParserTest {

    static String resource(String name) {
        try (InputStream in = SpecParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theContractExampleParses() {
        Spec spec = Spec.parse(resource("spec-language-example.prob"), "ddpm-vlb.prob");
        List<Statement> st = spec.statements();
        assertThat(st).hasSize(7);
        assertThat(st.get(0)).isEqualTo(new Statement.Title("DDPM variational bound", 2));
        Statement.Model m = (Statement.Model) st.get(1);
        assertThat(m.families()).containsExactly("markov");
        assertThat(new int[] {m.statesLo(), m.statesHi(), m.stepsLo(), m.stepsHi()}).containsExactly(2, 3, 1, 4);
        Statement.Claim bayes = (Statement.Claim) st.get(5);
        assertThat(bayes.index()).isEqualTo("t");
        assertThat(bayes.relation()).isEqualTo(org.probity.spec.ast.Relation.EQUAL);
        assertThat(bayes.line()).isEqualTo(9);
        Statement.Derive d = (Statement.Derive) st.get(6);
        assertThat(d.steps()).hasSize(2);
        assertThat(d.steps().get(0).reason()).isEqualTo("Markov factorisation");
        assertThat(d.steps().get(1).line()).isEqualTo(14);
        assertThat(d.steps().get(1).reason()).isEqualTo("Bayes, telescoping, KL");
        assertThat(d.steps().get(1).expr()).isInstanceOf(Expr.Expect.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-E_{q(x_0)}[ log p(x_0) ]",
        "E_{q(x_{0:T})}[ log( q(x_{1:T} | x_0) / p(x_{0:T}) ) ]",
        "q(x_{t-1} | x_t, x_0) == 1",
        "int_{x_{1:T}}( q(x_{1:T} | x_0) * p(x_{0:T}) / q(x_{1:T} | x_0) )",
        "sum_{t=2}^{T}( E_{q(x_t | x_0)}[ KL( q(x_{t-1} | x_t, x_0) || p(x_{t-1} | x_t) ) ] )",
        "prod_{s=1}^{T}( alpha(s) ) - abar(T)",
        "H(q(x_0)) + H(q(x_0), p_theta(x_0)) - KL(q(x_0) || p(x_0))",
        "N(x_t; sqrt(abar(t)) * x_0, 1 - abar(t))",
        "q(x_0 = 1) * log q(x_0 = 1) + 2^-3^2 - a - (b - c) / (d * e)",
        "log p(x_0) * 2 + log(p(x_0))^2 + exp(-x_0^2) / sqrt(2 * 3.5) + abs(-1.5e-7)",
        "beta(t) + snr(T) + x_{T-1} + x_{2*t} - --x_3",
        "KL( N(x_0; 1, 2) || N(x_0; 0, 1) ) + H(N(x_1; x_0, 0.25))",
    })
    void printedExpressionsParseBackToTheSameTree(String source) {
        String text = source.contains("==") ? source.substring(0, source.indexOf("==")) : source;
        Expr e = Parser.parseExpression(text);
        String printed = Printer.print(e);
        assertThat(Parser.parseExpression(printed)).as(printed).isEqualTo(e);
    }

    @Test
    void logBindsLikeAFunctionOfTheNextFactor() {
        assertThat(Parser.parseExpression("log p(x_0) / q(x_0)"))
            .isEqualTo(Parser.parseExpression("(log(p(x_0))) / q(x_0)"));
        assertThat(Parser.parseExpression("-log p(x_0) * 2"))
            .isEqualTo(Parser.parseExpression("-(log(p(x_0))) * 2"));
        assertThat(Parser.parseExpression("p_theta(x_0)")).isEqualTo(Parser.parseExpression("p(x_0)"));
        assertThat(Printer.print(Parser.parseExpression("a - b - c"))).isEqualTo("a - b - c");
        assertThat(Printer.print(Parser.parseExpression("a - (b - c)"))).isEqualTo("a - (b - c)");
    }

    @Test
    void everyStatementOfTheExamplePrintsBackToTheSameTree() {
        Spec spec = Spec.parse(resource("spec-language-example.prob"), "x.prob");
        StringBuilder all = new StringBuilder();
        for (Statement s : spec.statements()) {
            all.append(Printer.print(s)).append('\n');
        }
        List<Statement> again = Spec.parse(all.toString(), "y.prob").statements();
        assertThat(again).hasSameSizeAs(spec.statements());
        for (int k = 0; k < again.size(); k++) {
            Statement s = spec.statements().get(k);
            if (s instanceof Statement.Claim c) {
                Statement.Claim a = (Statement.Claim) again.get(k);
                assertThat(List.of(a.lhs(), a.rhs(), a.relation())).isEqualTo(List.of(c.lhs(), c.rhs(), c.relation()));
            } else if (s instanceof Statement.Derive d) {
                Statement.Derive a = (Statement.Derive) again.get(k);
                assertThat(a.start()).isEqualTo(d.start());
                for (int i = 0; i < d.steps().size(); i++) {
                    assertThat(a.steps().get(i).expr()).isEqualTo(d.steps().get(i).expr());
                }
            } else if (s instanceof Statement.Let l) {
                assertThat(((Statement.Let) again.get(k)).value()).isEqualTo(l.value());
            }
        }
    }

    private static void assertError(String source, String message) {
        assertThatThrownBy(() -> Spec.parse(source, "bad.prob"))
            .isInstanceOf(SpecSyntaxException.class)
            .hasMessage(message)
            .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void syntaxErrorsNameFileLineColumnExpectedAndFound() {
        assertError("model markov\nclaim \"a\": q(x_0 == 1\n", "bad.prob:2:18: expected ')', found '=='");
        assertError("model markov\nclaim \"a\": q(x_0) = 1\n",
            "bad.prob:2:19: expected a relation (==, <=, >=, <, >, propto_{x_a, ...}), found '='");
        assertError("model markov\nclaim \"a\": (q(x_0)\n", "bad.prob:3:1: expected ')', found end of file");
        assertError("model markov\nclaim \"a\": q(x_0) == 1 $\n",
            "bad.prob:2:24: expected a number, a name, an operator or a bracket, found '$'");
        assertError("model markov\nclaim a: 1 == 1\n", "bad.prob:2:7: expected a quoted claim name, found 'a'");
        assertError("title \"x\nmodel markov\n", "bad.prob:1:7: expected a closing '\"', found end of line");
        assertError("model\n", "bad.prob:1:6: expected a model family (markov, gaussian), found end of line");
        assertError("model markov steps 3..1\n", "bad.prob:1:23: expected an upper bound >= 3, found '1'");
        assertError("model markov\nderive \"d\":\n  q(x_0)\nclaim \"c\": 1 == 1\n",
            "bad.prob:4:1: expected a derivation step 'REL expr' (REL one of == <= >= < > propto_{...}), found 'claim'");
        assertError("model markov\nclaim \"a\": KL(x_0 || q(x_0)) == 0\n",
            "bad.prob:2:15: expected a distribution q(...), p(...) or N(...), found 'x_0'");
        assertError("model markov\nclaim \"a\": E_{q(x_0)}( 1 ) == 1\n", "bad.prob:2:22: expected '[', found '('");
        assertError("model markov\nlet = 2\n", "bad.prob:2:5: expected a name, found '='");
        assertError("let A = L_XX + 1\n", "bad.prob:1:9: expected a let defined earlier or an index name, found 'L_XX'");
        assertError("model markov\nfoo 1\n",
            "bad.prob:2:1: expected a statement (title, model, let, network, assume, claim or derive), found 'foo'");
        assertError("model markov\nclaim \"a\": q(x_{0:1} = 1) == 1\n",
            "bad.prob:2:22: expected ',' or ')' after a range, found '='");
    }

    @Test
    void meaningErrorsUseTheSameForm() {
        // unknown name
        assertError("model markov\nclaim \"a\": L_XX == 1\n",
            "bad.prob:2:12: expected a let name, an index name bound by for/sum/prod, or T, found 'L_XX'");
        // variable outside 0..T (checked for every T the model allows)
        assertError("model markov steps 1..3\nclaim \"a\": sum_{t=1}^{T}( q(x_{t+1} | x_t) ) <= T\n",
            "bad.prob:2:29: expected a variable index in 0..T (T = 1), found x_2");
        assertError("model markov steps 2..2\nclaim \"a\": for t = 0..T, q(x_{t-1}) <= 1\n",
            "bad.prob:2:28: expected a variable index in 0..T (T = 2), found x_-1");
        // KL between distributions over different variables
        assertError("model markov\nclaim \"a\": KL( q(x_1 | x_0) || p(x_0) ) >= 0\n",
            "bad.prob:2:12: expected KL between distributions over the same variables, "
                + "found q(x_1 | x_0) over {x_1} and p(x_0) over {x_0}");
        assertError("model markov\nclaim \"a\": H( q(x_1), p(x_0) ) >= 0\n",
            "bad.prob:2:12: expected H between distributions over the same variables, "
                + "found q(x_1) over {x_1} and p(x_0) over {x_0}");
        // expectation over a variable already bound
        assertError("model markov\nclaim \"a\": E_{q(x_0)}[ E_{q(x_1, x_0)}[ 1 ] ] == 1\n",
            "bad.prob:2:24: expected an expectation over variables not already bound, "
                + "found x_0 already bound by an enclosing E or int");
        assertError("model markov\nclaim \"a\": E_{q(x_{0:T})}[ int_{x_1}( p(x_1) ) ] == 1\n",
            "bad.prob:2:28: expected an integral over variables not already bound, "
                + "found x_1 already bound by an enclosing E or int");
        // gaussian-only constructs in a markov model
        assertError("model markov\nclaim \"a\": beta(1) <= 1\n",
            "bad.prob:2:12: expected a gaussian-only model for beta(t), found a markov model");
        // non-integer index
        assertError("model markov\nclaim \"a\": q(x_{1/2}) <= 1\n",
            "bad.prob:2:18: expected an integer expression in index names and T, found 1 / 2");
        // no model before a claim
        assertError("claim \"a\": 1 == 1\n", "bad.prob:1:1: expected a 'model' statement before the first claim, "
            + "found 'claim'");
    }
}
