package org.probity.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.probity.check.RunConfig;
import org.probity.spec.SpecResult;

/**
 * Turns the spec checker's result for one {@code .prob} file (the front end runs the checker) into
 * records: one {@link CheckRecord} per claim, derivation step and whole chain (per model family).
 * The spec checker reports one time for the whole file; each record gets an equal share of it.
 */
public final class SpecCheck {
    private static final String REPLAY = "probity check --seed %d --tries %d%s %s";

    private SpecCheck() {
    }

    /**
     * @param result the checker's result
     * @param file   the file it checked
     * @return one record per item
     */
    public static List<CheckRecord> records(SpecResult result, Path file) {
        RunConfig o = result.options();
        String replay = replay(o, file);
        String base = baseName(file);
        List<SpecResult.Item> items = result.items();
        Duration share = items.isEmpty() ? Duration.ZERO : result.elapsed().dividedBy(items.size());
        List<CheckRecord> out = new ArrayList<>();
        for (SpecResult.Item i : items) {
            String counterexample = !i.failed() ? "" : i.render().strip() + "\n      seed: " + i.seed()
                    + "\n      replay with the CLI: " + replay;
            CheckRecord.Outcome outcome = outcome(i.status());
            out.add(new CheckRecord(base + ": " + i.name() + " [" + i.family() + "]", "spec:" + base, i.kind(),
                    "line " + i.line() + ": " + i.text().strip(), outcome, i.instances(), i.largestDiscrepancy(),
                    i.tolerance(), i.seed(), counterexample, i.notChecked() ? i.reason() : "", replay, share));
        }
        return out;
    }

    /** The command that reruns exactly this check of {@code file} (seed, tries and shard of the run). */
    static String replay(RunConfig o, Path file) {
        String shard = o.shard().isWhole() ? "" : " --shard " + o.shard();
        return String.format(Locale.ROOT, REPLAY, o.seed(), o.tries(), shard, file);
    }

    /** The file's name without its directories, as the records name it. */
    static String baseName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** The record outcome of a spec item's status. */
    static CheckRecord.Outcome outcome(SpecResult.Status status) {
        return switch (status) {
            case PASS -> CheckRecord.Outcome.PASS;
            case FAIL -> CheckRecord.Outcome.FAIL;
            case NOT_CHECKED -> CheckRecord.Outcome.NOT_CHECKED;
        };
    }
}
