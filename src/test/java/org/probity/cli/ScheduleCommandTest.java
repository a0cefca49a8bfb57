package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.Schedules;

class ScheduleCommandTest {
    @TempDir
    Path dir;

    private static void assertBadInput(CliRunner.Result r, String line) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo(line + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void namedScheduleReport() {
        CliRunner.Result r = CliRunner.run("schedule", "cosine", "--T", "1000");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("schedule: cosine (T = 1000)", "ᾱ_T", "SNR_1", "SNR_T", "L_T, bits/dim",
                "WARNING: terminal SNR is not zero", "clipped steps          1 with β_t = 0.999 (the cosine schedule's clip "
                + "β_t = min(1 − ᾱ_t/ᾱ_{t−1}, 0.999), Nichol & Dhariwal 2021, §3.2): t = 1000", "β_t non-decreasing: yes")
                .doesNotContain("abar_T");
        CliRunner.Result z = CliRunner.run("schedule", "scaled-linear-zero-snr");
        assertThat(z.out()).contains("zero terminal SNR", "terminal SNR           zero").doesNotContain("WARNING");
        CliRunner.Result flag = CliRunner.run("schedule", "scaled-linear", "--zero-snr");
        assertThat(flag.out()).isEqualTo(z.out());
    }

    @Test
    void everyNamedScheduleStatesItsDefinition() {
        for (String name : new String[] {"linear", "linear_scaled", "scaled_linear", "cosine", "sigmoid"}) {
            CliRunner.Result r = CliRunner.run("schedule", name, "--T", "50");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).as(name).containsPattern("(?m)^  definition             \\S.*; \\S");
        }
        // sigmoid is not a protocol schedule but printed its report without the line the others have
        assertThat(CliRunner.run("schedule", "sigmoid").out()).contains("  definition             abar(t) = (s(3) - s(-3 + 6t/T)) / "
            + "(s(3) - s(-3)), s the logistic function, beta_t = min(1 - abar(t)/abar(t-1), 0.999)", "Chen 2023");
    }

    @Test
    void theClipIsNamedForTheScheduleThatHasIt() {
        // the sigmoid schedule clips at 0.999 too; its report said "(the cosine clip)"
        CliRunner.Result sigmoid = CliRunner.run("schedule", "sigmoid");
        assertThat(sigmoid.out()).contains("clipped steps          1 with β_t = 0.999 (the sigmoid schedule's clip "
            + "β_t = min(1 − ᾱ_t/ᾱ_{t−1}, 0.999), as in its definition): t = 1000", "  ᾱ_T    ").doesNotContain("cosine");
        CliRunner.Result linear = CliRunner.run("schedule", "linear");
        assertThat(linear.out()).contains("clipped steps          none (no β_t = 0.999, the largest β_t of the cosine "
            + "and sigmoid schedules, which clip there)");
    }

    @Test
    void bothLinearConventionsAreNamed() {
        // Ho et al.'s fixed ends at every T, and improved-diffusion's ends scaled by 1000/T: equal only at T = 1000
        CliRunner.Result ho = CliRunner.run("schedule", "linear", "--T", "50");
        assertThat(ho.out()).contains("schedule: linear (T = 50)", "Ho et al.'s fixed ends for every T",
                "improved-diffusion scales them by 1000/T: linear_scaled");
        CliRunner.Result scaled = CliRunner.run("schedule", "linear_scaled", "--T", "50");
        assertThat(scaled.out()).contains("schedule: linear_scaled (T = 50)", "Ho's ends times 1000/T, defined for T >= 20");
        assertThat(Schedules.linear(50).beta(50)).isEqualTo(0.02);
        assertThat(Schedules.linearScaled(50).beta(50)).isEqualTo(0.4);
        assertThat(Schedules.linearScaled(1000).betas()).containsExactly(Schedules.linear(1000).betas());
        assertThat(CliRunner.run("schedule", "scaled-linear").out())
                .isEqualTo(CliRunner.run("schedule", "scaled_linear").out());
    }

    @Test
    void fileOfLinesAndJsonArrayGiveTheSameTable() throws IOException {
        Path lines = Files.writeString(dir.resolve("betas.txt"), "# three steps\n0.1\n\n0.2  # comment\n0.5\n");
        Path json = Files.writeString(dir.resolve("betas.json"), "[0.1, 0.2, 5e-1]");
        CliRunner.Result a = CliRunner.run("schedule", lines.toString(), "--json");
        CliRunner.Result b = CliRunner.run("schedule", json.toString(), "--json");
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(a.out().replace(lines.toString(), "F")).isEqualTo(b.out().replace(json.toString(), "F"));
        CliRunner.Result text = CliRunner.run("schedule", lines.toString());
        assertThat(text.out()).contains("β_t non-decreasing: yes");
    }

    @Test
    void jsonTableRoundTripsExactly() throws IOException {
        CliRunner.Result r = CliRunner.run("schedule", "linear", "--T", "50", "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        NoiseSchedule s = Schedules.linear(50);
        assertThat(root.get("T").asInt()).isEqualTo(50);
        JsonNode steps = root.get("steps");
        assertThat(steps.size()).isEqualTo(50);
        for (int t = 1; t <= 50; t++) {
            JsonNode row = steps.get(t - 1);
            assertThat(row.get("t").asInt()).isEqualTo(t);
            assertThat(row.get("beta").asDouble()).isEqualTo(s.beta(t));
            assertThat(row.get("alphaBar").asDouble()).isEqualTo(s.alphaBar(t));
            assertThat(row.get("oneMinusAlphaBar").asDouble()).isEqualTo(s.oneMinusAlphaBar(t));
            assertThat(row.get("logOneMinusAlphaBar").asDouble()).isEqualTo(s.logOneMinusAlphaBar(t));
            assertThat(row.get("posteriorVariance").asDouble()).isEqualTo(s.posteriorVariance(t));
            assertThat(row.get("posteriorMeanCoefX0").asDouble()).isEqualTo(s.posteriorMeanCoefX0(t));
            assertThat(row.get("posteriorMeanCoefXt").asDouble()).isEqualTo(s.posteriorMeanCoefXt(t));
            assertThat(row.get("snr").asDouble()).isEqualTo(s.snr(t));
            if (t >= 2) {
                assertThat(row.get("logPosteriorVariance").asDouble()).isEqualTo(s.logPosteriorVariance(t));
            } else {
                // log 0: the string "-Infinity", as conformance.json and summary.json write it (was null)
                assertThat(row.get("logPosteriorVariance").isTextual()).isTrue();
                assertThat(row.get("logPosteriorVariance").asText()).isEqualTo("-Infinity");
            }
        }
    }

    @Test
    void chartsAreWritten() {
        CliRunner.Result r = CliRunner.run("schedule", "cosine", "--charts", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("log-snr.png")).isNotEmptyFile();
        assertThat(dir.resolve("vlb-terms.png")).isNotEmptyFile();
    }

    @Test
    void missingFile() {
        assertBadInput(CliRunner.run("schedule", dir.resolve("nope.txt").toString()),
                "probity schedule: cannot read schedule file '" + dir.resolve("nope.txt") + "': no such file");
    }

    @Test
    void malformedLine() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.txt"), "0.1\n0.2\nzero point three\n");
        assertBadInput(CliRunner.run("schedule", f.toString()),
                "probity schedule: " + f + ":3: expected a beta value, a number in (0, 1], found 'zero point three'");
    }

    @Test
    void betaOutOfRangeAndNaN() throws IOException {
        Path f = Files.writeString(dir.resolve("range.txt"), "0.1\n1.5\n");
        assertBadInput(CliRunner.run("schedule", f.toString()),
                "probity schedule: " + f + ":2: expected a beta value, a number in (0, 1], found '1.5'");
        Path g = Files.writeString(dir.resolve("nan.txt"), "0.1\nNaN\n");
        assertBadInput(CliRunner.run("schedule", g.toString()),
                "probity schedule: " + g + ":2: expected a beta value, a number in (0, 1], found 'NaN'");
        Path z = Files.writeString(dir.resolve("zero.json"), "[0.1, 0]");
        assertBadInput(CliRunner.run("schedule", z.toString()),
                "probity schedule: " + z + ": element 2 of the JSON array: expected a beta value, a number in (0, 1], found 0");
    }

    @Test
    void malformedJsonAndEmptyFile() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.json"), "[0.1, 0.2,\n 0.3");
        CliRunner.Result r = CliRunner.run("schedule", f.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("probity schedule: " + f + ":2:").contains("expected a JSON array of beta values")
                .hasLineCount(1);
        Path e = Files.writeString(dir.resolve("empty.txt"), "# nothing\n\n");
        assertBadInput(CliRunner.run("schedule", e.toString()),
                "probity schedule: " + e + ": expected at least one beta value, found none");
    }

    @Test
    void unknownNameAndBadSteps() throws IOException {
        assertBadInput(CliRunner.run("schedule", "cosin"),
                "probity schedule: unknown schedule 'cosin' (expected one of linear, linear_scaled, scaled_linear, cosine, sigmoid, "
                        + "optionally with the suffix -zero-snr, or a file of beta values)");
        assertBadInput(CliRunner.run("schedule", "linear", "--T", "0"),
                "probity schedule: Invalid value for option '--T': expected a whole number in [1, 100000], got '0' (see 'probity schedule --help')");
        Path f = Files.writeString(dir.resolve("b.txt"), "0.1\n");
        assertBadInput(CliRunner.run("schedule", f.toString(), "--T", "10"),
                "probity schedule: option '--T' applies to named schedules; the file '" + f + "' has its own steps");
        assertBadInput(CliRunner.run("schedule"),
                "probity schedule: Missing required parameter: 'NAME|FILE' (see 'probity schedule --help')");
    }
}
