package org.probity.spec.latex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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

    /** Verdict counts per family, without the whole-chain checks (a twin may split a chain into claims). */
    private static Map<String, Long> counts(Stream<SpecResult.Item> items) {
        Map<String, Long> out = new TreeMap<>();
        items.filter(i -> !i.kind().equals("chain")).forEach(i -> out.merge(i.family() + " " + i.status(), 1L, Long::sum));
        return out;
    }

    /**
     * The six published derivations of issue 16 (networks, noise, vectors, ∝, assumptions) and VDM's
     * continuous time (vdm2021: integrals over time, SNR′, γ): the twin
     * gives the same PASS / FAIL / NOT CHECKED counts per family as the .prob, step for step, and
     * has no row that is not checked beyond those. (20 tries: the full 200 run in `probity verify`.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"ho2020", "weng2021", "kingma-welling2014", "luo2022", "sohl-dickstein2015", "austin2021",
        "vdm2021"})
    void thePublishedDerivationsTwinsGiveTheSameVerdicts(String name) {
        RunConfig options = Spec.options(RunConfig.DEFAULT_SEED).withTries(20);
        SpecResult prob = Spec.parse(Path.of("specs", name + ".prob")).check(options);
        DocumentResult md = DerivationDocument.read(Path.of("specs", name + ".md")).check(options);
        assertThat(md.entries()).as(md.render()).noneMatch(e -> e.kind() == DocumentResult.Kind.NOT_CHECKED);
        assertThat(counts(md.entries().stream().flatMap(e -> e.items().stream()))).as(md.render())
            .isEqualTo(counts(prob.items().stream()));
    }
}
