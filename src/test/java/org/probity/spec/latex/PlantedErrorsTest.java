package org.probity.spec.latex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.probity.check.RunConfig;
import org.junit.jupiter.api.Test;
import org.probity.spec.Spec;
import org.probity.spec.SpecResult;

/** Wrong steps planted in a Markdown derivation are reported at their source line with a counterexample. */
class PlantedErrorsTest {
    @Test
    void everyPlantedErrorFailsAtItsLine() {
        DocumentResult r = DerivationDocument.read(Path.of("src/test/resources/derivations/planted-errors.md"))
            .check(Spec.options(RunConfig.DEFAULT_SEED));
        List<Integer> failing = r.entries().stream().filter(e -> e.kind() == DocumentResult.Kind.STEP && e.failed())
            .map(e -> e.place().line()).toList();
        // sign flip (line 10), swapped KL (line 17), off-by-one telescoping (line 23), alpha for alpha-bar (line 31)
        assertThat(failing).as(r.render()).containsExactly(10, 17, 23, 31);
        assertThat(r.entries()).filteredOn(DocumentResult.Entry::failed).allSatisfy(e -> assertThat(e.items())
            .filteredOn(i -> !i.passed()).allSatisfy(i -> assertThat(i.counterexample()).contains("model instance")
                .contains("left side:").contains("right side:")));
        assertThat(r.entries().get(0).verdict()).isEqualTo("PASS");
        assertThat(r.exitCode()).isEqualTo(1);
        SpecResult.Item alpha = r.entries().stream().filter(e -> e.place().line() == 31).findFirst().orElseThrow()
            .items().get(0);
        assertThat(alpha.family()).isEqualTo("gaussian");
    }
}
