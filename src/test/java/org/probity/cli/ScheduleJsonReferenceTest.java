package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probity.diffusion.ScheduleReference;

/**
 * {@code probity schedule NAME --T N --json} against the 60-digit references of the named schedules
 * ({@link ScheduleReference}; recipe in {@code schedules/make_reference.py} beside the data), for every
 * named schedule of PROTOCOL.md at T ∈ {1, 2, 20, 50, 1000, 4000, 100000} where defined: every
 * printed quantity within {@value #MAX_ULPS} ulps. A T where the schedule is not defined is refused
 * with exit 2 and one line.
 */
class ScheduleJsonReferenceTest {
    static final double MAX_ULPS = 4;
    private static final List<String> PRINTED = List.of("beta", "alphaBar", "oneMinusAlphaBar", "logOneMinusAlphaBar",
        "posteriorVariance", "logPosteriorVariance", "posteriorMeanCoefX0", "posteriorMeanCoefXt", "snr");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> datasets() {
        return ScheduleReference.datasets().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0} T={1}")
    @MethodSource("datasets")
    void jsonMatchesTheReference(String name, int steps) throws IOException {
        ScheduleReference ref = ScheduleReference.load(name, steps);
        CliRunner.Result r = CliRunner.run("schedule", name, "--T", Integer.toString(steps), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // one step per line: line 4 + (t - 1) holds step t
        String[] lines = r.out().split("\n");
        assertThat(JSON.readTree(lines[2].replaceAll(",$", "").replaceFirst("^\\s*", "{") + "}").get("T").asInt())
            .isEqualTo(steps);
        double worst = 0;
        String where = "";
        for (ScheduleReference.Row row : ref.rows()) {
            JsonNode step = JSON.readTree(lines[3 + row.t()].replaceAll(",$", ""));
            assertThat(step.get("t").asInt()).isEqualTo(row.t());
            for (String q : PRINTED) {
                JsonNode v = step.get(q);
                double actual = v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
                double e = ScheduleReference.ulpError(actual, row.value(ref.columns(), q));
                if (!(e <= worst)) {
                    worst = e;
                    where = q + " at t = " + row.t();
                }
            }
        }
        String line = String.format(Locale.ROOT, "schedule %s --T %d --json: max %.3f ulps (%s) over %d steps",
            name, steps, worst, where, ref.rows().size());
        System.out.println("[accuracy] " + line);
        assertThat(worst).as(line).isLessThanOrEqualTo(MAX_ULPS);
    }

    @ParameterizedTest
    @MethodSource("undefined")
    void undefinedLengthsAreRefused(int steps) {
        CliRunner.Result r = CliRunner.run("schedule", "linear_scaled", "--T", Integer.toString(steps), "--json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("probity schedule: T: linear_scaled is defined for T >= 20 (its beta_T = 20/T "
            + "must not exceed 1), got " + steps + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    static Stream<Integer> undefined() {
        return Stream.of(1, 2, 19);
    }
}
