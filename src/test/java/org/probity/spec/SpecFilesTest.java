package org.probity.spec;

import org.probity.check.RunConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every file in specs/ checks clean with >= 200 instances per claim, step and chain. */
class SpecFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ddpm-vlb.prob", "cross-entropy.prob", "joint-markov.prob", "gaussian-closed-forms.prob", "vae.prob",
        "ho2020.prob", "weng2021.prob", "kingma-welling2014.prob", "luo2022.prob", "sohl-dickstein2015.prob",
        "austin2021.prob"})
    void checksClean(String file) {
        Spec spec = Spec.parse(Path.of("specs", file));
        SpecResult r = spec.check(Spec.options(RunConfig.DEFAULT_SEED));
        System.out.println(r.render());
        assertThat(r.passed()).as(r.render()).isTrue();
        assertThat(r.items()).allSatisfy(i -> assertThat(i.instances()).isGreaterThanOrEqualTo(200));
    }
}
