package org.probity.report;

import java.util.List;
import java.util.Locale;
import org.probity.math.Counts;

/**
 * Renders a {@link RunReport} as {@code summary.md}: the verdict, the summary table (identity,
 * family, instances, largest discrepancy, tolerance, worst err/tol, verdict, time), every failure with its seed,
 * shrunk counterexample and replay command, the schedules examined and links to the charts.
 */
public final class MarkdownSummary {
    private MarkdownSummary() {
    }

    /**
     * @param report the run
     * @param charts file names of the charts written next to the summary (may be empty)
     * @return the Markdown text
     */
    public static String render(RunReport report, List<String> charts) {
        StringBuilder b = new StringBuilder();
        b.append("# Probity ").append(report.command()).append(": ")
                .append(report.passed() ? "PASS" : "FAIL").append("\n\n");
        b.append(String.format(Locale.ROOT, "%d checked, %d passed, %d failed%s. Seed %d, %s per property, shard %s, %s.%n%n",
                report.checks().size(), report.passes(), report.failures(),
                report.notChecked().isEmpty() ? "" : ", " + report.notChecked().size() + " not checked",
                report.seed(), Counts.of(report.tries(), "try", "tries"), report.shard(),
                TextTable.seconds(report.elapsed())));
        b.append("| identity | family | instances | largest discrepancy | tolerance | worst err/tol | verdict | time |\n");
        b.append("| --- | --- | ---: | ---: | --- | ---: | --- | ---: |\n");
        for (CheckRecord c : report.checks()) {
            b.append("| ").append(cell(c.name())).append(" | ").append(cell(c.family())).append(" | ")
                    .append(c.instances()).append(" | ").append(TextTable.discrepancy(c.largestDiscrepancy()))
                    .append(" | ").append(cell(c.tolerance())).append(" | ")
                    .append(TextTable.discrepancy(c.worstErrOverTol())).append(" | ")
                    .append(c.failed() ? "**FAIL**" : c.verdict()).append(" | ").append(TextTable.seconds(c.elapsed()))
                    .append(" |\n");
        }
        if (report.failures() > 0) {
            b.append("\n## Failures\n");
            for (CheckRecord c : report.failed()) {
                b.append("\n### ").append(c.name()).append("\n\n");
                b.append(c.statement().isEmpty() ? "" : "Statement: `" + c.statement().replace('`', '\'') + "`\n\n");
                b.append("Seed ").append(c.seed()).append(". Replay: `").append(c.replay()).append("`\n\n");
                b.append("```\n").append(c.counterexample().strip()).append("\n```\n");
            }
        }
        if (!report.notChecked().isEmpty()) {
            b.append("\n## Not checked\n\n");
            for (CheckRecord c : report.notChecked()) {
                b.append("- ").append(cell(c.name())).append(": ").append(cell(c.reason())).append('\n');
            }
        }
        if (!report.schedules().isEmpty()) {
            b.append("\n## Noise schedules\n\n");
            b.append("| schedule | T | ᾱ_T | SNR_1 | SNR_T | L_T bits/dim (mean, \\|x₀\\|=1) | β non-decreasing | clipped steps |\n");
            b.append("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
            for (ScheduleSummary s : report.schedules()) {
                b.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s, %s | %s | %s |%n", cell(s.name()), s.steps(),
                        TextTable.number(s.alphaBarT()), TextTable.number(s.snrFirst()), TextTable.number(s.snrLast()),
                        TextTable.number(s.priorKlBitsMean()), TextTable.number(s.priorKlBitsEdge()),
                        s.betaNonDecreasing() ? "yes" : "no (t = " + s.firstBetaDecrease() + ")",
                        s.clippedSteps().isEmpty() ? "none" : s.clippedSteps().toString()));
            }
        }
        if (!charts.isEmpty()) {
            b.append("\n## Charts\n\n");
            for (String chart : charts) {
                b.append("![").append(chart).append("](").append(chart).append(")\n\n");
            }
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
