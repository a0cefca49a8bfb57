package org.probity.report;

import org.probity.check.Shard;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlTest {
    private static CheckRecord record(String name, String family, boolean passed, String counterexample) {
        return new CheckRecord(name, family, "identity", "a < b & c > d", passed, 10, 1e-16, "4 ulps", 5,
                counterexample, "probity verify --seed 5 --only '" + name + "'", Duration.ofMillis(12));
    }

    @Test
    void markupAndControlCharactersSurviveAsText() throws Exception {
        String nasty = "counterexample: <x & \"y\"> ]]> \u0001 bell \u0007 end";
        RunReport report = new RunReport("verify", "test", 5, 10, Shard.WHOLE,
                List.of(record("a \"quoted\" <name>", "fam&ily", false, nasty), record("ok", "other", true, "")),
                List.of(), Duration.ofSeconds(1));
        String xml = JUnitXml.render(report);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("counterexample: <x & \"y\"> ]]>  bell  end");
        assertThat(failure.getAttribute("type")).isEqualTo(JUnitXml.FAILURE_TYPE);
        assertThat(failure.getTextContent()).contains("<x & \"y\"> ]]>", "seed: 5", "replay: probity verify --seed 5");
        Element testcase = (Element) failure.getParentNode();
        assertThat(testcase.getAttribute("name")).isEqualTo("a \"quoted\" <name>");
        assertThat(testcase.getAttribute("classname")).isEqualTo("probity.fam&ily");
        Element suite = (Element) testcase.getParentNode();
        assertThat(suite.getAttribute("tests")).isEqualTo("1");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("0.012");
    }

    @Test
    void markdownEscapesTableCellsAndShowsFailures() {
        RunReport report = new RunReport("verify", "test", 5, 10, Shard.parse("2/3"),
                List.of(record("a|b", "f", false, "counterexample: 0.1\nmore")), List.of(), Duration.ofSeconds(1));
        String md = MarkdownSummary.render(report, List.of("log-snr.png"));
        assertThat(md).contains("| a\\|b | f | 10 |", "**FAIL**", "shard 2/3", "```\ncounterexample: 0.1\nmore\n```",
                "![log-snr.png](log-snr.png)");
    }

    @Test
    void textTableAlignsColumns() {
        String t = TextTable.of("name", ">n").row("a", "1").row("long name", "100").render();
        assertThat(t).isEqualTo("name         n\n---------  ---\na            1\nlong name  100\n");
        assertThat(TextTable.number(0.0046819)).isEqualTo("0.004682");
        assertThat(TextTable.number(2.9113e-5)).isEqualTo("2.911e-05");
        assertThat(TextTable.discrepancy(Double.NaN)).isEqualTo("-");
        assertThat(TextTable.discrepancy(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    }
}
