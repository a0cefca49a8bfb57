package org.probity.spec.latex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;
import org.probity.spec.Spec;
import org.probity.spec.SpecResult;
import org.probity.spec.SpecSyntaxException;

/**
 * VDM's continuous-time notation in a Markdown derivation (issue 16 item 7; docs/derivations.md,
 * "Continuous time"): each form reads into the AST node of its {@code .prob} form, planted errors in
 * specs/vdm2021.md fail at their row with a small counterexample, and a malformed integral is a
 * {@code FILE:LINE:COLUMN} error naming the value and what was expected.
 */
class ContinuousTimeDocumentTest {
    private static final String VDM = "# t\n\n<!-- probity: model gaussian vdm steps 1..2 dims 1..2 -->\n\n";
    /** Tries for a planted error (each fails within its first instances; 200 run in probity verify). */
    private static final int PLANTED_TRIES = 20;

    private static String twin() throws IOException {
        return Files.readString(Path.of("specs/vdm2021.md"));
    }

    private static DocumentResult check(String markdown, int tries) {
        return DerivationDocument.parse(markdown, "vdm2021.md", DerivationDocument.Format.MARKDOWN)
            .check(Spec.options(RunConfig.DEFAULT_SEED).withTries(tries));
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as(needle).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The lines of the rows that fail; each failure has a counterexample with T ≤ 3 steps and d ≤ 2. */
    private static List<Integer> failingLines(DocumentResult r) {
        List<DocumentResult.Entry> failed = r.entries().stream().filter(e -> e.kind() == DocumentResult.Kind.STEP
            && e.failed()).toList();
        for (DocumentResult.Entry e : failed) {
            for (SpecResult.Item i : e.items()) {
                if (i.failed()) {
                    assertThat(i.counterexample()).as(r.render()).contains("continuous-time schedule: gamma(t) = ",
                        "left side:", "right side:").containsPattern("T = [1-3] steps?\\b").doesNotContainPattern("d = ([3-9]|\\d\\d)");
                }
            }
        }
        return failed.stream().map(e -> e.place().line()).distinct().toList();
    }

    @Test
    void aMissingHalfInLInfFailsAtItsGammaFormAndAtTheGap() throws IOException {
        String s = twin().replace("\\mathcal{L}_\\infty &:= -\\frac{1}{2} \\mathbb{E}", "\\mathcal{L}_\\infty &:= -\\mathbb{E}");
        assertThat(s).isNotEqualTo(twin());
        DocumentResult r = check(s, PLANTED_TRIES);
        assertThat(failingLines(r)).as(r.render()).containsExactly(
            lineOf(s, "&= \\frac{1}{2} \\mathbb{E}_{\\boldsymbol{\\epsilon} \\sim \\mathcal{N}(\\mathbf{0}, \\mathbf{I})} \\int_0^1"), lineOf(s, "\\mathcal{L}_T - \\mathcal{L}_\\infty ="));
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void snrPrimeWithTheWrongSignFailsAtItsRow() throws IOException {
        String derivative = twin().replace("\\frac{d}{dt} \\mathrm{SNR}(t) = -\\gamma_\\eta'(t)",
            "\\frac{d}{dt} \\mathrm{SNR}(t) = \\gamma_\\eta'(t)");
        DocumentResult r = check(derivative, PLANTED_TRIES);
        assertThat(failingLines(r)).as(r.render()).containsExactly(lineOf(derivative, "\\frac{d}{dt} \\mathrm{SNR}(t) ="));
        // under the integral: -1/2 int SNR' dt written with +1/2
        String integral = twin().replace("-\\frac{1}{2} \\int_0^1 \\frac{d \\, \\mathrm{SNR}(t)}{dt}",
            "\\frac{1}{2} \\int_0^1 \\frac{d \\, \\mathrm{SNR}(t)}{dt}");
        DocumentResult q = check(integral, PLANTED_TRIES);
        assertThat(failingLines(q)).as(q.render()).containsExactly(lineOf(integral, "\\frac{1}{2} \\int_0^1 \\frac{d"));
    }

    /** Each spelling of the notation reads into the same node as the .prob form: the rows agree with them. */
    @Test
    void theSpellingsOfTheNotationHold() {
        String doc = VDM
            + "$$\n\\int_0^1 \\mathrm{SNR}'(t) \\, \\mathrm{d}t = \\int_{0}^{1} \\frac{d\\,\\mathrm{SNR}(t)}{dt} dt\n$$\n\n"
            + "$$\n\\int_0^1 \\text{SNR}^\\prime(u) \\, du = \\operatorname{SNR}(1) - \\mathrm{SNR}(0)\n$$\n\n"
            + "$$\n\\int_0^1 \\gamma'(t) \\, dt = \\gamma(1) - \\gamma(0)\n$$\n\n"
            + "$$\n\\frac{d}{dt} \\gamma_\\eta(t) = \\gamma_{\\eta}'(t)\n$$\n\n"
            + "$$\n\\alpha(t)^2 = \\frac{\\mathrm{SNR}(t)}{1 + \\mathrm{SNR}(t)}\n$$\n\n"
            + "$$\n\\sigma_{t|s}^2 = \\sigma_t^2 - \\alpha_{t|s}^2 \\sigma(s)^2\n$$\n\n"
            + "$$\n\\int_{s}^{t} \\mathrm{SNR}'(u) \\, du = \\mathrm{SNR}(t(i)) - \\mathrm{SNR}(s(i))\n$$\n\n";
        DocumentResult r = check(doc, 20);
        assertThat(r.entries()).as(r.render()).filteredOn(e -> e.kind() == DocumentResult.Kind.STEP).hasSize(7)
            .allSatisfy(e -> assertThat(e.verdict()).isEqualTo("PASS"));
        assertThat(r.render()).contains("t read as the grid time t(i) = i/T", "i ranges over 1..T");
    }

    /** A planted wrong reading: the same integral with the endpoints swapped fails (the notation is not ignored). */
    @Test
    void aWrongIntegralFails() {
        DocumentResult r = check(VDM + "$$\n\\int_0^1 \\mathrm{SNR}'(t) \\, dt = \\mathrm{SNR}(0) - \\mathrm{SNR}(1)\n$$\n", 20);
        assertThat(r.entries()).as(r.render()).filteredOn(DocumentResult.Entry::failed).hasSize(1);
    }

    private static void refused(String latex, String message) {
        String doc = VDM + "$$\n" + latex + "\n$$\n";
        assertThatThrownBy(() -> DerivationDocument.parse(doc, "d.md", DerivationDocument.Format.MARKDOWN))
            .isInstanceOf(SpecSyntaxException.class).hasMessageStartingWith("d.md:6:" + message);
    }

    @Test
    void aMalformedIntegralIsAnErrorAtItsPlace() {
        // no differential before the relation: found at the end of the side (column 26)
        refused("\\int_0^1 \\mathrm{SNR}'(t) = 1", "26: expected a differential dt (\\, dt or \\mathrm{d}t) after the "
            + "integrand of \\int_a^b, found the end of the formula");
        // a limit outside [0, 1]: the value and what was expected
        refused("\\int_0^{2} \\mathrm{SNR}'(t) \\, dt = 1", "9: expected a limit of the integral over time in [0, 1] "
            + "(a time of the continuous schedule), found 2");
        refused("\\int_{-1}^1 \\mathrm{SNR}'(t) \\, dt = 1", "7: expected a limit of the integral over time in [0, 1] "
            + "(a time of the continuous schedule), found -1");
        // a time the integral does not bind
        refused("\\int_0^1 \\mathrm{SNR}'(u) \\, dt = 1", "24: expected a time: a number in [0, 1], i/T, t or s of the "
            + "grid (t(i) = i/T, s(i) = (i - 1)/T), or the variable of an enclosing integral, found 'u'");
        // a differential that is not a time
        refused("\\int_0^1 \\mathrm{SNR}'(t) \\, d\\mathbf{x}_0 = 1", "31: expected a time as the variable of "
            + "\\int_a^b (dt, du, ds, dv or dr; an integral over a variable x has no limits), found '\\mathbf'");
    }
}
