package org.probity.spec.latex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;

/**
 * The report lists rows in document order, even where a chain's displays enclose a claim or a row NOT CHECKED (the
 * plan completes the chain first): specs/cross-entropy.md printed display 3 after display 4 and the whole chain.
 */
class EntryOrderTest {
    private static final String DOC = "<!-- probity: model markov states 2..2 steps 1..1 -->\n"
        + "$$\nH(q(\\mathbf{x}_0), p_\\theta(\\mathbf{x}_0)) = -\\mathbb{E}_{q(\\mathbf{x}_0)} \\log p_\\theta(\\mathbf{x}_0)\n$$\n"
        + "$$\nH(q(\\mathbf{x}_0), p_\\theta(\\mathbf{x}_0)) = D_{\\text{KL}}(q(\\mathbf{x}_0) \\parallel p_\\theta(\\mathbf{x}_0)) "
        + "+ H(q(\\mathbf{x}_0))\n$$\n"
        + "$$\nD_{\\text{KL}}(q(\\mathbf{x}_0) \\parallel p_\\theta(\\mathbf{x}_0)) \\geq 0\n$$\n"
        + "$$\nH(q(\\mathbf{x}_0)) \\approx 1\n$$\n"
        + "$$\nH(q(\\mathbf{x}_0), p_\\theta(\\mathbf{x}_0)) \\geq H(q(\\mathbf{x}_0))\n$$\n";

    @Test
    void rowsComeInDocumentOrderAndAWholeChainRightAfterItsLastStep() {
        DocumentResult r = DerivationDocument.parse(DOC, "order.md", DerivationDocument.Format.MARKDOWN)
            .check(RunConfig.ofSeed(RunConfig.DEFAULT_SEED).withTries(3));
        List<DocumentResult.Entry> entries = r.entries();
        List<Integer> rowLines = entries.stream().filter(e -> e.kind() != DocumentResult.Kind.CHAIN)
            .map(e -> e.place().line()).toList();
        assertThat(rowLines).as(r.render()).isSorted().containsExactly(3, 6, 9, 12, 15);
        assertThat(entries.get(2).verdict()).as(r.render()).isEqualTo("PASS");
        assertThat(entries.get(3).verdict()).isEqualTo("NOT CHECKED");
        assertThat(entries.get(entries.size() - 1).kind()).as(r.render()).isEqualTo(DocumentResult.Kind.CHAIN);
        assertThat(entries.get(entries.size() - 2).place().line()).isEqualTo(15);
    }
}
