package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class VerifyCommandTest {
    /** An empty directory: these tests are about the catalog side (SpecCommandsTest covers specs). */
    private static final String NO_SPECS = "target/no-specs-here";

    static {
        try {
            Files.createDirectories(Path.of(NO_SPECS));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TempDir
    Path dir;

    @Test
    void passingCatalogExitsZeroPrintsTheTableAndWritesReports() throws IOException {
        CliRunner.Result r = CliRunner.withCatalog(TestIdentities::passing, "verify", "--specs", NO_SPECS, "--tries", "50", "--report", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("identity", "family", "instances", "largest discrepancy", "tolerance", "verdict", "time")
                .contains(TestIdentities.HOLDS).contains("PASS: the 1 check holds (seed " + VerifyCommand.DEFAULT_SEED);
        assertThat(dir.resolve("summary.json")).exists();
        assertThat(dir.resolve("summary.md")).exists();
        assertThat(dir.resolve("junit.xml")).exists();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(json.get("verdict").asText()).isEqualTo("PASS");
        assertThat(json.get("checks").get(0).get("instances").asInt()).isEqualTo(50);
    }

    @Test
    void aBrokenIdentityExitsOneWithTheCounterexampleInTheTerminalAndEveryReport() throws Exception {
        CliRunner.Result r = CliRunner.withCatalog(TestIdentities::withBroken, "verify", "--specs", NO_SPECS, "--tries", "100", "--seed", "7",
                "--report", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILS);
        String replay = "probity verify --seed 7 --tries 100 --only " + TestIdentities.BROKEN + " --replay ";
        assertThat(r.out()).contains("FAIL " + TestIdentities.BROKEN, "counterexample", "exp(x) - 1 = expm1(x)", "4 ulps",
                replay, "FAIL: 1 of 2 checks fail (seed 7");

        JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(json.get("verdict").asText()).isEqualTo("FAIL");
        JsonNode failed = json.get("checks").get(1);
        assertThat(failed.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(failed.get("seed").asLong()).isEqualTo(7);
        assertThat(failed.get("counterexample").asText()).contains("counterexample", "4 ulps");
        assertThat(failed.get("replay").asText()).startsWith(replay);

        String md = Files.readString(dir.resolve("summary.md"));
        assertThat(md).contains("# Probity verify: FAIL", "### " + TestIdentities.BROKEN, "Seed 7", replay, "counterexample");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("2");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        NodeList failures = xml.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element failure = (Element) failures.item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo(TestIdentities.BROKEN);
        assertThat(failure.getAttribute("message")).isNotBlank();
        assertThat(failure.getTextContent()).contains("counterexample", "seed: 7", replay);
    }

    @Test
    void theReplayCommandAFailurePrintsReproducesTheShrunkInput() {
        CliRunner.Result first = CliRunner.withCatalog(TestIdentities::withBroken, "verify", "--specs", NO_SPECS, "--tries", "100", "--seed", "7",
                "--report", dir.resolve("a").toString());
        String line = first.out().lines().filter(l -> l.contains("replay with the CLI: ")).findFirst().orElseThrow();
        String[] args = line.substring(line.indexOf("probity verify") + "probity ".length()).split(" ");
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(List.of("--specs", NO_SPECS, "--report", dir.resolve("b").toString()));
        CliRunner.Result again = CliRunner.withCatalog(TestIdentities::withBroken, argv.toArray(String[]::new));
        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILS);
        assertThat(again.out()).contains("replayed one input", "FAILED on the input of the replay token (no seed",
                "counterexample (replayed from the token, as recorded)", "seed: none (the replay token holds the input")
                .doesNotContain("shrunk in 0 steps");
    }

    @Test
    void theSameSeedGivesByteIdenticalSummaryJsonApartFromTimings() throws IOException {
        String a = summaryWithoutTimings("11", dir.resolve("a"));
        String b = summaryWithoutTimings("11", dir.resolve("b"));
        assertThat(a).isEqualTo(b);
        String c = summaryWithoutTimings("12", dir.resolve("c"));
        assertThat(c).isNotEqualTo(a);
    }

    private String summaryWithoutTimings(String seed, Path out) throws IOException {
        CliRunner.Result r = CliRunner.withCatalog(TestIdentities::withBroken, "verify", "--specs", NO_SPECS, "--tries", "100", "--seed", seed,
                "--jobs", "2", "--report", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILS);
        String json = Files.readString(out.resolve("summary.json"));
        assertThat(json).contains("\"timing\"");
        // The documented timing fields: every "timing" object and nothing else.
        return json.replaceAll("\"timing\" : \\{\\s*\"seconds\" : [0-9.eE-]+\\s*}", "\"timing\" : {}");
    }

    @Test
    void shardsTogetherCoverExactlyTheWholeRun() {
        Queue<Double> whole = new ConcurrentLinkedQueue<>();
        CliRunner.Result r = CliRunner.withCatalog(() -> List.of(TestIdentities.recording(whole)), "verify", "--specs", NO_SPECS, "--tries", "101",
                "--report", dir.resolve("whole").toString());
        assertThat(r.exitCode()).isZero();
        List<Double> union = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Queue<Double> part = new ConcurrentLinkedQueue<>();
            CliRunner.Result s = CliRunner.withCatalog(() -> List.of(TestIdentities.recording(part)), "verify", "--specs", NO_SPECS, "--tries", "101",
                    "--shard", i + "/3", "--report", dir.resolve("shard" + i).toString());
            assertThat(s.exitCode()).isZero();
            assertThat(part).hasSizeBetween(33, 34);
            union.addAll(part);
        }
        assertThat(whole).hasSize(101);
        assertThat(union).containsExactlyInAnyOrderElementsOf(whole);
    }

    @Test
    void listPrintsNamesAndFamilies() {
        CliRunner.Result r = CliRunner.withCatalog(TestIdentities::withBroken, "verify", "--specs", NO_SPECS, "--list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(TestIdentities.HOLDS, TestIdentities.BROKEN, "test");
    }

    @Test
    void onlySelectsByName() {
        CliRunner.Result r = CliRunner.withCatalog(TestIdentities::withBroken, "verify", "--specs", NO_SPECS, "--only", TestIdentities.HOLDS,
                "--tries", "20", "--report", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).doesNotContain(TestIdentities.BROKEN);
    }
}
