package org.probity.spec.latex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;

/**
 * docs/derivations.md: the M of a quadratic form a^T M b is read only as written in the row. A name defined as a
 * matrix ({@code \Sigma := \beta_1 \mathbf{I}}) used there is NOT CHECKED, and the reason says to write M out; written
 * out, the same row holds.
 */
class NamedMatrixTest {
    private static final String ROW = "$$ \\mathbb{E}_{q(\\mathbf{x}_1 \\mid \\mathbf{x}_0)} \\left[ (\\mathbf{x}_1 - "
        + "\\sqrt{\\alpha_1} \\mathbf{x}_0)^\\top M (\\mathbf{x}_1 - \\sqrt{\\alpha_1} \\mathbf{x}_0) \\right] = d $$\n";
    private static final String DOC = "<!-- probity: model gaussian steps 1..2 dims 1..2 -->\n"
        + "$$ \\boldsymbol{\\Sigma} := \\beta_1 \\mathbf{I} $$\n"
        + ROW.replace("M", "\\boldsymbol{\\Sigma}^{-1}") + ROW.replace("M", "(\\beta_1 \\mathbf{I})^{-1}");

    @Test
    void aNamedMatrixInAQuadraticFormIsNotCheckedWithHowToWriteIt() {
        DocumentResult r = DerivationDocument.parse(DOC, "sigma.md", DerivationDocument.Format.MARKDOWN)
            .check(RunConfig.ofSeed(RunConfig.DEFAULT_SEED).withTries(3));
        DocumentResult.Entry named = r.entries().get(1);
        assertThat(named.verdict()).as(r.render()).isEqualTo("NOT CHECKED");
        assertThat(named.detail()).contains("found a matrix: Sigma^-1", "a name defined as a matrix is not read as the M "
            + "of a^T M b: write M out in the row");
        assertThat(r.entries().get(2).verdict()).as(r.render()).isEqualTo("PASS");
    }
}
