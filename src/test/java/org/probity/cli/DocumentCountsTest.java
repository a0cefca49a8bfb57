package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code probity check DOC.md} counts relations (row verdicts) and checks (one per relation and model family), and
 * its checks are the ones {@code verify} and the reports count: a CI user comparing the two commands on one file sees
 * the same number (the tryout read "44 checked" from check and "64 checks" from verify for weng2021.md).
 */
class DocumentCountsTest {
    private static final String DOC = "<!-- probity: model markov gaussian states 2..3 steps 1..2 -->\n"
        + "$$\n\\begin{aligned}\n"
        + "H(q(\\mathbf{x}_0), p_\\theta(\\mathbf{x}_0)) &= -\\mathbb{E}_{q(\\mathbf{x}_0)} \\log p_\\theta(\\mathbf{x}_0) \\\\\n"
        + "&= D_{\\text{KL}}(q(\\mathbf{x}_0) \\parallel p_\\theta(\\mathbf{x}_0)) + H(q(\\mathbf{x}_0))\n"
        + "\\end{aligned}\n$$\n"
        + "$$ H(q(\\mathbf{x}_0)) \\approx 1 $$\n";
    private static final Pattern SUMMARY = Pattern.compile("PASS: (\\d+) relations checked \\((\\d+) PASS, 0 FAIL\\), "
        + "(\\d+) NOT CHECKED, 0 definitions; (\\d+) checks on the markov and gaussian families \\((\\d+) PASS, 0 FAIL, "
        + "(\\d+) NOT CHECKED\\), \\d+ ms");

    @TempDir
    Path dir;

    @Test
    void checkCountsRelationsAndTheChecksThatVerifyAndTheReportsCount() throws Exception {
        Path doc = Files.writeString(dir.resolve("ce.md"), DOC);
        Path reports = dir.resolve("reports");
        CliRunner.Result r = CliRunner.run("check", doc.toString(), "--tries", "5", "--report", reports.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        Matcher m = SUMMARY.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        // two steps and the whole chain, each on two families; the approximation is one row and one check
        assertThat(m.group(1)).isEqualTo("3");
        assertThat(m.group(3)).isEqualTo("1");
        assertThat(m.group(4)).isEqualTo("7");
        JsonNode counts = new ObjectMapper().readTree(reports.resolve("summary.json").toFile()).get("counts");
        assertThat(counts.get("checks").asInt()).isEqualTo(Integer.parseInt(m.group(4)));
        assertThat(counts.get("passed").asInt()).isEqualTo(Integer.parseInt(m.group(5)));
        assertThat(counts.get("notChecked").asInt()).isEqualTo(Integer.parseInt(m.group(6)));

        Path specs = Files.createDirectories(dir.resolve("specs"));
        Files.writeString(specs.resolve("ce.md"), DOC);
        CliRunner.Result verify = CliRunner.withCatalog(java.util.List::of, "verify", "--tries", "5", "--specs",
            specs.toString(), "--report", dir.resolve("r2").toString());
        assertThat(verify.out()).as(verify.out()).contains("ce.md: 7 checks, 0 failed, 1 not checked",
            "PASS: 6 of 7 checks hold, 1 not checked");
    }
}
