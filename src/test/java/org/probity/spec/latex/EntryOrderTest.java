package org.probity.spec.latex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;

/**
 * The report lists rows in document order, even where a chain's displays enclose a claim or a row NOT CHECKED (the
 * plan completes the chain first): specs/cross-entropy.md printed display 3 after display 4 and the whole chain. Here
 * display 2 continues display 1 (it starts with its relation) and display 5 the approximation's left side.
 */
class EntryOrderTest {
    private static final String DOC = "<!-- probity: model markov states 2..2 steps 1..1 -->\n"
        + "$$\nH(q(\\mathbf{x}_0), p_\\theta(\\mathbf{x}_0)) = -\\mathbb{E}_{q(\\mathbf{x}_0)} \\log p_\\theta(\\mathbf{x}_0)\n$$\n"
        + "$$\n= D_{\\text{KL}}(q(\\mathbf{x}_0) \\parallel p_\\theta(\\mathbf{x}_0)) "
        + "+ H(q(\\mathbf{x}_0))\n$$\n"
        + "$$\nD_{\\text{KL}}(q(\\mathbf{x}_0) \\parallel p_\\theta(\\mathbf{x}_0)) \\geq 0\n$$\n"
        + "$$\nH(q(\\mathbf{x}_0)) \\approx 1\n$$\n"
        + "$$\n\\geq H(q(\\mathbf{x}_0))\n$$\n";

    @Test
    void rowsComeInDocumentOrderAndAWholeChainRightAfterItsLastStep() {
        DocumentResult r = DerivationDocument.parse(DOC, "order.md", DerivationDocument.Format.MARKDOWN)
            .check(RunConfig.ofSeed(RunConfig.DEFAULT_SEED).withTries(3));
        List<DocumentResult.Entry> entries = r.entries();
        List<Integer> rowLines = entries.stream().filter(e -> e.kind() != DocumentResult.Kind.CHAIN)
            .map(e -> e.place().line()).toList();
        assertThat(rowLines).as(r.render()).isSorted().containsExactly(3, 6, 9, 12, 15);
        assertThat(entries).as(r.render()).extracting(DocumentResult.Entry::verdict)
            .containsExactly("PASS", "PASS", "PASS", "PASS", "NOT CHECKED", "PASS");
        // the whole chain of displays 1-2 comes right after its last step, before the claim of display 3
        assertThat(entries.get(2).kind()).as(r.render()).isEqualTo(DocumentResult.Kind.CHAIN);
        assertThat(entries.get(1).place().line()).isEqualTo(6);
        assertThat(entries.get(3).place().line()).isEqualTo(9);
    }

    /** Displays 2 and 5 restate display 1's left side: joined to its chain across a claim and an approximation. */
    private static final String RESTATED = "<!-- probity: model markov states 2..2 steps 1..1 -->\n"
        + "$$\nH(q(\\mathbf{x}_0), p_\\theta(\\mathbf{x}_0)) = -\\mathbb{E}_{q(\\mathbf{x}_0)} \\log p_\\theta(\\mathbf{x}_0)\n$$\n"
        + "$$\nH(q(\\mathbf{x}_0), p_\\theta(\\mathbf{x}_0)) = D_{\\text{KL}}(q(\\mathbf{x}_0) \\parallel p_\\theta(\\mathbf{x}_0)) "
        + "+ H(q(\\mathbf{x}_0))\n$$\n"
        + "$$\nD_{\\text{KL}}(q(\\mathbf{x}_0) \\parallel p_\\theta(\\mathbf{x}_0)) \\geq 0\n$$\n"
        + "$$\nH(q(\\mathbf{x}_0)) \\approx 1\n$$\n"
        + "$$\nH(q(\\mathbf{x}_0), p_\\theta(\\mathbf{x}_0)) \\geq H(q(\\mathbf{x}_0))\n$$\n";

    @Test
    void restatedDisplaysJoinedAcrossOthersStillComeInDocumentOrder() {
        DocumentResult r = DerivationDocument.parse(RESTATED, "restated.md", DerivationDocument.Format.MARKDOWN)
            .check(RunConfig.ofSeed(RunConfig.DEFAULT_SEED).withTries(3));
        assertThat(r.entries()).as(r.render()).extracting(e -> e.place().line()).containsExactly(3, 6, 9, 12, 15);
        assertThat(r.entries()).as(r.render()).extracting(DocumentResult.Entry::verdict)
            .containsExactly("PASS", "PASS", "PASS", "NOT CHECKED", "PASS");
    }
}
