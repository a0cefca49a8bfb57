package org.probity.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The per-try budget is looked at on every term of a gaussian {@code sum}: each term is a quadratic in all
 * T + 1 variables (O(T^2) to build and add), so a check every 256 terms let a try run 256 such terms past
 * its budget (at T = 999 with a budget of 0.2 s: 141 s and then an OutOfMemoryError, found by the fuzzer).
 * With a budget of 1 ns, a 99-term sum (fewer than 256 budget checks in the whole try) stops at its first
 * term and the claim is NOT CHECKED naming the budget; before, the try ran to the end and passed.
 */
class TryBudgetTest {
    @Test
    void aGaussianSumStopsAtTheFirstTermPastTheBudget() {
        String src = "model gaussian steps 100..100\n"
            + "claim \"c\": sum_{t=2}^{T}( log q(x_t | x_{t-1}) ) == sum_{t=2}^{T}( log q(x_t | x_{t-1}) )\n";
        SpecResult r = Spec.parse(src, "budget.prob").check(Spec.options(1).withTries(1), Duration.ofNanos(1));
        assertThat(r.items()).singleElement().satisfies(i -> assertThat(i.notChecked()).as(r.render()).isTrue());
        assertThat(r.render()).contains("not checked: one instance took longer than the per-try budget of 1.00e-09 s "
            + "(T = 100 steps); the remaining tries were not evaluated");
    }
}
