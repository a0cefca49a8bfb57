package org.probity.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.probity.report.CheckRecord;
import org.probity.report.TextTable;
import org.probity.report.Verification;

/**
 * Progress of a run: on a terminal one line rewritten in place ({@code [12/40] 11 passed, 1 failed;
 * running X}); otherwise one plain line per finished check, which logs read well.
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
        for (CheckRecord r : records) {
            if (r.passed()) {
                passed++;
            } else {
                failed++;
            }
            if (!terminal) {
                out.printf(Locale.ROOT, "%s  %s (%s): %d instances, largest discrepancy %s, %s%n", r.verdict(), r.name(),
                        r.family(), r.instances(), TextTable.discrepancy(r.largestDiscrepancy()),
                        TextTable.seconds(r.elapsed()));
            }
        }
        if (terminal) {
            redraw();
        } else {
            out.flush();
        }
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
