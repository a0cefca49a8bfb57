package org.probity.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.probity.spec.SpecOptions;
import org.probity.spec.SpecResult;
import org.probity.spec.latex.DocumentResult;

/**
 * Turns the checked steps and claims of a Markdown/LaTeX derivation into {@link CheckRecord}s, one
 * per row and model family (definitions and not-checkable rows are not checks and make no record).
 */
public final class DocumentCheck {
    private static final String REPLAY = "probity check --seed %d --tries %d%s %s";

    private DocumentCheck() {
    }

    /**
     * @param result the document's result
     * @param file the document
     * @return one record per checked row and family, in document order
     */
    public static List<CheckRecord> records(DocumentResult result, Path file) {
        SpecOptions o = result.options();
        String shard = o.shardCount() > 1 ? " --shard " + (o.shardIndex() + 1) + "/" + o.shardCount() : "";
        String replay = String.format(Locale.ROOT, REPLAY, o.seed(), o.tries(), shard, file);
        String base = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        List<CheckRecord> out = new ArrayList<>();
        long n = result.entries().stream().mapToLong(e -> e.items().size()).sum();
        Duration share = n == 0 ? Duration.ZERO : result.elapsed().dividedBy(n);
        for (DocumentResult.Entry e : result.entries()) {
            for (SpecResult.Item i : e.items()) {
                String what = (e.kind() == DocumentResult.Kind.CHAIN ? "whole chain from " : "") + e.place().describe();
                String counterexample = i.passed() ? "" : e.render().strip() + "\n      seed: " + i.seed()
                    + "\n      replay with the CLI: " + replay;
                out.add(new CheckRecord(base + ": " + what + " [" + i.family() + "]", "document:" + base, i.kind(),
                    "line " + e.place().line() + ": " + e.place().latex().strip(), i.passed(), i.instances(),
                    i.largestDiscrepancy(), i.tolerance(), i.seed(), counterexample, replay, share));
            }
        }
        return out;
    }
}
