package org.probity.spec.latex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.probity.check.RunConfig;
import org.junit.jupiter.api.Test;
import org.probity.spec.Spec;

/**
 * The document this project was created from (shared/examples/seed-vlb-derivation.md): every display is
 * found and classified; the two real findings of DERIVATIONS.md fail with small counterexamples.
 */
class SeedDocumentTest {
    @Test
    void theSeedGivesTheTwoFindings() {
        DocumentResult r = DerivationDocument.read(Path.of("src/test/resources/derivations/seed-vlb-derivation.md"))
            .check(Spec.options(RunConfig.DEFAULT_SEED));
        String report = r.render();
        Set<Integer> displays = r.entries().stream().map(e -> e.place().display()).collect(Collectors.toSet());
        for (int d = 1; d <= 19; d++) {
            assertThat(displays).as("display %d is reported\n%s", d, report).contains(d);
        }
        DocumentResult.Entry multiply = r.entries().stream().filter(e -> e.place().line() == 23
            && e.kind() == DocumentResult.Kind.STEP).findFirst().orElseThrow();
        assertThat(multiply.verdict()).isEqualTo("FAIL");
        assertThat(multiply.items()).filteredOn(i -> !i.passed()).singleElement().satisfies(i -> {
            assertThat(i.family()).isEqualTo("markov");
            assertThat(i.counterexample()).contains("K = 2 states, T = 1 step").contains("0.0");
        });
        // the first finding names the support condition it needs (it holds when every probability is > 0)
        assertThat(multiply.detail()).isEqualTo(DerivationDocument.SUPPORT);
        DocumentResult.Entry outer = r.entries().stream().filter(e -> e.place().line() == 85).findFirst().orElseThrow();
        assertThat(outer.verdict()).isEqualTo("FAIL");
        assertThat(outer.detail()).as("the second finding fails with full support too").isNull();
        assertThat(outer.items()).allSatisfy(i -> assertThat(i.counterexample()).contains("x_0 = "));
        // everything else holds or is not checked, among them Bayes' rule in logs (line 65) and the
        // telescoping sum at T = 1 (line 81), once false alarms of the checker (issue 15 item 6)
        assertThat(r.entries()).filteredOn(DocumentResult.Entry::failed)
            .allSatisfy(e -> assertThat(e.place().line()).as(report).isIn(23, 85));
        assertThat(r.entries()).filteredOn(e -> e.place().line() == 65 || e.place().line() == 81)
            .allSatisfy(e -> assertThat(e.verdict()).isEqualTo("PASS"));
        assertThat(r.entries()).filteredOn(e -> e.verdict().equals("NOT CHECKED"))
            .allSatisfy(e -> assertThat(e.detail()).isNotBlank());
        assertThat(r.entries().stream().filter(e -> e.verdict().equals("NOT CHECKED")).count()).isGreaterThanOrEqualTo(5);
        assertThat(report).contains("E_q read as E_{q(x_{0:T})}");
    }
}
