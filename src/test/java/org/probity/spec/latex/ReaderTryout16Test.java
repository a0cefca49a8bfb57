package org.probity.spec.latex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;
import org.probity.spec.Spec;

/**
 * What a new user met trying the reader (tryout 16e): a display that restates an earlier display's
 * left side is checked from that left side, not from the earlier display's right side; Ho et al.'s
 * own sum subscripts ({@code \sum_{t > 1}}, {@code \sum_{t \geq 1}}) are index ranges over the steps.
 */
class ReaderTryout16Test {

    private static DocumentResult check(String markdown) {
        return DerivationDocument.parse(markdown, "d.md", DerivationDocument.Format.MARKDOWN)
            .check(Spec.options(RunConfig.DEFAULT_SEED).withTries(40));
    }

    private static final String KL = "D_{\\mathrm{KL}}(\\mathcal{N}(\\mathbf{x}_{t-1}; \\mathbf{x}_t, \\beta_t \\mathbf{I}) "
        + "\\parallel \\mathcal{N}(\\mathbf{x}_{t-1}; \\boldsymbol{\\mu}_\\theta(\\mathbf{x}_t, t), \\beta_t \\mathbf{I}))";
    private static final String NORM = " \\| \\mathbf{x}_t - \\boldsymbol{\\mu}_\\theta(\\mathbf{x}_t, t) \\|^2";

    @Test
    void aCorrectedDisplayIsCheckedFromItsOwnLeftSide() {
        String md = "<!-- probity: model gaussian steps 2..3 dims 1..2 -->\n\nA first attempt (wrong):\n\n$$\n" + KL
            + " = \\frac{1}{\\beta_t}" + NORM + "\n$$\n\nCorrected:\n\n$$\n" + KL + " = \\frac{1}{2 \\beta_t}" + NORM
            + "\n$$\n";
        DocumentResult r = check(md);
        assertThat(r.entries()).as(r.render()).filteredOn(e -> e.kind() == DocumentResult.Kind.STEP)
            .extracting(e -> e.place().display() + " " + e.verdict()).containsExactly("1 FAIL", "2 PASS");
        assertThat(r.entries()).filteredOn(e -> e.place().display() == 2).allSatisfy(e ->
            assertThat(e.readings()).anyMatch(s -> s.startsWith("continues display 1: its left side restated")));
    }

    @Test
    void aRestatedLeftSideAfterATrueDisplayStillHolds() {
        // both displays true: the second is checked from the left side and holds either way
        String md = "<!-- probity: model gaussian steps 2..3 dims 1..2 -->\n\n$$\n" + KL + " = \\frac{1}{2 \\beta_t}" + NORM
            + "\n$$\n\nThat is,\n\n$$\n" + KL + " = \\frac{1}{2} \\beta_t^{-1}" + NORM + "\n$$\n";
        DocumentResult r = check(md);
        assertThat(r.entries()).as(r.render()).filteredOn(e -> e.kind() == DocumentResult.Kind.STEP)
            .extracting(e -> e.place().display() + " " + e.verdict()).containsExactly("1 PASS", "2 PASS");
    }
}
