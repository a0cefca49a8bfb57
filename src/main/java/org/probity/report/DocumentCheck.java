package org.probity.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.probity.check.RunConfig;
import org.probity.spec.SpecResult;
import org.probity.spec.latex.DocumentResult;

/**
 * Turns the checked steps and claims of a Markdown/LaTeX derivation into {@link CheckRecord}s, one
 * per row and model family; a row the reader could not check is one NOT CHECKED record with the reason
 * (definitions are not checks and make no record).
 */
public final class DocumentCheck {
    private DocumentCheck() {
    }

    /**
     * @param result the document's result
     * @param file the document
     * @return one record per checked row and family, in document order
     */
    public static List<CheckRecord> records(DocumentResult result, Path file) {
        RunConfig o = result.options();
        String replay = SpecCheck.replay(o, file);
        String base = SpecCheck.baseName(file);
        List<CheckRecord> out = new ArrayList<>();
        long n = result.entries().stream().mapToLong(e -> e.items().size()).sum();
        Duration share = n == 0 ? Duration.ZERO : result.elapsed().dividedBy(n);
        for (DocumentResult.Entry e : result.entries()) {
            if (e.kind() == DocumentResult.Kind.NOT_CHECKED) {
                out.add(new CheckRecord(base + ": " + e.place().describe(), "document:" + base, "row",
                    "line " + e.place().line() + ": " + e.place().latex().strip(), CheckRecord.Outcome.NOT_CHECKED, 0,
                    Double.NaN, "", o.seed(), "", e.detail(), replay, Duration.ZERO));
            }
            for (SpecResult.Item i : e.items()) {
                String what = (e.kind() == DocumentResult.Kind.CHAIN ? "whole chain from " : "") + e.place().describe();
                String counterexample = !i.failed() ? "" : e.render().strip() + "\n      seed: " + i.seed()
                    + "\n      replay with the CLI: " + replay;
                CheckRecord.Outcome outcome = SpecCheck.outcome(i.status());
                out.add(new CheckRecord(base + ": " + what + " [" + i.family() + "]", "document:" + base, i.kind(),
                    "line " + e.place().line() + ": " + e.place().latex().strip(), outcome, i.instances(),
                    i.largestDiscrepancy(), i.tolerance(), i.seed(), counterexample, i.notChecked() ? i.reason() : "",
                    replay, share));
            }
        }
        return out;
    }
}
