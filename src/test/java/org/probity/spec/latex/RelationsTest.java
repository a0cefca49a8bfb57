package org.probity.spec.latex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;
import org.probity.spec.Spec;

/**
 * DERIVATIONS.md's relations row ({@code \leq}, {@code \le}, {@code \geq}, {@code =}, {@code <},
 * {@code >}): each row of a chain is checked under the relation it is written with, so a true
 * inequality passes, and the same rows with the inequality turned round fail. (KL >= 0 holds on both
 * families; H(q(x_0)) >= 0 does not on gaussian, where a variance below 1/(2 pi e) makes it negative.)
 */
class RelationsTest {
    private static final String CHAIN = "# relations\n\n$$\n\\begin{aligned}\nH(q(x_0)) &= H(q(x_0)) \\\\\n"
        + "&\\leq H(q(x_0)) + 1 \\\\\n&\\le H(q(x_0)) + 2 \\\\\n&< H(q(x_0)) + 3\n\\end{aligned}\n$$\n\n"
        + "$$\n\\begin{aligned}\nD_{KL}(q(x_0) \\| p(x_0)) &\\geq 0 \\\\\n&> -1\n\\end{aligned}\n$$\n";

    private static DocumentResult check(String markdown) {
        return DerivationDocument.parse(markdown, "r.md", DerivationDocument.Format.MARKDOWN)
            .check(Spec.options(RunConfig.DEFAULT_SEED).withTries(20));
    }

    @Test
    void everyRelationIsCheckedAsWritten() {
        DocumentResult r = check(CHAIN);
        assertThat(r.entries()).as(r.render()).filteredOn(e -> e.kind() == DocumentResult.Kind.STEP)
            .extracting(e -> e.place().line() + " " + e.relation() + " " + e.verdict())
            .containsExactly("5 = PASS", "6 \\leq PASS", "7 \\le PASS", "8 < PASS", "14 \\geq PASS", "15 > PASS");
    }

    @Test
    void theSameRowsTurnedRoundFail() {
        String turned = CHAIN.replace("\\leq", "\\geq").replace("\\le ", "\\ge ").replace("&< H", "&> H")
            .replace("&> -1", "&< -1");
        DocumentResult r = check(turned);
        assertThat(r.entries()).as(r.render()).filteredOn(e -> e.kind() == DocumentResult.Kind.STEP)
            .extracting(e -> e.place().line() + " " + e.verdict())
            .containsExactly("5 PASS", "6 FAIL", "7 FAIL", "8 FAIL", "14 PASS", "15 FAIL");
    }
}
