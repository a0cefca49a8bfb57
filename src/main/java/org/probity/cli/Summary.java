package org.probity.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.probity.math.Counts;
import org.probity.report.CheckRecord;
import org.probity.report.RunReport;
import org.probity.report.TextTable;

/** The terminal summary of a run: the table, every failure in full, the verdict line. */
final class Summary {
    /** Widest name shown in the terminal table (reports keep the whole name). */
    static final int NAME_WIDTH = 80;
    static final int FAMILY_WIDTH = 32;

    private Summary() {
    }

    static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }

    static void print(PrintWriter out, RunReport report) {
        TextTable table = TextTable.of("identity", "family", ">instances", ">largest discrepancy", "tolerance",
                ">worst err/tol", "verdict", ">time");
        for (CheckRecord c : report.checks()) {
            table.row(clip(c.name(), NAME_WIDTH), clip(c.family(), FAMILY_WIDTH), Integer.toString(c.instances()),
                    TextTable.discrepancy(c.largestDiscrepancy()), shortTolerance(c.tolerance()),
                    TextTable.discrepancy(c.worstErrOverTol()), c.verdict(), TextTable.seconds(c.elapsed()));
        }
        out.println();
        out.print(table.render());
        for (CheckRecord c : report.failed()) {
            out.println();
            out.printf(Locale.ROOT, "FAIL %s (%s)%n", c.name(), c.family());
            if (!c.statement().isEmpty()) {
                out.printf(Locale.ROOT, "  statement: %s%n", c.statement());
            }
            out.println(indent(c.counterexample().strip()));
        }
        for (CheckRecord c : report.notChecked()) {
            out.println();
            out.printf(Locale.ROOT, "NOT CHECKED %s (%s)%n", c.name(), c.family());
            out.println(indent(c.reason().strip()));
        }
        out.println();
    }

    /**
     * The last line of verify: PASS or FAIL with the counts; with {@code strict}, a run that passes but has
     * NOT CHECKED items reads {@code FAIL (--strict): ...}, as its exit code 1 says.
     */
    static void verdictLine(PrintWriter out, RunReport report, boolean strict) {
        int skipped = report.notChecked().size();
        String notChecked = skipped == 0 ? "" : String.format(Locale.ROOT, ", %d not checked", skipped);
        if (!report.passed()) {
            out.printf(Locale.ROOT, "FAIL: %d of %s fail%s (seed %d, %s, shard %s, %s)%n",
                    report.failures(), Counts.of(report.checks().size(), "check"), notChecked, report.seed(), tries(report),
                    report.shard(), TextTable.seconds(report.elapsed()));
        } else if (skipped == 0) {
            String all = report.checks().size() == 1 ? "the 1 check holds" : "all " + Counts.of(report.checks().size(), "check") + " hold";
            out.printf(Locale.ROOT, "PASS: %s (seed %d, %s, shard %s, %s)%n",
                    all, report.seed(), tries(report), report.shard(),
                    TextTable.seconds(report.elapsed()));
        } else {
            String line = String.format(Locale.ROOT, "PASS: %d of %s hold%s (seed %d, %s, shard %s, %s)%n",
                    report.passes(), Counts.of(report.checks().size(), "check"), notChecked, report.seed(), tries(report),
                    report.shard(), TextTable.seconds(report.elapsed()));
            out.print(CheckCommand.strictVerdict(line, strict, skipped));
        }
    }

    private static String tries(RunReport report) {
        return Counts.of(report.tries(), "try", "tries");
    }

    /** The tolerance without its rule name in brackets (the reports keep the rule). */
    static String shortTolerance(String t) {
        int bracket = t.indexOf(" [");
        return bracket < 0 ? t : t.substring(0, bracket);
    }

    private static String indent(String s) {
        return "  " + s.replace("\n", "\n  ");
    }
}
