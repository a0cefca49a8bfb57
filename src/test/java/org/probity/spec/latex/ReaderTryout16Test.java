package org.probity.spec.latex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;
import org.probity.spec.Spec;
import org.probity.spec.SpecSyntaxException;

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

    private static final String HO = "<!-- probity: model markov gaussian states 2..3 steps 1..3 -->\n\n$$\n"
        + "\\begin{aligned}\nL &= \\mathbb{E}_q \\left[ -\\log \\frac{p_\\theta(\\mathbf{x}_{0:T})}{q(\\mathbf{x}_{1:T} \\mid "
        + "\\mathbf{x}_0)} \\right] \\\\\n&= \\mathbb{E}_q \\left[ -\\log p(\\mathbf{x}_T) - \\sum_{SUB1} \\log "
        + "\\frac{p_\\theta(\\mathbf{x}_{t-1} \\mid \\mathbf{x}_t)}{q(\\mathbf{x}_t \\mid \\mathbf{x}_{t-1})} - \\log "
        + "\\frac{p_\\theta(\\mathbf{x}_0 \\mid \\mathbf{x}_1)}{q(\\mathbf{x}_1 \\mid \\mathbf{x}_0)} \\right] \\\\\n"
        + "&= \\mathbb{E}_q \\left[ -\\log p(\\mathbf{x}_T) - \\sum_{SUB2} \\log \\frac{p_\\theta(\\mathbf{x}_{t-1} \\mid "
        + "\\mathbf{x}_t)}{q(\\mathbf{x}_t \\mid \\mathbf{x}_{t-1})} \\right]\n\\end{aligned}\n$$\n";

    private static DocumentResult ho(String sub1, String sub2) {
        return check(HO.replace("SUB1", sub1).replace("SUB2", sub2));
    }

    private static java.util.List<String> steps(DocumentResult r) {
        return r.entries().stream().filter(e -> e.kind() == DocumentResult.Kind.STEP)
            .map(e -> e.place().row() + " " + e.verdict()).toList();
    }

    @Test
    void hoEquationFiveSubscriptsAreRangesOverTheSteps() {
        // row 2 splits the t = 1 term off the sum over t > 1 (Ho et al. eq. 5's -sum_{t>1}); row 3 is Ho's
        // eq. 3 form, the sum over t >= 1: both equal the negative ELBO of row 1
        DocumentResult r = ho("t > 1", "t \\geq 1");
        assertThat(steps(r)).as(r.render()).containsExactly("2 PASS", "3 PASS");
        assertThat(r.render()).contains("\\sum_{t > 1} read as t = 2..T (T the number of steps)")
            .contains("\\sum_{t \\geq 1} read as t = 1..T");
        DocumentResult same = ho("t>1", "1 \\le t \\le T");
        assertThat(steps(same)).as(same.render()).containsExactly("2 PASS", "3 PASS");
        DocumentResult upper = ho("1 < t \\leqslant T", "t \\geqslant 1");
        assertThat(steps(upper)).as(upper.render()).containsExactly("2 PASS", "3 PASS");
    }

    @Test
    void aWrongInequalityRangeFails() {
        // counting t = 1 twice, or leaving the last step out, is wrong
        DocumentResult twice = ho("t \\ge 1", "t \\geq 1");
        assertThat(steps(twice)).as(twice.render()).containsExactly("2 FAIL", "3 FAIL");
        DocumentResult short_ = ho("t > 1", "t < T");
        assertThat(steps(short_)).as(short_.render()).containsExactly("2 PASS", "3 FAIL");
    }

    @Test
    void theIndexOfAnInequalityIsTheOneItsRangeIsReadFor() {
        // two one-letter sides: the index is the first (t >= s with s bound outside), read and summed the same
        String nested = "<!-- probity: model markov states 2..2 steps 1..4 -->\n\n$$\n"
            + "\\sum_{s=1}^{T} \\sum_{t \\geq s} 1 = \\frac{T (T + %s 1)}{2}\n$$\n";
        DocumentResult right = check(String.format(nested, "+").replace("+ + 1", "+ 1"));
        assertThat(right.entries()).as(right.render()).extracting(DocumentResult.Entry::verdict).containsExactly("PASS");
        DocumentResult wrong = check(String.format(nested, "-").replace("+ - 1", "- 1"));
        assertThat(wrong.entries()).as(wrong.render()).extracting(DocumentResult.Entry::verdict).containsExactly("FAIL");
    }

    @Test
    void aSubscriptNotReadIsQuotedAsWritten() {
        DocumentResult r = ho("t > 1", "k \\in K");
        assertThat(r.render()).as(r.render()).contains("a sum over k \\in K, not over");
    }

    @Test
    void theStepCountIsNotATimeLimitOfAVdmIntegral() {
        String md = "<!-- probity: model gaussian vdm steps 2..3 dims 1..2 -->\n\n$$\n\\int_0^T \\gamma'(t)\\,dt "
            + "= \\gamma(1) - \\gamma(0)\n$$\n";
        assertThatThrownBy(() -> DerivationDocument.parse(md, "d.md", DerivationDocument.Format.MARKDOWN))
            .isInstanceOf(SpecSyntaxException.class)
            .hasMessageStartingWith("d.md:4:8: expected a limit of the integral over VDM's time in [0, 1] (T is the "
                + "number of steps, not a time: write 1), found");
    }
}
