package org.probity.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;
import org.probity.spec.internal.Printer;

/**
 * {@code assume} (issue 16 item 4): restricts the generated instances, by construction where
 * possible ({@code q(x_T) == p(x_T)}) and otherwise by rejection with the rate reported; every
 * result lists the assumptions it used.
 */
class AssumptionsTest {
    private static SpecResult check(String body, int tries) {
        return Spec.parse(body, "a.prob").check(Spec.options(RunConfig.DEFAULT_SEED).withTries(tries));
    }

    @Test
    void thePriorEqualToTheForwardMarginalIsBuiltIntoEveryInstance() {
        SpecResult r = check("model markov gaussian states 2..3 steps 1..3 dims 1..2\n"
            + "assume q(x_T) == p(x_T)\n"
            + "claim \"cross-entropy is entropy\": H( q(x_T), p(x_T) ) == H( q(x_T) )\n"
            + "claim \"no KL at T\": KL( q(x_T) || p(x_T) ) == 0\n", 100);
        assertThat(r.items()).as(r.render()).hasSize(4).allMatch(SpecResult.Item::passed)
            .allMatch(i -> i.method().equals("exact; assuming q(x_T) == p(x_T) (by construction)"));
        SpecResult without = check("model markov states 2..3 steps 1..3\n"
            + "claim \"cross-entropy is entropy\": H( q(x_T), p(x_T) ) == H( q(x_T) )\n", 100);
        assertThat(without.passed()).isFalse();
    }

    @Test
    void aStepThatUsesMoreThanTheAssumptionFailsAtItsStep() {
        SpecResult r = check("model markov gaussian states 2..3 steps 1..3 positive\n"
            + "assume q(x_T) == p(x_T)\n"
            + "derive \"L_T dropped\":\n"
            + "     E_{q(x_0)}[ KL( q(x_T | x_0) || p(x_T) ) ] + E_{q(x_{0:1})}[ -log p(x_0 | x_1) ]\n"
            + "  == E_{q(x_{0:1})}[ -log p(x_0 | x_1) ]   by \"q(x_T) = p(x_T)\"\n", 100);
        assertThat(r.items()).as(r.render()).filteredOn(i -> i.kind().equals("step"))
            .allMatch(SpecResult.Item::failed);
        SpecResult.Item f = r.firstFailure().orElseThrow();
        assertThat(f.counterexample()).contains("T = 1 step");
        assertThat(f.method()).endsWith("assuming q(x_T) == p(x_T) (by construction)");
    }

    @Test
    void otherAssumptionsRejectInstancesAndReportTheRate() {
        SpecResult r = check("model gaussian steps 1..3\n"
            + "assume for t = 1..T, beta(t) <= 0.5\n"
            + "claim \"small\": for t = 1..T, beta(t) <= 0.5\n"
            + "model gaussian steps 1..2\n"
            + "assume q(x_0) == p(x_0)\n"
            + "claim \"never\": q(x_0) >= 0\n", 100);
        assertThat(r.items().get(0).passed()).as(r.render()).isTrue();
        assertThat(r.items().get(0).method()).matches(
            "exact; assuming for t = 1\\.\\.T, beta\\(t\\) <= 0\\.5 \\(by rejection: [1-9][0-9]* of 100 instances rejected\\)");
        assertThat(r.items().get(1).notChecked()).as(r.render()).isTrue();
        assertThat(r.items().get(1).reason()).startsWith(
            "every instance violated an assumption realised by rejection (100 of 100)");
    }

    @Test
    void assumptionsEndAtTheNextModelAndPrintBack() {
        Spec s = Spec.parse("model gaussian steps 1..2\nassume for t = 1..T, beta(t) <= 0.5\n"
            + "model gaussian steps 1..2\nclaim \"c\": beta(1) <= 1\n", "a.prob");
        assertThat(Printer.print(s.statements().get(1))).isEqualTo("assume for t = 1..T, beta(t) <= 0.5");
        SpecResult r = s.check(Spec.options(RunConfig.DEFAULT_SEED).withTries(20));
        assertThat(r.items().get(0).method()).isEqualTo("exact");
    }
}
