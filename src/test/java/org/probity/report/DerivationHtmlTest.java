package org.probity.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.probity.check.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probity.spec.Spec;
import org.probity.spec.latex.DerivationDocument;
import org.probity.spec.latex.DocumentResult;

/** derivation.html: MathJax copied beside the page, a verdict beside every row, counterexamples under failures. */
class DerivationHtmlTest {
    @TempDir
    Path dir;

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void thePageShowsEveryRowWithItsVerdictAndWorksOffline() throws Exception {
        DocumentResult r = DerivationDocument.read(Path.of("src/test/resources/derivations/planted-errors.md"))
            .check(Spec.options(RunConfig.DEFAULT_SEED).withTries(50));
        List<String> written = DerivationHtml.write(List.of(r), dir);
        assertThat(written).containsExactly("derivation.html", "mathjax/tex-svg-full.js");
        String html = Files.readString(dir.resolve("derivation.html"));
        assertThat(Files.size(dir.resolve("mathjax/tex-svg-full.js"))).isGreaterThan(1_000_000);
        assertThat(html).contains("<script src=\"mathjax/tex-svg-full.js\"></script>").doesNotContain("http");
        assertThat(count(html, "<span class=\"verdict ")).isEqualTo(r.entries().size());
        assertThat(count(html, "<span class=\"verdict FAIL\">")).isEqualTo(r.entries().stream()
            .filter(DocumentResult.Entry::failed).count());
        long failedItems = r.entries().stream().flatMap(e -> e.items().stream()).filter(i -> i.failed()).count();
        assertThat(count(html, "<details><summary>counterexample")).isEqualTo(failedItems).isGreaterThanOrEqualTo(4);
        assertThat(html).contains("\\[\\begin{aligned}").contains("display 1, row 2 (line 10)")
            .contains("reading: t ranges over");
        assertThat(html).contains("model: ");
    }
}
