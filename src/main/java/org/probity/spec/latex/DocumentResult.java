package org.probity.spec.latex;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.probity.check.RunConfig;
import org.probity.math.Counts;
import org.probity.spec.SpecResult;
import org.probity.spec.latex.internal.Plan;

/**
 * What checking a document found: one {@link Entry} per step, claim, whole chain, definition and
 * not-checkable row, in document order. {@link #render()} is what {@code probity check FILE.md} prints.
 */
public final class DocumentResult {
    /** What an entry is. */
    public enum Kind {
        /** A step of a chain or a claim, checked on the model families. */
        STEP,
        /** The relation of a whole chain (first expression to last). */
        CHAIN,
        /** A definition (a name for an expression); not a claim. */
        DEFINITION,
        /** A row the model families cannot evaluate, with the reason. */
        NOT_CHECKED
    }

    /**
     * One row's result.
     *
     * @param kind step, chain, definition or not checked
     * @param place the display, row and source line
     * @param relation the author's relation symbol (null for notes)
     * @param reason the author's reason for the step (\quad\text, \tag, \overset label), or null
     * @param detail for a note: the definition or the reason it is not checked; for a step: a remark or null
     * @param items the checker's results, one per model family
     * @param readings what the reader inferred for this row (bare E_q, bare arguments, index ranges)
     */
    public record Entry(Kind kind, Place place, String relation, String reason, String detail,
                        List<SpecResult.Item> items, List<String> readings) {
        public Entry {
            items = List.copyOf(items);
            readings = List.copyOf(readings);
        }

        /** PASS, FAIL, NOT CHECKED or DEFINITION. */
        public String verdict() {
            switch (kind) {
                case DEFINITION:
                    return "DEFINITION";
                case NOT_CHECKED:
                    return "NOT CHECKED";
                default:
                    if (items.stream().anyMatch(SpecResult.Item::failed)) {
                        return "FAIL";
                    }
                    return items.stream().anyMatch(SpecResult.Item::passed) ? "PASS" : "NOT CHECKED";
            }
        }

        /** Whether a check failed. */
        public boolean failed() {
            return verdict().equals("FAIL");
        }

        /** The multi-line rendering. */
        public String render() {
            StringBuilder sb = new StringBuilder();
            String head = kind == Kind.CHAIN ? "whole chain from " + place.describe() : place.describe();
            sb.append(String.format(Locale.ROOT, "%-12s %s: %s", verdict(), head, oneLine(place.latex())));
            if (reason != null) {
                sb.append("   [").append(reason).append(']');
            }
            if (kind == Kind.DEFINITION || kind == Kind.NOT_CHECKED) {
                sb.append("\n             ").append(detail);
            } else if (detail != null) {
                sb.append("\n             note: ").append(detail);
            }
            for (String r : readings) {
                sb.append("\n             reading: ").append(r);
            }
            for (SpecResult.Item i : items) {
                sb.append(String.format(Locale.ROOT, "\n             %s %s: %s", i.family(),
                    i.status().label(), Counts.of(i.instances(), "instance")));
                if (i.defined() < i.instances()) {
                    sb.append(String.format(Locale.ROOT, " (%d where defined)", i.defined()));
                }
                sb.append(", largest discrepancy ").append(Double.isNaN(i.largestDiscrepancy()) ? "n/a"
                    : String.format(Locale.ROOT, "%.3g", i.largestDiscrepancy()));
                if (!i.tolerance().isEmpty()) {
                    sb.append(" (tolerance ").append(i.tolerance()).append(')');
                }
                if (!i.method().equals("exact")) {
                    sb.append("\n               ").append(i.method());
                }
                if (i.notChecked()) {
                    sb.append("\n               ").append(i.reason());
                } else if (i.failed()) {
                    sb.append("\n               ").append(i.counterexample().replace("\n", "\n               "));
                }
            }
            return sb.toString();
        }

        private static String oneLine(String s) {
            String t = s.replaceAll("\\s+", " ").strip();
            return t.length() > 160 ? t.substring(0, 157) + "..." : t;
        }
    }

    private final String fileName;
    private final List<String> modelReadings;
    private final List<Entry> entries;
    private final RunConfig options;
    private final Duration elapsed;

    DocumentResult(String fileName, List<String> modelReadings, List<Entry> entries, RunConfig options,
                   Duration elapsed) {
        this.fileName = fileName;
        this.modelReadings = List.copyOf(modelReadings);
        this.entries = List.copyOf(entries);
        this.options = options;
        this.elapsed = elapsed;
    }

    /** Entries of one checked unit: each step's items (per family), then the whole chain's. */
    static List<Entry> entries(Plan.Unit u, SpecResult r) {
        List<Entry> out = new ArrayList<>();
        List<SpecResult.Item> steps = r.items().stream().filter(i -> !i.kind().equals("chain")).toList();
        List<SpecResult.Item> chain = r.items().stream().filter(i -> i.kind().equals("chain")).toList();
        int n = u.steps().size();
        for (int k = 0; k < n; k++) {
            List<SpecResult.Item> mine = new ArrayList<>();
            for (int j = k; j < steps.size(); j += n) {
                mine.add(steps.get(j));
            }
            Plan.StepNote s = u.steps().get(k);
            out.add(new Entry(Kind.STEP, s.place(), s.relation(), s.reason(), s.note(), mine, s.readings()));
        }
        if (!chain.isEmpty()) {
            Place first = u.steps().get(0).place();
            Place last = u.steps().get(n - 1).place();
            Place p = new Place(first.display(), first.row(), first.line(), first.column(), "to " + last.describe());
            out.add(new Entry(Kind.CHAIN, p, chain.get(0).relation(), null, null, chain, List.of()));
        }
        return out;
    }

    /** The document's name. */
    public String fileName() {
        return fileName;
    }

    /** How the model family was chosen. */
    public List<String> modelReadings() {
        return modelReadings;
    }

    /** Every entry in document order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The options of the run. */
    public RunConfig options() {
        return options;
    }

    /** Wall-clock time of the check. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Whether no check failed (not-checked rows and definitions do not fail). */
    public boolean passed() {
        return entries.stream().noneMatch(Entry::failed);
    }

    /**
     * Whether at least one step, claim or chain was checked (PASS or FAIL). A document whose every
     * relation was NOT CHECKED checked nothing, and a check of nothing must not pass.
     */
    public boolean checkedSomething() {
        return count("PASS") + count("FAIL") > 0;
    }

    /** Where the first row NOT CHECKED is, or null when there is none. */
    public Place firstNotChecked() {
        return entries.stream().filter(e -> e.verdict().equals("NOT CHECKED")).map(Entry::place).findFirst().orElse(null);
    }

    /** 0 when something was checked and nothing failed, 1 when a check failed, 2 when nothing was checked. */
    public int exitCode() {
        return exitCode(false);
    }

    /** As {@link #exitCode()}, and with {@code strict} also 1 when a row could not be checked (definitions aside). */
    public int exitCode(boolean strict) {
        if (!passed()) {
            return 1;
        }
        if (!checkedSomething()) {
            return 2;
        }
        return strict && count("NOT CHECKED") > 0 ? 1 : 0;
    }

    /** The number of rows NOT CHECKED (definitions aside). */
    public long notChecked() {
        return count("NOT CHECKED");
    }

    private long count(String verdict) {
        return entries.stream().filter(e -> e.verdict().equals(verdict)).count();
    }

    /**
     * The report text. Its last line counts twice, since each relation (step, claim, whole chain) is checked once
     * per model family: the relations by their row verdict, then the checks, one per relation and family (a row
     * that could not be read is one check), which is what {@code probity verify} and the reports count.
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(fileName).append(" (").append(options).append(")\n");
        for (String m : modelReadings) {
            sb.append(m).append('\n');
        }
        for (Entry e : entries) {
            sb.append(e.render()).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%s: %s checked (%d PASS, %d FAIL), %d NOT CHECKED, %s; %s, %d ms",
            !passed() ? "FAIL" : checkedSomething() ? "PASS" : "NOTHING CHECKED (a check of nothing cannot pass)",
            Counts.of(count("PASS") + count("FAIL"), "relation"), count("PASS"), count("FAIL"), count("NOT CHECKED"),
            Counts.of(count("DEFINITION"), "definition"), checks(), elapsed.toMillis()));
        return sb.toString();
    }

    /** "n checks on the markov and gaussian families (p PASS, f FAIL, k NOT CHECKED)": one per relation and family. */
    private String checks() {
        long pass = 0;
        long fail = 0;
        long notChecked = 0;
        java.util.Set<String> families = new java.util.LinkedHashSet<>();
        for (Entry e : entries) {
            if (e.kind() == Kind.NOT_CHECKED) {
                notChecked++;
            }
            for (SpecResult.Item i : e.items()) {
                families.add(i.family());
                pass += i.passed() ? 1 : 0;
                fail += i.failed() ? 1 : 0;
                notChecked += i.notChecked() ? 1 : 0;
            }
        }
        List<String> names = List.copyOf(families);
        String on = names.isEmpty() ? "" : " on the " + (names.size() == 1 ? names.get(0)
            : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1))
            + " " + Counts.noun(names.size(), "family", "families");
        return String.format(Locale.ROOT, "%s%s (%d PASS, %d FAIL, %d NOT CHECKED)", Counts.of(pass + fail + notChecked,
            "check"), on, pass, fail, notChecked);
    }

    @Override
    public String toString() {
        return render();
    }
}
