package org.probity.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;
import org.probity.spec.ast.Relation;
import org.probity.spec.ast.Statement;
import org.probity.spec.internal.Printer;

/**
 * {@code propto_{V}} (issue 16 item 5): equal up to a factor that does not depend on V, decided by
 * cross-multiplying both sides at points that differ only in V.
 */
class ProportionalTest {
    private static final String MARKOV = "model markov gaussian states 2..3 steps 2..3 positive\n";
    private static final String GAUSSIAN = "model gaussian steps 2..3 dims 1..2\n"
        + "let mu_tilde = sqrt(abar(t-1)) * beta(t) / (1 - abar(t)) * x_0 + sqrt(alpha(t)) * (1 - abar(t-1))"
        + " / (1 - abar(t)) * x_t\n"
        + "let beta_tilde = (1 - abar(t-1)) / (1 - abar(t)) * beta(t)\n";

    private static SpecResult check(String body, int tries) {
        return Spec.parse(body, "p.prob").check(Spec.options(RunConfig.DEFAULT_SEED).withTries(tries));
    }

    @Test
    void bayesUpToAConstantAndCompletingTheSquareHold() {
        SpecResult r = check(MARKOV
            + "claim \"Bayes\": for t = 2..T, q(x_{t-1} | x_t, x_0) propto_{x_{t-1}} q(x_t | x_{t-1}) * q(x_{t-1} | x_0)\n"
            + GAUSSIAN
            + "claim \"the square\": for t = 2..T, q(x_{t-1} | x_t, x_0) propto_{x_{t-1}}\n"
            + "  exp( -0.5 * sumdims( (x_t - sqrt(alpha(t)) * x_{t-1})^2 / beta(t)"
            + " + (x_{t-1} - sqrt(abar(t-1)) * x_0)^2 / (1 - abar(t-1)) ) )\n"
            + "claim \"completed\": for t = 2..T, q(x_{t-1} | x_t, x_0) propto_{x_{t-1}}"
            + " exp( -0.5 * norm2(x_{t-1} - mu_tilde) / beta_tilde )\n"
            + "claim \"the normaliser does not depend on x_t either\": for t = 2..T, q(x_{t-1} | x_t, x_0) propto_{x_t}"
            + " exp( -0.5 * norm2(x_{t-1} - mu_tilde) / beta_tilde )\n", 100);
        assertThat(r.items()).as(r.render()).hasSize(5).allMatch(SpecResult.Item::passed);
    }

    @Test
    void aProportionalityThatDropsAFactorInTheVariableFailsOnEachFamily() {
        SpecResult r = check(MARKOV
            + "claim \"dropped\": for t = 2..T, q(x_{t-1} | x_t, x_0) propto_{x_{t-1}} q(x_{t-1} | x_0)\n", 100);
        assertThat(r.items()).as(r.render()).hasSize(2).noneMatch(SpecResult.Item::passed);
        assertThat(r.items().get(0).counterexample()).contains("K = 2 states", "T = 2 steps",
            "left(b) * right(a) == left(a) * right(b) with a: x_1 = 0");
        SpecResult g = check(GAUSSIAN + "claim \"wrong variance\": for t = 2..T, q(x_{t-1} | x_t, x_0) propto_{x_{t-1}}"
            + " exp( -0.5 * norm2(x_{t-1} - mu_tilde) / beta(t) )\n", 100);
        SpecResult.Item f = g.firstFailure().orElseThrow(() -> new AssertionError(g.render()));
        assertThat(f.counterexample()).contains("T = 2 steps", "b: a with x_1 = ").doesNotContain("d = 3");
    }

    @Test
    void aChainOfProportionalAndEqualStepsIsProportionalEndToEnd() {
        SpecResult r = check(MARKOV + "derive \"d\": for t = 2..T,\n"
            + "     q(x_{t-1} | x_t, x_0)\n"
            + "  propto_{x_{t-1}}\n"
            + "     q(x_t | x_{t-1}, x_0) * q(x_{t-1} | x_0)\n"
            + "  == q(x_t | x_{t-1}) * q(x_{t-1} | x_0)\n", 50);
        assertThat(r.items()).as(r.render()).hasSize(6).allMatch(SpecResult.Item::passed);
        assertThat(r.items()).filteredOn(i -> i.kind().equals("chain")).allMatch(i -> i.relation().equals("propto"));
        assertThat(Relation.compose(java.util.List.of(Relation.PROPTO, Relation.AT_MOST))).isNull();
        assertThat(Relation.compose(java.util.List.of(Relation.EQUAL, Relation.PROPTO))).isEqualTo(Relation.PROPTO);
    }

    @Test
    void theVariablesArePrintedBackAndCheckedLikeAnIntegral() {
        Spec s = Spec.parse(MARKOV + "claim \"c\": q(x_0) propto_{x_0, x_{1:2}} q(x_0)\n", "p.prob");
        assertThat(Printer.print(s.statements().get(1))).isEqualTo("claim \"c\": q(x_0) propto_{x_0, x_{1:2}} q(x_0)");
        assertThat(((Statement.Claim) s.statements().get(1)).over()).hasSize(2);
        assertThatThrownBy(() -> Spec.parse(MARKOV + "claim \"c\": q(x_0) propto_{x_4} q(x_0)\n", "p.prob"))
            .hasMessageStartingWith("p.prob:2:27: expected");
        assertThatThrownBy(() -> Spec.parse(MARKOV + "claim \"c\": q(x_0) propto q(x_0)\n", "p.prob"))
            .hasMessageStartingWith("p.prob:2:19: expected a relation (==, <=, >=, <, >, propto_{x_a, ...})");
    }
}
