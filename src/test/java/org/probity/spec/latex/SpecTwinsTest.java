package org.probity.spec.latex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.probity.check.RunConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probity.spec.Spec;

import org.probity.spec.SpecResult;

/**
 * Every .prob derivation in specs/ has a Markdown twin that gives the same verdicts: everything
 * holds, nothing is left unchecked. (`probity verify` checks both at 200 tries; here 50.)
 */
class SpecTwinsTest {
    @ParameterizedTest
    @ValueSource(strings = {"ddpm-vlb", "cross-entropy", "joint-markov", "gaussian-closed-forms", "vae"})
    void theMarkdownTwinGivesTheSameVerdicts(String name) {
        RunConfig options = Spec.options(RunConfig.DEFAULT_SEED).withTries(50);
        SpecResult prob = Spec.parse(Path.of("specs", name + ".prob")).check(options);
        DocumentResult md = DerivationDocument.read(Path.of("specs", name + ".md")).check(options);
        assertThat(prob.passed()).isTrue();
        assertThat(prob.notChecked()).isZero();
        assertThat(md.entries()).as(md.render()).allSatisfy(e -> assertThat(e.verdict()).isIn("PASS", "DEFINITION"));
        long claims = prob.items().stream().filter(i -> i.kind().equals("claim")).map(SpecResult.Item::line).distinct()
            .count();
        assertThat(md.entries()).filteredOn(e -> e.kind() == DocumentResult.Kind.STEP).hasSizeGreaterThanOrEqualTo(
            (int) claims);
    }
}
