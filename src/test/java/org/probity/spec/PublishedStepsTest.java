package org.probity.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;

/**
 * Published steps that do not hold as written, transcribed as published: each fails at its step
 * with a small counterexample (specs/ holds the corrected or the checkable part, with a comment).
 */
class PublishedStepsTest {
    @Test
    void luo2022Eq45ReplacesTheConditionalOfXtByTheForwardStep() {
        String s = "model markov gaussian states 2..3 steps 1..3 positive\n"
            + "claim \"eq. 44 = eq. 45, the consistency terms\":\n"
            + "  sum_{t=1}^{T-1}( E_{q(x_{t-1}, x_t, x_{t+1} | x_0)}[ log( p(x_t | x_{t+1}) / q(x_t | x_{t-1}) ) ] ) ==\n"
            + "  -sum_{t=1}^{T-1}( E_{q(x_{t-1}, x_{t+1} | x_0)}[ KL( q(x_t | x_{t-1}) || p(x_t | x_{t+1}) ) ] )\n";
        SpecResult r = Spec.parse(s, "luo.prob").check(Spec.options(RunConfig.DEFAULT_SEED).withTries(100));
        assertThat(r.items()).as(r.render()).hasSize(2).allMatch(SpecResult.Item::failed);
        assertThat(r.items().get(0).counterexample()).contains("K = 2 states", "T = 2 steps");
        assertThat(r.items().get(1).counterexample()).contains("T = 2 steps");
    }
}
