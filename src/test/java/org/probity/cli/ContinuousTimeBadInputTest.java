package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A malformed integral over time in a Markdown derivation (docs/derivations.md, "Continuous time"): exit 2
 * and one line naming FILE:LINE:COLUMN, the value and what was expected, never a stack trace.
 */
class ContinuousTimeBadInputTest {
    private static final String VDM = "# t\n\n<!-- probity: model gaussian vdm steps 1..2 -->\n\n$$\n";

    private static void refused(Path dir, String name, String latex, String line) throws IOException {
        Path md = Files.writeString(dir.resolve(name), VDM + latex + "\n$$\n");
        CliRunner.Result r = CliRunner.run("check", md.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("probity check: " + md + line + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void noDifferentialALimitOutsideTheUnitIntervalAndAnUnknownVariable(@TempDir Path dir) throws IOException {
        refused(dir, "nodt.md", "-\\frac{1}{2} \\int_0^1 \\mathrm{SNR}'(t) = 1", ":6:39: expected a differential dt (\\, dt "
            + "or \\mathrm{d}t) after the integrand of \\int_a^b, found the end of the formula in \"}{2} "
            + "\\int_0^1 \\mathrm{SNR}'(t) = 1\"");
        refused(dir, "limit.md", "\\int_0^{1.5} \\mathrm{SNR}'(t) \\, dt = 1", ":6:9: expected a limit of the integral "
            + "over time in [0, 1] (a time of the continuous schedule), found 1.5 in \"\\int_0^{1.5} \\mathrm{SNR}'(t) "
            + "\\, dt =\"");
        refused(dir, "var.md", "\\int_0^1 \\gamma'(u) \\, dt = 1", ":6:18: expected a time: a number in [0, 1], i/T, t "
            + "or s of the grid (t(i) = i/T, s(i) = (i - 1)/T), or the variable of an enclosing integral, found 'u' in "
            + "\"\\int_0^1 \\gamma'(u) \\, dt = 1\"");
    }
}
