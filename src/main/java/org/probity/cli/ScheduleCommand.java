package org.probity.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.probity.math.ShortestDouble;
import org.probity.report.Charts;
import org.probity.report.ScheduleProfile;
import org.probity.report.ScheduleSummary;
import org.probity.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code probity schedule}: a research sanity report on a noise schedule, or its reference table. */
@Command(name = "schedule", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sanity report on a noise schedule: ᾱ_T, SNR at both ends, the prior term L_T in bits/dim "
                + "for data in [-1, 1], a zero-terminal-SNR warning, monotonicity and clipped steps.",
                "With --json: the per-step reference table (shortest round-trip doubles)."})
final class ScheduleCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME|FILE",
            description = "linear (Ho et al.'s fixed ends 1e-4..0.02 for every T), linear_scaled (improved-diffusion: "
                    + "ends times 1000/T, T >= 20), scaled_linear, cosine or sigmoid (optionally with the suffix -zero-snr), "
                    + "or a file of beta values: one per line ('#' comments allowed) or a JSON array.")
    private String schedule;

    @Option(names = {"--T", "-T"}, paramLabel = "N", converter = Converters.Steps.class,
            description = "Number of steps of a named schedule, 1 to " + ScheduleInput.MAX_STEPS + " (default 1000).")
    private Integer steps;

    @Option(names = "--zero-snr", description = "Rescale to zero terminal SNR (Lin et al. 2024, Algorithm 1).")
    private boolean zeroSnr;

    @Option(names = "--json", description = "Print, for t = 1..T, beta, abar, 1 - abar, log(1 - abar), the posterior "
            + "variance and its log (t >= 2), both posterior mean coefficients and SNR, as shortest round-trip doubles.")
    private boolean json;

    @Option(names = "--charts", paramLabel = "DIR", description = "Also write the log-SNR and VLB-term charts (PNG) to DIR.")
    private Path charts;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScheduleInput.Resolved r = ScheduleInput.resolve(schedule, steps, zeroSnr);
        if (charts != null) {
            TextFiles.prepareDirectory("the charts", charts);
        }
        ScheduleProfile profile = ScheduleProfile.of(r.name(), r.schedule());
        if (json) {
            out.print(profile.json());
        } else {
            print(out, profile, r.definition());
        }
        if (charts != null) {
            try {
                List<String> files = Charts.write(List.of(profile.curve()), charts);
                (json ? spec.commandLine().getErr() : out).printf(Locale.ROOT, "charts: %s (%s)%n", charts, String.join(", ", files));
            } catch (IOException e) {
                throw TextFiles.cannotWrite("the charts", charts, e);
            }
        }
        out.flush();
        return ExitCodes.HOLDS;
    }

    static void print(PrintWriter out, ScheduleProfile profile, String definition) {
        ScheduleSummary s = profile.summary();
        int n = s.steps();
        out.printf(Locale.ROOT, "schedule: %s%n", s.name());
        if (definition != null) {
            out.printf(Locale.ROOT, "  definition             %s%n", definition);
        }
        out.printf(Locale.ROOT, "  ᾱ_T                    %s%n", ShortestDouble.toString(s.alphaBarT()));
        out.printf(Locale.ROOT, "  SNR_1                  %s   (log SNR_1 = %s)%n", ShortestDouble.toString(s.snrFirst()),
                ShortestDouble.toString(profile.schedule().logSnr(1)));
        out.printf(Locale.ROOT, "  SNR_T                  %s   (log SNR_T = %s)%n", ShortestDouble.toString(s.snrLast()),
                ShortestDouble.toString(profile.schedule().logSnr(n)));
        out.printf(Locale.ROOT, "  L_T, bits/dim          %s averaged over x_0 uniform on [-1, 1]; %s at |x_0| = 1%n",
                TextTable.number(s.priorKlBitsMean()), TextTable.number(s.priorKlBitsEdge()));
        if (s.zeroTerminalSnr()) {
            out.println("  terminal SNR           zero: x_T carries no signal (L_T = 0); ε-prediction is degenerate "
                    + "at t = T, predict v or x_0 there (Lin et al. 2024)");
        } else {
            out.printf(Locale.ROOT, "  WARNING: terminal SNR is not zero (SNR_T = %s): training never sees pure noise at "
                    + "t = T, but sampling starts from N(0, 1) (Lin et al. 2024); --zero-snr rescales%n",
                    TextTable.number(s.snrLast()));
        }
        out.printf(Locale.ROOT, "  monotonic              β_t non-decreasing: %s; ᾱ_t strictly decreasing: %s%n",
                s.betaNonDecreasing() ? "yes" : "no (first decrease at t = " + s.firstBetaDecrease() + ")",
                s.alphaBarDecreasing() ? "yes" : stall(profile, s.firstAlphaBarStall()));
        if (s.clippedSteps().isEmpty()) {
            out.printf(Locale.ROOT, "  clipped steps          none (no β_t = %s, %s)%n", ScheduleSummary.BETA_CLIP, clip(s.name()));
        } else {
            out.printf(Locale.ROOT, "  clipped steps          %d with β_t = %s (%s): t = %s%n", s.clippedSteps().size(),
                    ScheduleSummary.BETA_CLIP, clip(s.name()), steps(s.clippedSteps()));
        }
    }

    /**
     * What β_t = 0.999 is for the schedule {@code name}: the cosine schedule clips its β there (Nichol &amp; Dhariwal
     * 2021, §3.2), and Probity's sigmoid schedule does the same in its definition ({@code Schedules.sigmoid}); a
     * linear schedule or a file of β values has no clip, and 0.999 is then only the value those two clip to.
     */
    static String clip(String name) {
        String formula = "β_t = min(1 − ᾱ_t/ᾱ_{t−1}, " + ScheduleSummary.BETA_CLIP + ")";
        if (name.startsWith("cosine")) {
            return "the cosine schedule's clip " + formula + ", Nichol & Dhariwal 2021, §3.2";
        }
        if (name.startsWith(ScheduleInput.SIGMOID)) {
            return "the sigmoid schedule's clip " + formula + ", as in its definition";
        }
        return "the largest β_t of the cosine and sigmoid schedules, which clip there";
    }

    /** "no (ᾱ_2 = ᾱ_1 = 0.0)": the first step where ᾱ does not decrease (β ≤ 1 keeps it from rising). */
    private static String stall(ScheduleProfile profile, int t) {
        return String.format(Locale.ROOT, "no (ᾱ_%d = ᾱ_%d = %s)", t, t - 1,
                ShortestDouble.toString(profile.schedule().alphaBar(t)));
    }

    private static String steps(List<Integer> ts) {
        if (ts.size() <= 8) {
            return ts.toString().replaceAll("[\\[\\]]", "");
        }
        return ts.subList(0, 4).toString().replaceAll("[\\[\\]]", "") + ", ..., " + ts.get(ts.size() - 1);
    }
}
