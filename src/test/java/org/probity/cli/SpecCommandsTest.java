package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code probity check} and the spec part of {@code probity verify}, with a deliberately wrong spec. */
class SpecCommandsTest {
    static final String GOOD = "title \"good\"\nmodel markov states 2..2 steps 0..1\n"
            + "claim \"Gibbs\": KL( q(x_0) || p(x_0) ) >= 0\n";
    static final String WRONG = "title \"deliberately wrong\"\nmodel markov states 2..3 steps 1..2\n"
            + "claim \"KL is symmetric\": KL( q(x_0) || p(x_0) ) == KL( p(x_0) || q(x_0) )\n";

    static final String UNEVALUABLE = "title \"not evaluable\"\nmodel gaussian steps 1..1\n"
            + "claim \"a moment\": E_{q(x_0)}[ x_0^2 ] >= 0\n"
            + "claim \"int of abs\": int_{x_1}( abs(x_1) ) >= 0\n";

    @TempDir
    Path dir;

    @Test
    void aConstructThatCannotBeEvaluatedIsNotCheckedInEveryReportAndExitsZeroUnlessStrict() throws Exception {
        Path file = Files.writeString(dir.resolve("unevaluable.prob"), UNEVALUABLE);
        Path reports = dir.resolve("reports");
        CliRunner.Result r = CliRunner.run("check", file.toString(), "--tries", "5", "--report", reports.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS  claim \"a moment\"",
                "NOT CHECKED  claim \"int of abs\" [gaussian] line 4: 5 instances (0 where defined)",
                "not checked: line 4, column 32: abs(x_1): cannot be evaluated on the gaussian family: abs of a variable",
                "PASS: 2 checks, 0 failed, 1 not checked");
        JsonNode json = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
        assertThat(json.get("verdict").asText()).isEqualTo("PASS");
        assertThat(json.get("counts").get("checks").asInt()).isEqualTo(2);
        assertThat(json.get("counts").get("passed").asInt()).isEqualTo(1);
        assertThat(json.get("counts").get("failed").asInt()).isZero();
        assertThat(json.get("counts").get("notChecked").asInt()).isEqualTo(1);
        JsonNode skipped = json.get("checks").get(1);
        assertThat(skipped.get("verdict").asText()).isEqualTo("NOT CHECKED");
        assertThat(skipped.get("reason").asText()).startsWith("line 4, column 32: abs(x_1): cannot be evaluated");
        assertThat(skipped.get("counterexample").isNull()).isTrue();
        assertThat(json.get("checks").get(0).get("reason").isNull()).isTrue();
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve("junit.xml").toFile());
        assertThat(xml.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        Element skip = (Element) xml.getElementsByTagName("skipped").item(0);
        assertThat(skip.getAttribute("message")).startsWith("not checked: line 4, column 32: abs(x_1)");
        assertThat(((Element) skip.getParentNode()).getAttribute("name")).contains("int of abs");
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        assertThat(Files.readString(reports.resolve("summary.md"))).contains("0 failed, 1 not checked",
                "| NOT CHECKED |", "## Not checked", "line 4, column 32: abs(x_1)");

        CliRunner.Result strict = CliRunner.run("check", file.toString(), "--tries", "5", "--strict");
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.FAILS);
        assertThat(strict.err()).as("a strict failure says why").isEqualTo("probity check: " + file
            + ": --strict: 1 NOT CHECKED item counts as a failure" + System.lineSeparator());
        assertThat(verdict(strict.out())).as("the verdict printed agrees with exit code 1")
            .startsWith("FAIL (--strict): 2 checks, 0 failed, 1 not checked")
            .endsWith("; 1 NOT CHECKED item counts as a failure");
        assertThat(strict.out()).doesNotContain("PASS: ");

        Path specs = Files.createDirectories(dir.resolve("specs"));
        Files.writeString(specs.resolve("unevaluable.prob"), UNEVALUABLE);
        CliRunner.Result verify = CliRunner.withCatalog(TestIdentities::passing, "verify", "--tries", "5", "--specs",
                specs.toString(), "--report", dir.resolve("r3").toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("NOT CHECKED unevaluable.prob: claim \"int of abs\" [gaussian]",
                "PASS: 2 of 3 checks hold, 1 not checked");
        CliRunner.Result verifyStrict = CliRunner.withCatalog(TestIdentities::passing, "verify", "--tries", "5",
                "--specs", specs.toString(), "--strict", "--report", dir.resolve("r4").toString());
        assertThat(verifyStrict.exitCode()).isEqualTo(ExitCodes.FAILS);
        assertThat(verdict(verifyStrict.out())).startsWith("FAIL (--strict): 2 of 3 checks hold, 1 not checked")
            .endsWith("; 1 NOT CHECKED item counts as a failure");
    }

    @Test
    void strictFailsADerivationWithANotCheckedRowInItsPrintedVerdictToo() throws IOException {
        Path md = Files.writeString(dir.resolve("nc.md"), "<!-- probity: model markov states 2..3 steps 1..3 -->\n\n"
            + "$$\n\\sum_{\\mathbf{x}_0} q(\\mathbf{x}_0) = 1\n$$\n\n"
            + "$$\n\\log p(\\mathbf{x}_0) \\approx \\frac{1}{N} \\sum_{i=1}^{N} \\log p(\\mathbf{x}_0^{(i)})\n$$\n");
        CliRunner.Result plain = CliRunner.run("check", md.toString(), "--tries", "5");
        assertThat(plain.exitCode()).as(plain.out() + plain.err()).isZero();
        assertThat(verdict(plain.out())).startsWith("PASS: 1 relation checked (1 PASS, 0 FAIL), 1 NOT CHECKED");
        CliRunner.Result strict = CliRunner.run("check", md.toString(), "--tries", "5", "--strict");
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.FAILS);
        assertThat(verdict(strict.out())).as(strict.out())
            .startsWith("FAIL (--strict): 1 relation checked (1 PASS, 0 FAIL), 1 NOT CHECKED")
            .endsWith("; 1 NOT CHECKED item counts as a failure");
    }

    /** The last non-blank line printed. */
    private static String verdict(String out) {
        String[] lines = out.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }

    @Test
    void checkPassesOnAGoodSpec() throws IOException {
        Path good = Files.writeString(dir.resolve("good.prob"), GOOD);
        CliRunner.Result r = CliRunner.run("check", good.toString(), "--tries", "50");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS  claim \"Gibbs\"");
    }

    @Test
    void checkFailsOnAWrongSpecWithTheCounterexampleInTheTerminalAndTheReports() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong.prob"), WRONG);
        Path reports = dir.resolve("reports");
        CliRunner.Result r = CliRunner.run("check", wrong.toString(), "--tries", "50", "--report", reports.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILS);
        assertThat(r.out()).contains("FAIL  claim \"KL is symmetric\"", "line 3", "model instance", "left side", "right side",
                "difference", "tolerance");
        assertCounterexampleInReports(reports, "wrong.prob", "check --seed");
    }

    @Test
    void verifyRunsSpecsAndFailsOnAWrongOne() throws Exception {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Files.writeString(specs.resolve("a-good.prob"), GOOD);
        Files.writeString(specs.resolve("b-wrong.prob"), WRONG);
        Path reports = dir.resolve("reports");
        CliRunner.Result r = CliRunner.withCatalog(TestIdentities::passing, "verify", "--tries", "50", "--specs",
                specs.toString(), "--report", reports.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILS);
        assertThat(r.out()).contains("FAIL b-wrong.prob: claim \"KL is symmetric\" [markov] (spec:b-wrong.prob)",
                "model instance", "left side", "FAIL: ");
        assertCounterexampleInReports(reports, "b-wrong.prob", "check --seed");
        JsonNode json = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
        assertThat(json.get("counts").get("checks").asInt()).isGreaterThanOrEqualTo(3);

        CliRunner.Result only = CliRunner.withCatalog(TestIdentities::passing, "verify", "--tries", "50", "--specs",
                specs.toString(), "--only", "a-good", "--report", dir.resolve("r2").toString());
        assertThat(only.exitCode()).as(only.out()).isZero();
        assertThat(only.out()).contains("a-good.prob").doesNotContain("b-wrong.prob").doesNotContain(TestIdentities.HOLDS);
    }

    private static void assertCounterexampleInReports(Path reports, String file, String replay) throws Exception {
        JsonNode json = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
        assertThat(json.get("verdict").asText()).isEqualTo("FAIL");
        JsonNode failed = null;
        for (JsonNode c : json.get("checks")) {
            if (c.get("verdict").asText().equals("FAIL")) {
                failed = c;
            }
        }
        assertThat(failed).isNotNull();
        assertThat(failed.get("family").asText()).isEqualTo("spec:" + file);
        assertThat(failed.get("counterexample").asText()).contains("model instance", "left side", "seed: ");
        assertThat(failed.get("replay").asText()).contains(replay);
        assertThat(Files.readString(reports.resolve("summary.md"))).contains("## Failures", "model instance", "left side");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reports.resolve("junit.xml").toFile());
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getTextContent()).contains("model instance", "left side", "seed: ");
    }

    @Test
    void parseErrorIsExitTwoWithFileLineColumn() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.prob"), "title \"x\"\nmodel markov\nclaim \"broken\": KL( q(x_0) || ) == 0\n");
        CliRunner.Result r = CliRunner.run("check", bad.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("probity check: " + bad + ":3:31: expected a distribution q(...), p(...) or N(...), found ')'"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();

        Path specs = Files.createDirectories(dir.resolve("specs"));
        Files.copy(bad, specs.resolve("bad.prob"));
        CliRunner.Result v = CliRunner.withCatalog(TestIdentities::passing, "verify", "--specs", specs.toString(),
                "--report", dir.resolve("r").toString());
        assertThat(v.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(v.err()).startsWith("probity verify: " + specs.resolve("bad.prob") + ":3:31: expected").hasLineCount(1);
    }

    @Test
    void missingSpecFileIsExitTwo() {
        Path missing = dir.resolve("missing.prob");
        CliRunner.Result r = CliRunner.run("check", missing.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("probity check: cannot read spec file '" + missing + "': no such file" + System.lineSeparator());
        CliRunner.Result none = CliRunner.run("check");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.err()).isEqualTo("probity check: Missing required parameter: 'FILE' (see 'probity check --help')"
                + System.lineSeparator());
        assertThat(List.of(CliRunner.run("check", "--help").exitCode())).containsExactly(0);
    }
}
