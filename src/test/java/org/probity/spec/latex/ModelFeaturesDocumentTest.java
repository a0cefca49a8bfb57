package org.probity.spec.latex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;
import org.probity.spec.Spec;

/**
 * The document-level forms of issue 16 (docs/derivations.md, "Networks, noise, vectors, ∝,
 * assumptions and index ranges"): each holds where it should and a planted error in it fails at its
 * row with a counterexample.
 */
class ModelFeaturesDocumentTest {
    private static final String GAUSSIAN = "# t\n\n<!-- probity: model gaussian steps 2..3 dims 1..2 -->\n\n";

    private static DocumentResult check(String markdown) {
        return DerivationDocument.parse(markdown, "d.md", DerivationDocument.Format.MARKDOWN)
            .check(Spec.options(RunConfig.DEFAULT_SEED).withTries(20));
    }

    private static List<String> steps(DocumentResult r) {
        return r.entries().stream().filter(e -> e.kind() == DocumentResult.Kind.STEP)
            .map(e -> e.place().line() + " " + e.verdict()).toList();
    }

    private static String display(String latex) {
        return "$$\n" + latex + "\n$$\n\n";
    }

    @Test
    void proportionalInTheVariablesOfTheDensityOnTheLeft() {
        String posterior = "q(\\mathbf{x}_{t-1} \\mid \\mathbf{x}_t, \\mathbf{x}_0) \\propto \\exp \\left( -\\frac{1}{2} "
            + "\\left( \\frac{\\| \\mathbf{x}_t - \\sqrt{\\alpha_t} \\mathbf{x}_{t-1} \\|^2}{\\beta_t} + \\frac{\\| \\mathbf{x}_{t-1}"
            + " - \\sqrt{\\bar\\alpha_{t-1}} \\mathbf{x}_0 \\|^2}{1 - \\bar\\alpha_{t-1}} \\right) \\right) \\quad t = 2, \\dots, T";
        // the x_{t-1}-dependent factor of q(x_t | x_{t-1}) dropped: no longer proportional
        String dropped = "q(\\mathbf{x}_{t-1} \\mid \\mathbf{x}_t, \\mathbf{x}_0) \\propto \\exp \\left( -\\frac{1}{2} "
            + "\\frac{\\| \\mathbf{x}_{t-1} - \\sqrt{\\bar\\alpha_{t-1}} \\mathbf{x}_0 \\|^2}{1 - \\bar\\alpha_{t-1}} \\right) "
            + "\\quad t = 2, \\dots, T";
        DocumentResult r = check(GAUSSIAN + display(posterior) + display(dropped));
        assertThat(steps(r)).as(r.render()).containsExactly("6 PASS", "10 FAIL");
        assertThat(r.render()).contains("∝ read as proportional in x_{t - 1}", "t ranges over 2..T (as written after "
            + "the row)", "model instance (shrunk");
        // written out under \propto: proportional in x_t as well is false
        DocumentResult both = check(GAUSSIAN + display("q(\\mathbf{x}_{t-1} \\mid \\mathbf{x}_t, \\mathbf{x}_0) "
            + "\\propto_{\\mathbf{x}_{t-1}, \\mathbf{x}_t} q(\\mathbf{x}_t \\mid \\mathbf{x}_{t-1}) q(\\mathbf{x}_{t-1} "
            + "\\mid \\mathbf{x}_0) \\quad t = 2, \\dots, T"));
        assertThat(steps(both)).as(both.render()).containsExactly("6 FAIL");
    }

    /**
     * A quadratic form a^T M b (Luo 2022, eq. 87): the diagonal matrix M takes the vector written after
     * it. With the inverse dropped the KL formula is wrong and fails at its row.
     */
    @Test
    void aQuadraticFormInTheGaussianKl() {
        String kl = "D_{\\text{KL}}(\\mathcal{N}(\\mathbf{x}_{t-1}; \\mathbf{x}_0, \\tilde\\beta_t \\mathbf{I}) \\parallel "
            + "\\mathcal{N}(\\mathbf{x}_{t-1}; \\mathbf{x}_t, \\beta_t \\mathbf{I})) = \\frac{1}{2} \\left[ \\log "
            + "\\frac{\\det(\\beta_t \\mathbf{I})}{\\det(\\tilde\\beta_t \\mathbf{I})} - d + \\operatorname{tr}\\left( "
            + "(\\beta_t \\mathbf{I})^{-1} \\tilde\\beta_t \\mathbf{I} \\right) + (\\mathbf{x}_t - \\mathbf{x}_0)^\\top ";
        String right = "(\\mathbf{x}_t - \\mathbf{x}_0) \\right] \\quad t = 2, \\dots, T";
        DocumentResult r = check(GAUSSIAN + display(kl + "(\\beta_t \\mathbf{I})^{-1} " + right)
            + display(kl + "(\\beta_t \\mathbf{I}) " + right));
        assertThat(steps(r)).as(r.render()).containsExactly("6 PASS", "10 FAIL");
        assertThat(r.render()).contains("model instance (shrunk");
    }

    /**
     * A plain I, as in σ² I, is the identity like \\mathbf{I} (it was "not defined in the document"): the
     * forward marginal holds, and with β_t I for (1 − ᾱ_t) I it fails.
     */
    @Test
    void aPlainIIsTheIdentity() {
        String marginal = "q(\\mathbf{x}_t \\mid \\mathbf{x}_0) = \\mathcal{N}(\\mathbf{x}_t; \\sqrt{\\bar\\alpha_t} \\mathbf{x}_0, ";
        String range = " I) \\quad t = 2, \\dots, T";
        DocumentResult r = check(GAUSSIAN + display(marginal + "(1 - \\bar\\alpha_t)" + range)
            + display(marginal + "\\beta_t" + range));
        assertThat(steps(r)).as(r.render()).containsExactly("6 PASS", "10 FAIL");
        assertThat(r.render()).contains("I read as the identity matrix", "model instance (shrunk");
    }

    @Test
    void anAssumptionInWordsRestrictsTheStepsAfterIt() {
        String claim = display("H(q(\\mathbf{x}_T), p_\\theta(\\mathbf{x}_T)) = H(q(\\mathbf{x}_T))");
        String model = "# t\n\n<!-- probity: model markov gaussian states 2..3 steps 1..3 positive -->\n\n";
        DocumentResult without = check(model + claim);
        assertThat(steps(without)).as(without.render()).containsExactly("6 FAIL");
        DocumentResult with = check(model + "Assume $q(\\mathbf{x}_T) = p_\\theta(\\mathbf{x}_T)$. Then\n\n" + claim);
        assertThat(steps(with)).as(with.render()).containsExactly("8 PASS");
        assertThat(with.render()).contains("assumed: q(x_T) == p(x_T)", "assuming q(x_T) == p(x_T)");
        DocumentResult option = check(model + "<!-- probity: assume q(x_T) == p(x_T) -->\n\n" + claim);
        assertThat(steps(option)).as(option.render()).containsExactly("8 PASS");
        // a model option ends the assumptions
        DocumentResult ended = check(model + "Assume $q(\\mathbf{x}_T) = p_\\theta(\\mathbf{x}_T)$.\n\n"
            + "<!-- probity: model markov states 2..3 steps 1..3 positive -->\n\n" + claim);
        assertThat(steps(ended)).as(ended.render()).containsExactly("10 FAIL");
    }

    @Test
    void networksAndNoiseWithAPlantedErrorEach() {
        // E[<eps, x_t>] = sqrt(1 - abar_t) d; with the sign of the noise flipped it is -sqrt(1 - abar_t) d
        String reparameterised = "\\mathbb{E}_{\\boldsymbol{\\epsilon} \\sim \\mathcal{N}(\\mathbf{0}, \\mathbf{I}), \\, "
            + "\\mathbf{x}_t = \\sqrt{\\bar\\alpha_t} \\mathbf{x}_0 SIGN \\sqrt{1 - \\bar\\alpha_t} \\boldsymbol{\\epsilon}} "
            + "\\left[ \\langle \\boldsymbol{\\epsilon}, \\mathbf{x}_t \\rangle \\right] = \\sqrt{1 - \\bar\\alpha_t} \\, d "
            + "\\quad t = 1, \\dots, T";
        String network = "\\mathbb{E}_{q(\\mathbf{x}_t \\mid \\mathbf{x}_0)} \\left[ \\left\\| \\mathbf{x}_t - "
            + "\\boldsymbol{\\epsilon}_\\theta(\\mathbf{x}_t, t) \\right\\|^2 \\right] = \\mathbb{E}_{\\boldsymbol{\\epsilon}, \\, "
            + "\\mathbf{x}_t = \\sqrt{\\bar\\alpha_t} \\mathbf{x}_0 + \\sqrt{1 - \\bar\\alpha_t} \\boldsymbol{\\epsilon}} "
            + "\\left[ \\left\\| \\mathbf{x}_t - \\boldsymbol{\\epsilon}_\\theta(\\mathbf{x}_t, t) \\right\\|^2 \\right] "
            + "\\quad t = 1, \\dots, T";
        // a network moved out of an expectation: wrong for a non-affine network
        String moved = "\\mathbb{E}_{q(\\mathbf{x}_t \\mid \\mathbf{x}_0)} \\left[ \\mathbf{1}^\\top \\boldsymbol{\\epsilon}_\\theta"
            + "(\\mathbf{x}_t, t) \\right] = \\mathbf{1}^\\top \\boldsymbol{\\epsilon}_\\theta(\\sqrt{\\bar\\alpha_t} \\mathbf{x}_0, t) "
            + "\\quad t = 1, \\dots, T";
        DocumentResult r = check(GAUSSIAN + display(reparameterised.replace("SIGN", "+"))
            + display(reparameterised.replace("SIGN", "-")) + display(network) + display(moved));
        assertThat(steps(r)).as(r.render()).containsExactly("6 PASS", "10 FAIL", "14 PASS", "18 FAIL");
        assertThat(r.render()).contains("read as the network eps_theta(x, t)", "eps_theta");
        // a declared network written by name
        DocumentResult declared = check(GAUSSIAN + "<!-- probity: network dec(x) -->\n\n"
            + display("\\mathbb{E}_{q(\\mathbf{x}_1 \\mid \\mathbf{x}_0)} \\left[ \\langle \\operatorname{dec}(\\mathbf{x}_1), "
            + "\\mathbf{1} \\rangle \\right] = \\mathbb{E}_{\\boldsymbol{\\epsilon}, \\, \\mathbf{x}_1 = \\sqrt{1 - \\beta_1} "
            + "\\mathbf{x}_0 + \\sqrt{\\beta_1} \\boldsymbol{\\epsilon}} \\left[ \\mathbf{1}^\\top \\operatorname{dec}(\\mathbf{x}_1) "
            + "\\right]"));
        assertThat(steps(declared)).as(declared.render()).containsExactly("8 PASS");
    }

    @Test
    void theHalfDroppedFromTheVectorKl() {
        String kl = "D_{\\text{KL}}(q(\\mathbf{x}_t \\mid \\mathbf{x}_0) \\parallel \\mathcal{N}(\\mathbf{x}_t; \\mathbf{0}, "
            + "\\mathbf{I})) = HALF \\left( d (1 - \\bar\\alpha_t) + \\bar\\alpha_t \\|\\mathbf{x}_0\\|^2 - d - d \\log (1 - "
            + "\\bar\\alpha_t) \\right) \\quad t = 1, \\dots, T";
        DocumentResult r = check(GAUSSIAN + display(kl.replace("HALF", "\\frac{1}{2}")) + display(kl.replace("HALF", "")));
        assertThat(steps(r)).as(r.render()).containsExactly("6 PASS", "10 FAIL");
    }

    @Test
    void theWrongNoiseCoefficientPlantedInTheHoTwinFailsAtItsRow() throws IOException {
        // eq. 11 with sqrt(1 - abar_t) in place of beta_t / sqrt(1 - abar_t) before eps_theta: eq. 12 no longer follows
        String right = "\\frac{\\beta_t}{\\sqrt{1 - \\bar\\alpha_t}} \\boldsymbol{\\epsilon}_\\theta(\\mathbf{x}_t, t) \\right), "
            + "\\beta_t \\mathbf{I}";
        String md = Files.readString(Path.of("specs", "ho2020.md"));
        assertThat(md).contains(right);
        String planted = md.replace(right, "\\sqrt{1 - \\bar\\alpha_t} \\boldsymbol{\\epsilon}_\\theta(\\mathbf{x}_t, t) "
            + "\\right), \\beta_t \\mathbf{I}");
        int line = (int) planted.lines().takeWhile(l -> !l.contains("\\text{(12)}")).count() + 1;
        DocumentResult r = check(planted);
        assertThat(r.entries()).as(r.render()).filteredOn(e -> e.verdict().equals("FAIL")
            && e.kind() == DocumentResult.Kind.STEP).extracting(e -> e.place().line()).containsExactly(line);
        assertThat(r.render()).contains("eps_theta(v, 2) = ", "left == right at t = 2");
    }
}
