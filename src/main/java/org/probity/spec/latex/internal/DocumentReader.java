package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.probity.spec.Spec;
import org.probity.spec.SpecSyntaxException;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Statement;
import org.probity.spec.ast.VarItem;
import org.probity.spec.latex.Place;

/**
 * Reads the fragments of a document into a {@link Plan} (DERIVATIONS.md, "What a document means"):
 * collects the rows of each display into chains (aligned rows, and consecutive displays on the same
 * left-hand side), with reasons, definitions (:=, a fresh symbol on the left, "is defined as" /
 * "定义为" before the display) and not-checkable rows. The model family comes from
 * {@link ModelInference} (the notation and option comments), the assumptions in force from
 * {@link Assumptions}; {@link RowTranslator} translates and places the rows; each
 * {@link DerivationChain} turns its runs of checkable steps into units.
 */
public final class DocumentReader {
    private static final Pattern DEFINED_WORDS = Pattern.compile("(?i)(is defined as|defined as|we define|define|"
        + "denote|定义为|定义|记为|记作)[\\s:：,，]*$");
    private static final Pattern NETWORK_OPTION = Pattern.compile("network\\s+([A-Za-z][A-Za-z0-9_]*)\\s*\\(([^)]*)\\)\\s*");
    private static final Pattern PROBABILISTIC = Pattern.compile("[pq](_\\{?\\\\(theta|phi)\\}?)?\\s*\\(|\\\\mathbb\\{E\\}|"
        + "D_\\{|\\\\mathrm\\{KL\\}|H\\(|\\\\int|\\\\sum|\\\\prod|\\\\log|\\\\mathcal\\{N\\}|L_|\\\\bar\\\\alpha|\\\\beta_");

    private final String file;
    private final ReadingContext ctx = new ReadingContext();
    private final List<Statement.Let> lets = new ArrayList<>();
    private final List<DerivationChain> chains = new ArrayList<>();
    private final List<Object> parts = new ArrayList<>();
    private final ModelInference models;
    private final RowTranslator translator;
    private final Assumptions assumptions;

    private DocumentReader(String file, List<Fragment> fragments) {
        this.file = file;
        this.models = ModelInference.infer(file, fragments, ctx);
        this.translator = new RowTranslator(file, ctx);
        this.assumptions = new Assumptions(file, ctx, translator, parts);
    }

    /**
     * Reads the fragments.
     *
     * @throws SpecSyntaxException {@code file:line:column: expected ..., found ... in "fragment"} for malformed LaTeX or options
     */
    public static Plan read(String file, List<Fragment> fragments) {
        DocumentReader r = new DocumentReader(file, fragments);
        int display = 0;
        for (Fragment f : fragments) {
            if (f.kind() == Fragment.Kind.OPTION) {
                r.option(f);
            } else {
                if (f.kind() == Fragment.Kind.DISPLAY) {
                    display++;
                }
                r.fragment(f, f.kind() == Fragment.Kind.DISPLAY ? display : 0);
            }
        }
        for (DerivationChain c : r.chains) {
            c.close(r.models.model(), r.lets, r.parts, r.networks());
        }
        r.parts.sort(Comparator.comparingInt(DocumentReader::lineOf).thenComparingInt(DocumentReader::columnOf));
        return new Plan(r.parts, r.models.readings());
    }

    /**
     * The networks declared or recognised so far (each unit keeps those it uses: a declared network
     * makes a spec gaussian-only).
     */
    private List<Statement> networks() {
        return new ArrayList<>(ctx.networks.values());
    }

    /**
     * An option comment: {@code network NAME(x, t)} declares a network, {@code assume LHS == RHS} (the
     * {@code .prob} form) an assumption, anything else is a model line (which ends the assumptions).
     */
    private void option(Fragment f) {
        String text = f.math().text().replace(";", " ").strip();
        if (text.startsWith("network")) {
            java.util.regex.Matcher m = NETWORK_OPTION.matcher(f.math().text().strip());
            if (!m.matches()) {
                throw new SpecSyntaxException(file, f.line(), f.column(), "network NAME(x, ..., t)", "'" + text + "'");
            }
            List<String> params = new ArrayList<>();
            for (String w : m.group(2).split(",")) {
                if (!w.isBlank()) {
                    params.add(w.strip());
                }
            }
            ctx.networks.put(m.group(1), new Statement.Network(m.group(1), params, f.line()));
            return;
        }
        if (text.startsWith("assume")) {
            assumptions.option(f);
            return;
        }
        models.option(f);
        ctx.vdm = models.model().vdm();
        assumptions.clear();
    }

    private static Place placeOf(Object o) {
        if (o instanceof Plan.Note n) {
            return n.place();
        }
        return ((Plan.Unit) o).steps().get(0).place();
    }

    private static int lineOf(Object o) {
        return placeOf(o).line();
    }

    private static int columnOf(Object o) {
        return placeOf(o).column() + placeOf(o).row() * 0;
    }

    // ------------------------------------------------------------------ fragments and rows

    private void fragment(Fragment f, int display) {
        String text = f.math().text();
        List<Rows.Row> rows;
        try {
            rows = Rows.rows(text);
        } catch (LatexProblem p) {
            throw translator.syntax(f, p);
        }
        boolean inline = display == 0;
        if (inline && (rows.stream().allMatch(r -> r.relations().isEmpty()) || !PROBABILISTIC.matcher(text).find())) {
            return;
        }
        boolean definedByWords = DEFINED_WORDS.matcher(f.proseBefore().replace("⟨math⟩", "").strip()).find()
            && (display > 0 || f.proseBefore().strip().endsWith("⟨math⟩") == false);
        if (Assumptions.introducedBy(f.proseBefore()) && rows.stream().anyMatch(r -> !r.relations().isEmpty())) {
            assumptions.rows(f, display, rows, text);
            return;
        }
        DerivationChain current = null;
        List<VarItem> mentionedHere = new ArrayList<>();
        for (Rows.Row row : rows) {
            Place place = RowTranslator.place(f, display, row, text);
            List<LatexToken> all = new ArrayList<>(row.lhs());
            row.rhs().forEach(all::addAll);
            List<VarItem> vars = Distributions.mentioned(all, text, ctx);
            mentionedHere.addAll(vars);
            if (row.relations().isEmpty()) {
                continue;
            }
            if (row.continues()) {
                if (current == null && !inline && !chains.isEmpty()) {
                    current = chains.get(chains.size() - 1);
                }
                if (current == null) {
                    parts.add(new Plan.Note(false, place, "a row that starts with a relation, with nothing before it",
                        List.of()));
                    continue;
                }
            } else {
                DerivationChain linked = current == null && !inline ? linkable(row.lhs(), text) : null;
                if (linked != null) {
                    // the display restates the chain's left side: its relation is checked from that side
                    // (not from the previous display's right side), as a new run of the same chain
                    current = linked;
                    breakAt(current);
                    current.last = translator.translate(f, row.lhs(), text, vars);
                    current.segmentStart = null;
                    current.continuing = "continues display " + current.place.display()
                        + ": its left side restated, so checked from that side (not from the last right side)";
                } else {
                    current = new DerivationChain(key(row.lhs(), text), place);
                    current.start = translator.translate(f, row.lhs(), text, vars);
                    current.last = current.start;
                    current.startTokens = row.lhs();
                    current.named = Symbols.symbol(row.lhs(), text) != null;
                    current.inline = inline;
                    chains.add(current);
                }
            }
            for (int k = 0; k < row.relations().size(); k++) {
                Rows.Relation rel = row.relations().get(k);
                List<LatexToken> rhs = row.rhs().get(k);
                String reason = k == row.relations().size() - 1 ? row.reason() : null;
                if (reason == null && rel.label() != null) {
                    reason = labelReason(rel.label(), f.proseAfter());
                }
                link(f, current, rel, rhs, text, vars, place, reason, definedByWords && k == 0);
            }
            Object[] range = translator.range(row);
            if (range != null) {
                current.range = range;
            }
        }
        translator.mentioned(mentionedHere);
        if (inline) {
            current = null;
        }
    }

    private static String labelReason(String label, String after) {
        String l = label.replaceAll("\\\\text\\s*\\{|[{}]", "").strip();
        int i = after.indexOf(l);
        if (i < 0) {
            return l;
        }
        String rest = after.substring(i + l.length()).strip();
        int end = rest.indexOf('\n');
        for (String stop : new String[] {". ", "。", "；", ";"}) {
            int j = rest.indexOf(stop);
            end = j >= 0 && (end < 0 || j < end) ? j : end;
        }
        return l + " " + (end < 0 ? rest : rest.substring(0, end)).replaceAll("^[:：,，\\s]+", "").strip();
    }

    /** The most recent chain on the same left-hand side that a display may continue. */
    private DerivationChain linkable(List<LatexToken> lhs, String text) {
        String key = key(lhs, text);
        for (int i = chains.size() - 1; i >= 0; i--) {
            DerivationChain c = chains.get(i);
            if (c.inline) {
                continue;
            }
            if (c.key.equals(key)) {
                return c.allEqual && c.last instanceof Expr ? c : null;
            }
            if (c.named) {
                return null;
            }
        }
        return null;
    }

    private static String key(List<LatexToken> toks, String text) {
        StringBuilder sb = new StringBuilder();
        for (LatexToken t : toks) {
            sb.append(t.text());
        }
        return sb.toString();
    }

    private static boolean hasDots(List<LatexToken> toks) {
        return toks.stream().anyMatch(t -> t.is("\\dots") || t.is("\\cdots") || t.is("\\ldots"))
            && toks.stream().noneMatch(t -> t.is("\\int") || t.is("\\sum"));
    }

    private static boolean hasSamples(List<LatexToken> toks) {
        for (int i = 0; i + 2 < toks.size(); i++) {
            if (toks.get(i).is("^") && (toks.get(i + 1).is("(") || toks.get(i + 1).is("{") && toks.get(i + 2).is("("))) {
                return true;
            }
        }
        return false;
    }

    private void link(Fragment f, DerivationChain chain, Rows.Relation rel, List<LatexToken> rhs, String text, List<VarItem> vars,
                      Place place, String reason, boolean definedByWords) {
        Object prev = chain.last;
        boolean first = chain.links == 0;
        chain.links++;
        String sym = rel.symbol();
        String uncheckable = Relations.UNCHECKABLE.get(sym);
        List<String> readings;
        if (uncheckable != null) {
            Object e = translator.translate(f, rhs, text, vars);
            String detail = uncheckable;
            List<LatexToken> both = new ArrayList<>(chain.startTokens);
            both.addAll(rhs);
            if (hasSamples(both)) {
                detail += "; an estimator over samples x^{(i)}";
            }
            parts.add(new Plan.Note(false, place, detail, List.of()));
            breakAt(chain);
            chain.last = e;
            chain.allEqual = false;
            return;
        }
        String name = first ? Symbols.symbol(chain.startTokens, text) : null;
        boolean definition = Relations.DEFINITIONS.contains(sym) || sym.equals(":=");
        boolean fresh = name != null && !ctx.defined.contains(name) && !ctx.unreadable.containsKey(name);
        if (first && fresh && (definition || sym.equals("="))) {
            Object e = translator.translate(f, rhs, text, vars);
            readings = List.copyOf(ctx.readings());
            if (e instanceof Expr x) {
                ctx.defined.add(name);
                lets.add(new Statement.Let(name, x, place.line()));
                parts.add(new Plan.Note(true, place, name + " := " + Spec.notation(x), readings));
            } else {
                ctx.unreadable.put(name, (String) e);
                parts.add(new Plan.Note(true, place, name + " := (not read: " + e + ")", readings));
            }
            chain.last = e;
            chain.segmentStart = e instanceof Expr ? e : null;
            return;
        }
        String relation = Relations.CLAIMS.get(sym);
        List<VarItem> over = List.of();
        if ("propto".equals(relation)) {
            if (!rhs.isEmpty() && rhs.get(0).is("_")) {
                int close = rhs.get(1).is("{") ? Symbols.closing(rhs, 1) : 1;
                List<LatexToken> sub = rhs.get(1).is("{") ? rhs.subList(2, close) : rhs.subList(1, 2);
                rhs = rhs.subList(close + 1, rhs.size());
                try {
                    chain.proptoOver = Distributions.variables(sub, text, ctx);
                } catch (LatexProblem p) {
                    if (p.kind() == LatexProblem.Kind.SYNTAX) {
                        throw translator.syntax(f, p);
                    }
                }
            }
            if (chain.proptoOver == null && chain.start instanceof Expr.Density d) {
                chain.proptoOver = d.targets();
            }
            over = chain.proptoOver == null ? List.of() : chain.proptoOver;
        }
        String note = null;
        if (relation == null) {
            relation = "==";
            note = "a definition of an expression that has a meaning already: checked against it";
        } else if (definedByWords && first) {
            note = "stated as a definition, of an expression that has a meaning already: checked against it";
        }
        Object e = translator.translate(f, rhs, text, vars);
        readings = List.copyOf(ctx.readings());
        if (chain.continuing != null) {
            readings = new ArrayList<>(readings);
            readings.add(0, chain.continuing);
            chain.continuing = null;
        }
        if ("propto".equals(relation) && over.isEmpty() && e instanceof Expr) {
            e = "∝ between expressions whose variables are not known: write \\propto_{\\mathbf{x}_{t-1}}, or start "
                + "the chain from a density (the variables of ∝ are its left-hand variables)";
        } else if ("propto".equals(relation)) {
            String s = Spec.notation(new Expr.Density(false, over, List.of()));
            readings = new ArrayList<>(readings);
            readings.add("∝ read as proportional in " + s.substring(2, s.length() - 1) + " (a factor constant in "
                + "them may differ)");
        }
        if (!sym.equals("=") && !definition) {
            chain.allEqual = false;
        }
        if (!(prev instanceof Expr) || !(e instanceof Expr)) {
            String why = !(prev instanceof Expr) ? (String) prev : (String) e;
            if (hasDots(rhs) || hasDots(chain.startTokens) && first) {
                why = "a notation line (it spells out a sequence with \\dots)";
            }
            String side = !(prev instanceof Expr) ? "the expression before the relation" : "the expression after it";
            parts.add(new Plan.Note(false, place, why + (prev instanceof Expr || e instanceof Expr ? " (" + side + ")" : ""),
                readings));
            breakAt(chain);
            chain.last = e;
            return;
        }
        Statement.Model model = models.model();
        if (chain.segmentModel != null
            && (chain.segmentModel != model || !assumptions.inForce().equals(chain.segmentAssumptions))) {
            breakAt(chain);
        }
        if (chain.segmentStart == null) {
            chain.segmentStart = prev;
        }
        if (chain.segmentModel == null) {
            // also after a definition began the run (L := A, then L = B): the model in force at its first step
            chain.segmentModel = model;
            chain.segmentAssumptions = assumptions.inForce();
        }
        org.probity.spec.ast.Relation r = "propto".equals(relation) ? org.probity.spec.ast.Relation.PROPTO
            : org.probity.spec.ast.Relation.of(relation);
        chain.steps.add(new Statement.Step(r, (Expr) e, reason, place.line(), place.latex(), over));
        chain.notes.add(new Plan.StepNote(place, sym, reason, readings, note));
        chain.last = e;
    }

    /** Ends the chain's current run of steps here, with the model in force and the definitions so far. */
    private void breakAt(DerivationChain chain) {
        chain.breakAt(models.model(), lets, parts, networks());
    }

}
