package org.probity.spec.latex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;
import org.probity.spec.Spec;
import org.probity.spec.SpecSyntaxException;

/**
 * What a new user met trying the reader (issue 15): malformed environments and brackets are parse
 * errors at their place in the file, naming where the unclosed one opened; a one-letter name the
 * document defines is not taken for a free step index.
 */
class DocumentStructureTest {

    private static void assertProblem(String markdown, String message) {
        assertThatThrownBy(() -> DerivationDocument.parse(markdown, "d.md", DerivationDocument.Format.MARKDOWN))
            .isInstanceOf(SpecSyntaxException.class).hasMessageStartingWith("d.md:" + message);
    }

    @Test
    void markdownProblemsAreAtTheirPlace() {
        // a \begin{aligned} without its \end in a Markdown display, and an \end without its \begin
        assertProblem("# t\n\n$$\n\\begin{aligned}\nL &= p(x_0) \\\\\n&= q(x_0)\n$$\n",
            "6:10: expected \\end{aligned} closing the \\begin{aligned} at 4:1, found the end of the display in");
        assertProblem("# t\n\n$$\nL = p(x_0) \\end{aligned}\n$$\n",
            "4:12: expected \\begin{aligned} before this \\end{aligned}, found \\end{aligned} in");
        // unclosed brackets name the place of the one they do not close
        assertProblem("# t\n\nText.\n\n$$\nL = \\frac{p(x_0)}{q(x_0) \n$$\n",
            "6:25: expected '}' closing the '{' at 6:18, found the end of the formula in \"L = \\frac{p(x_0)}{q(x_0)\"");
        assertProblem("# t\n\n$$\nL = p(x_0} \n$$\n", "4:10: expected ')' closing the '(' at 4:6, found '}' in");
    }

    @Test
    void anUnclosedTexEnvironmentIsReportedAtItsBegin() {
        String tex = "\\documentclass{article}\n\\begin{document}\n  \\begin{align}\nL &= p(x_0) \\\\\n&= q(x_0)\n"
            + "\\end{document}\n";
        assertThatThrownBy(() -> DerivationDocument.parse(tex, "d.tex", DerivationDocument.Format.TEX))
            .isInstanceOf(SpecSyntaxException.class)
            .hasMessage("d.tex:3:3: expected \\end{align} closing this \\begin{align}, found the end of the file");
        String nested = "\\begin{align}\n\\begin{split}\nL &= p(x_0)\n\\end{align}\n";
        assertThatThrownBy(() -> DerivationDocument.parse(nested, "n.tex", DerivationDocument.Format.TEX))
            .isInstanceOf(SpecSyntaxException.class)
            .hasMessageStartingWith("n.tex:3:12: expected \\end{split} closing the \\begin{split} at 2:1");
    }

    @Test
    void aDefinedCapitalIsNotAFreeIndex() {
        String md = "# t\n\n$$\nJ = -\\mathbb{E}_{q(x_0)} \\log p_\\theta(x_0)\n$$\n\n$$\nJ - H(q(x_0)) \\geq 0\n$$\n\n"
            + "$$\nJ \\geq H(q(x_0))\n$$\n";
        DocumentResult r = DerivationDocument.parse(md, "j.md", DerivationDocument.Format.MARKDOWN)
            .check(Spec.options(RunConfig.DEFAULT_SEED).withTries(20));
        assertThat(r.entries()).as(r.render()).filteredOn(e -> e.kind() == DocumentResult.Kind.STEP)
            .extracting(e -> e.place().line() + " " + e.verdict()).containsExactly("8 PASS", "12 PASS");
        assertThat(r.render()).doesNotContain("ranges over");
    }

    @Test
    void theLettersOfOperatorsCanBeDefined() {
        // H, E, D, N name quantities a document defines; H(.) is still the entropy, E[.] the expectation
        String md = "# t\n\n$$\nH := -\\mathbb{E}_{q(\\mathbf{x}_0)} \\left[ \\log q(\\mathbf{x}_0) \\right]\n$$\n\n"
            + "$$\nH = H(q(\\mathbf{x}_0))\n$$\n\n$$\nD := H + 1\n$$\n\n$$\nD \\geq H\n$$\n\n"
            + "$$\nE_0 := \\mathbb{E}_{q(\\mathbf{x}_0)} \\left[ \\log p(\\mathbf{x}_0) \\right]\n$$\n\n$$\nE_0 \\leq 0\n$$\n";
        DocumentResult r = DerivationDocument.parse(md, "h.md", DerivationDocument.Format.MARKDOWN)
            .check(Spec.options(RunConfig.DEFAULT_SEED).withTries(10));
        assertThat(r.entries()).as(r.render()).extracting(e -> e.place().line() + " " + e.verdict())
            .containsExactly("4 DEFINITION", "8 PASS", "12 DEFINITION", "16 PASS", "20 DEFINITION", "24 PASS");
    }

    @Test
    void aDefinitionWithoutMeaningHereIsNotCheckedWithTheReason() {
        // x_{T+1} reads, but is no variable of the chain: the step using it is NOT CHECKED, not a parse error
        String md = "# t\n\n$$\nJ := q(\\mathbf{x}_{T+1})\n$$\n\n$$\nJ \\geq 0\n$$\n";
        DocumentResult r = DerivationDocument.parse(md, "j.md", DerivationDocument.Format.MARKDOWN)
            .check(Spec.options(RunConfig.DEFAULT_SEED).withTries(10));
        assertThat(r.entries()).as(r.render()).extracting(e -> e.place().line() + " " + e.verdict())
            .containsExactly("4 DEFINITION", "8 NOT CHECKED");
        assertThat(r.entries().get(1).detail()).contains("not checkable as read", "expected a variable index in 0..T");
    }
}
