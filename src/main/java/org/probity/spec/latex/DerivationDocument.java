package org.probity.spec.latex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.probity.spec.Spec;
import org.probity.check.RunConfig;
import org.probity.spec.SpecResult;
import org.probity.spec.SpecSyntaxException;
import org.probity.spec.ast.Statement;
import org.probity.spec.latex.internal.DocumentReader;
import org.probity.spec.latex.internal.Fragment;
import org.probity.spec.latex.internal.LatexProblem;
import org.probity.spec.latex.internal.MarkdownSource;
import org.probity.spec.latex.internal.Plan;
import org.probity.spec.latex.internal.TexSource;
import org.probity.spec.internal.SourceFiles;

/**
 * A derivation as researchers write it: Markdown with LaTeX math, or a {@code .tex} file
 * (DERIVATIONS.md). Reading finds every display, splits it into rows, translates the math into the
 * spec AST with Probity's own LaTeX parser, and classifies every row as a step of a chain, a claim,
 * a definition or a row that cannot be checked (with the reason). Immutable.
 *
 * <pre>{@code
 * DerivationDocument doc = DerivationDocument.read(Path.of("derivation.md"));
 * DocumentResult result = doc.check(RunConfig.defaults());
 * System.out.print(result.render());
 * }</pre>
 */
public final class DerivationDocument {
    /** The input formats. */
    public enum Format {
        /** Markdown with {@code $…$}, {@code $$…$$}, {@code \[…\]} math. */
        MARKDOWN,
        /** LaTeX: {@code align}, {@code equation}, {@code multline}, {@code \[…\]}, {@code $…$}. */
        TEX;

        /** The format of a file name's extension (.md, .markdown, .tex, .latex), or null. */
        public static Format ofFileName(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith(".md") || n.endsWith(".markdown")) {
                return MARKDOWN;
            }
            if (n.endsWith(".tex") || n.endsWith(".latex")) {
                return TEX;
            }
            return null;
        }
    }

    private final String fileName;
    private final String source;
    private final Format format;
    private final Plan plan;

    private DerivationDocument(String fileName, String source, Format format, Plan plan) {
        this.fileName = fileName;
        this.source = source;
        this.format = format;
        this.plan = plan;
    }

    /**
     * Reads a file; the format comes from its extension.
     *
     * @throws SpecSyntaxException for an unreadable file, an unknown extension, or malformed LaTeX
     *     ({@code file:line:column: expected ..., found ... in "fragment"})
     */
    public static DerivationDocument read(Path path) {
        Objects.requireNonNull(path, "path");
        Format f = Format.ofFileName(path.toString());
        if (f == null) {
            throw new SpecSyntaxException(path.toString(), 1, 1, "a file ending in .md, .markdown, .tex or .latex",
                "'" + path.getFileName() + "'");
        }
        String text = SourceFiles.read(path);
        return parse(text, path.toString(), f);
    }

    /**
     * Reads source text.
     *
     * @param source the document
     * @param fileName the name used in messages
     * @param format Markdown or TeX
     * @throws SpecSyntaxException at the first malformed formula or option
     */
    public static DerivationDocument parse(String source, String fileName, Format format) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(format, "format");
        List<Fragment> fragments;
        try {
            fragments = format == Format.MARKDOWN ? MarkdownSource.read(source) : TexSource.read(source);
        } catch (LatexProblem p) {
            throw new SpecSyntaxException(fileName, Math.max(1, p.line()), Math.max(1, p.column()), p.getMessage(), p.found());
        }
        Plan plan = DocumentReader.read(fileName, fragments);
        DerivationDocument doc = new DerivationDocument(fileName, source, format, plan);
        doc.specs();
        return doc;
    }

    /** The file name used in messages. */
    public String fileName() {
        return fileName;
    }

    /** The source text. */
    public String source() {
        return source;
    }

    /** Markdown or TeX. */
    public Format format() {
        return format;
    }

    /**
     * Whether the document states anything to check: a claim or step, or a row reported as not
     * checked; false for one holding only prose, notation and definitions.
     */
    public boolean checksSomething() {
        return plan.parts().stream().anyMatch(o -> o instanceof Plan.Unit || o instanceof Plan.Note n && !n.definition());
    }

    /** How the model family was chosen (from the notation and option comments). */
    public List<String> modelReadings() {
        return plan.modelReadings();
    }

    /**
     * Builds one spec per unit (its model, the definitions so far, the unit) and keeps, for a unit whose
     * reading has no meaning in the model families (a definition that names x_5 where T may be 1, …),
     * the reason: that unit is reported NOT CHECKED with it, as any other construct that cannot be
     * evaluated — the document's LaTeX was read, so this is not malformed input.
     */
    private void specs() {
        for (Object o : plan.parts()) {
            if (o instanceof Plan.Unit u) {
                try {
                    spec(u);
                } catch (SpecSyntaxException e) {
                    String uses = u.lets().isEmpty() ? "" : " (with the definitions "
                        + String.join(", ", u.lets().stream().map(Statement.Let::name).toList()) + ")";
                    meaningless.put(u, "not checkable as read" + uses + ": expected " + e.expected() + ", found "
                        + e.found() + namedMatrixHint(u, e.found()));
                }
            }
        }
    }

    /**
     * Where a definition names a matrix ({@code \\Sigma := \\sigma^2 \\mathbf{I}}) and the row uses that name as the M of
     * a quadratic form a^T M b, the reader takes M only as written in the row: the reason says how to write it.
     */
    private static String namedMatrixHint(Plan.Unit u, String found) {
        boolean named = found.startsWith("a matrix: ") && u.lets().stream().map(Statement.Let::name)
            .anyMatch(n -> found.matches("a matrix: -?\\(?" + java.util.regex.Pattern.quote(n) + "\\b.*"));
        return !named ? "" : " (a name defined as a matrix is not read as the M of a^T M b: write M out in the row, "
            + "as \\mathbf{I} or \\operatorname{diag}(...), scaled or inverted, e.g. (\\sigma^2 \\mathbf{I})^{-1})";
    }

    private final java.util.Map<Plan.Unit, String> meaningless = new java.util.IdentityHashMap<>();

    Spec spec(Plan.Unit u) {
        List<Statement> st = new ArrayList<>();
        st.add(u.model());
        u.declarations().stream().filter(d -> d instanceof Statement.Network).forEach(st::add);
        st.addAll(u.lets());
        u.declarations().stream().filter(d -> d instanceof Statement.Assume).forEach(st::add);
        st.add(u.statement());
        try {
            return Spec.of(fileName, source, st);
        } catch (SpecSyntaxException e) {
            Place p = u.steps().get(0).place();
            throw new SpecSyntaxException(fileName, p.line(), p.column(), e.expected(), e.found() + " in \"" + p.latex()
                + "\"");
        }
    }

    /** What a step that fails only for want of full support is told (DERIVATIONS.md, "Model family from notation"). */
    static final String SUPPORT = "holds on finite chains when every probability is > 0, fails without: the step "
        + "needs a support condition (multiplying and dividing by q needs q > 0 wherever the other factor is > 0); "
        + "declare 'positive' in a <!-- probity: model ... positive --> or % probity: comment if the derivation "
        + "assumes full support";

    /**
     * The entries of a unit checked without full support, with {@link #SUPPORT} noted on each step that
     * fails on finite chains there but holds on the same chains with every probability positive.
     */
    private List<DocumentResult.Entry> supportNeeded(Plan.Unit u, List<DocumentResult.Entry> mine, RunConfig options,
                                                     java.time.Duration tryBudget) {
        Statement.Model m = u.model();
        boolean markovFails = mine.stream().anyMatch(e -> e.items().stream()
            .anyMatch(i -> i.failed() && i.family().equals("markov")));
        if (m.positive() || !m.families().contains("markov") || !markovFails) {
            return mine;
        }
        Statement.Model positive = new Statement.Model(java.util.Set.of("markov"), m.statesLo(), m.statesHi(),
            m.stepsLo(), m.stepsHi(), true, m.dimsLo(), m.dimsHi(), m.diagonal(), false, m.stationary(), m.line());
        Plan.Unit full = new Plan.Unit(positive, u.lets(), u.statement(), u.steps(), u.declarations());
        SpecResult r = tryBudget == null ? spec(full).check(options) : spec(full).check(options, tryBudget);
        List<DocumentResult.Entry> withFull = DocumentResult.entries(full, r);
        List<DocumentResult.Entry> out = new ArrayList<>();
        for (int k = 0; k < mine.size(); k++) {
            DocumentResult.Entry e = mine.get(k);
            boolean markovFailed = e.items().stream().anyMatch(i -> i.failed() && i.family().equals("markov"));
            boolean holdsWithFull = k < withFull.size() && withFull.get(k).verdict().equals("PASS");
            if (e.kind() == DocumentResult.Kind.STEP && markovFailed && holdsWithFull) {
                e = new DocumentResult.Entry(e.kind(), e.place(), e.relation(), e.reason(),
                    e.detail() == null ? SUPPORT : e.detail() + "; " + SUPPORT, e.items(), e.readings());
            }
            out.add(e);
        }
        return out;
    }

    /**
     * Checks every claim and step on generated model instances of the families in force.
     *
     * @param options seed, instances per check, shard
     * @return the result, one entry per row in document order
     */
    public DocumentResult check(RunConfig options) {
        return check(options, null);
    }

    /**
     * As {@link #check(RunConfig)}, with a wall-clock budget per try ({@link Spec#check(RunConfig, java.time.Duration)}).
     *
     * @param options seed, instances per check, shard
     * @param tryBudget the budget of one try, or null for the checker's default
     * @return the result, one entry per row in document order
     */
    public DocumentResult check(RunConfig options, java.time.Duration tryBudget) {
        Objects.requireNonNull(options, "options");
        long start = System.nanoTime();
        List<DocumentResult.Entry> entries = new ArrayList<>();
        for (Object o : plan.parts()) {
            if (o instanceof Plan.Note n) {
                entries.add(new DocumentResult.Entry(n.definition() ? DocumentResult.Kind.DEFINITION
                    : DocumentResult.Kind.NOT_CHECKED, n.place(), null, null, n.detail(), List.of(), n.readings()));
                continue;
            }
            Plan.Unit u = (Plan.Unit) o;
            String why = meaningless.get(u);
            if (why != null) {
                for (Plan.StepNote n : u.steps()) {
                    entries.add(new DocumentResult.Entry(DocumentResult.Kind.NOT_CHECKED, n.place(), null, null, why,
                        List.of(), n.readings()));
                }
                continue;
            }
            SpecResult r = tryBudget == null ? spec(u).check(options) : spec(u).check(options, tryBudget);
            List<DocumentResult.Entry> mine = DocumentResult.entries(u, r);
            entries.addAll(supportNeeded(u, mine, options, tryBudget));
        }
        return new DocumentResult(fileName, plan.modelReadings(), inDocumentOrder(entries), options,
            java.time.Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The entries in the order of their rows in the document: the plan lists a chain when it is complete, so a claim
     * or a row NOT CHECKED between its displays came after the chain's last row. A whole chain stays right after its
     * last step. The sort is stable: rows of one line keep their order.
     */
    private static List<DocumentResult.Entry> inDocumentOrder(List<DocumentResult.Entry> entries) {
        record Keyed(DocumentResult.Entry entry, int line, int column, int after) { }
        List<Keyed> keyed = new ArrayList<>();
        for (DocumentResult.Entry e : entries) {
            Keyed previous = keyed.isEmpty() ? null : keyed.get(keyed.size() - 1);
            keyed.add(e.kind() == DocumentResult.Kind.CHAIN && previous != null
                ? new Keyed(e, previous.line(), previous.column(), 1)
                : new Keyed(e, e.place().line(), e.place().column(), 0));
        }
        keyed.sort(java.util.Comparator.comparingInt(Keyed::line).thenComparingInt(Keyed::column)
            .thenComparingInt(Keyed::after));
        return keyed.stream().map(Keyed::entry).toList();
    }
}
