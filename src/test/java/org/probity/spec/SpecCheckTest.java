package org.probity.spec;

import org.probity.check.RunConfig;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpecCheckTest {

    @Test
    void theContractExampleChecksClean() {
        Spec spec = Spec.parse(SpecParserTest.resource("spec-language-example.prob"), "ddpm-vlb.prob");
        SpecResult r = spec.check(Spec.options(RunConfig.DEFAULT_SEED));
        System.out.println(r.render());
        assertThat(r.passed()).as(r.render()).isTrue();
        assertThat(r.items()).allSatisfy(i -> assertThat(i.instances()).isGreaterThanOrEqualTo(200));
    }
}
