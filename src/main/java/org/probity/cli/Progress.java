package org.probity.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.probity.math.Counts;
import org.probity.report.CheckRecord;
import org.probity.report.TextTable;

/**
 * Progress of a run: on a terminal one line rewritten in place ({@code [12/40] 11 passed, 1 failed;
 * running X}); otherwise one plain line per finished identity or spec file, which logs read well.
 */
final class Progress implements Verification.Listener {
    private final PrintWriter out;
    private final boolean terminal;
    private final int total;
    private final Set<String> running = new LinkedHashSet<>();
    private int finished;
    private int failed;
    private int passed;

    private Progress(PrintWriter out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    static Progress forOutput(PrintWriter out, boolean terminal, int total) {
        return new Progress(out, terminal, total);
    }

    @Override
    public void started(Verification.Task task) {
        running.add(task.label());
        if (terminal) {
            redraw();
        }
    }

    @Override
    public void finished(Verification.Task task, List<CheckRecord> records) {
        running.remove(task.label());
        finished++;
        long bad = records.stream().filter(CheckRecord::failed).count();
        passed += records.stream().filter(CheckRecord::passed).count();
        failed += bad;
        if (terminal) {
            redraw();
            return;
        }
        String verdict = bad == 0 ? "PASS" : "FAIL";
        if (records.size() == 1) {
            CheckRecord r = records.get(0);
            out.printf(Locale.ROOT, "[%d/%d] %s  %s (%s): %s, largest discrepancy %s, %s%n", finished, total,
                    r.verdict(), r.name(), r.family(), Counts.of(r.instances(), "instance"), TextTable.discrepancy(r.largestDiscrepancy()),
                    TextTable.seconds(r.elapsed()));
        } else {
            long skipped = records.stream().filter(CheckRecord::notChecked).count();
            out.printf(Locale.ROOT, "[%d/%d] %s  %s: %s, %d failed%s%n", finished, total, verdict, task.label(),
                    Counts.of(records.size(), "check"), bad, skipped == 0 ? "" : ", " + skipped + " not checked");
        }
        out.flush();
    }

    /** Clears the progress line (terminal) before the summary is printed. */
    void done() {
        if (terminal) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    private void redraw() {
        String now = running.isEmpty() ? "" : "; running " + String.join(", ", running);
        String line = String.format(Locale.ROOT, "[%d/%d] %d passed, %d failed%s", finished, total, passed, failed, now);
        if (line.length() > 110) {
            line = line.substring(0, 107) + "...";
        }
        out.print("\r\033[K" + line);
        out.flush();
    }
}
