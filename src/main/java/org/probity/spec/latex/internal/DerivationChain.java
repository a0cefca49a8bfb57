package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.List;
import org.probity.spec.Spec;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Statement;
import org.probity.spec.latex.Place;

/**
 * A chain of expressions being read (aligned rows, or consecutive displays on the same left-hand
 * side), and how its checkable runs of steps become units of a {@link Plan}: a run whose
 * expressions share a free index (or a single step) becomes one claim per step, quantified over the
 * index's range ({@link FreeIndex}); any other run becomes one derivation from its first expression.
 * A run ends where the chain breaks (a row that cannot be read, a relation that cannot be checked,
 * another model) and when the document ends.
 */
final class DerivationChain {
    /** The left-hand side as written, by which a later display continues this chain. */
    final String key;
    final Place place;
    /** The first expression (an {@link Expr}, or the reason it was not read). */
    Object start;
    List<LatexToken> startTokens = List.of();
    /** Whether the left-hand side is a bare symbol (a later display on another side does not continue past it). */
    boolean named;
    boolean inline;
    /** Whether every relation so far is = or a definition (only such a chain is continued by a later display). */
    boolean allEqual = true;
    int links;
    /** The reading for the next step when a later display restated this chain's left side; else null. */
    String continuing;
    /** The last expression (an {@link Expr}, or the reason it was not read). */
    Object last;
    Object segmentStart;
    Statement.Model segmentModel;
    /** The assumptions in force when the current run began. */
    List<Statement.Assume> segmentAssumptions;
    /** The variables of the chain's ∝ steps (the targets of the density it starts from, or written under \propto). */
    List<org.probity.spec.ast.VarItem> proptoOver;
    /** An index range written after a row ({@code \quad t = 2, \dots, T}): index, first and last value; else null. */
    Object[] range;
    final List<Statement.Step> steps = new ArrayList<>();
    final List<Plan.StepNote> notes = new ArrayList<>();

    DerivationChain(String key, Place place) {
        this.key = key;
        this.place = place;
    }

    private static boolean names(CharSequence text, String name, String after) {
        return java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])" + java.util.regex.Pattern.quote(name) + after)
            .matcher(text).find();
    }

    /** The run's expressions in .prob notation. */
    private String runText() {
        StringBuilder text = new StringBuilder(Spec.notation((Expr) segmentStart));
        steps.forEach(st -> text.append(' ').append(Spec.notation(st.expr())));
        return text.toString();
    }

    /** The definitions the run uses, directly or through other definitions, in document order. */
    private List<Statement.Let> usedLets(List<Statement.Let> lets) {
        StringBuilder text = new StringBuilder(runText());
        java.util.Set<Statement.Let> used = new java.util.HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Statement.Let l : lets) {
                if (!used.contains(l) && names(text, l.name(), "(?![A-Za-z0-9_])")) {
                    used.add(l);
                    text.append(' ').append(Spec.notation(l.value()));
                    grew = true;
                }
            }
        }
        return lets.stream().filter(used::contains).toList();
    }

    /** The networks that the run's expressions or the definitions name. */
    private List<Statement> used(List<Statement> networks, List<Statement.Let> lets) {
        if (networks.isEmpty()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder(runText());
        lets.forEach(l -> text.append(' ').append(Spec.notation(l.value())));
        List<Statement> out = new ArrayList<>();
        for (Statement n : networks) {
            if (names(text, ((Statement.Network) n).name(), "\\(")) {
                out.add(n);
            }
        }
        return out;
    }

    /** Ends the current run here (as {@link #close}); the next step starts a new run. */
    void breakAt(Statement.Model model, List<Statement.Let> lets, List<Object> parts, List<Statement> declarations) {
        close(model, lets, parts, declarations);
        segmentStart = null;
    }

    /**
     * Adds the current run of steps to {@code parts} as units checked on the run's model (else
     * {@code model}) with the definitions read so far, and starts a new run at the last expression.
     */
    void close(Statement.Model model, List<Statement.Let> lets, List<Object> parts, List<Statement> networks) {
        if (steps.isEmpty()) {
            return;
        }
        Expr s = (Expr) segmentStart;
        Statement.Model m = segmentModel == null ? model : segmentModel;
        List<Statement.Let> letsSoFar = List.copyOf(lets);
        letsSoFar = usedLets(letsSoFar);
        List<Statement> declarations = new ArrayList<>(used(networks, letsSoFar));
        if (segmentAssumptions != null) {
            declarations.addAll(segmentAssumptions);
        }
        List<Expr> all = new ArrayList<>();
        all.add(s);
        steps.forEach(st -> all.add(st.expr()));
        String index = FreeIndex.of(all);
        if (range != null && steps.size() > 1) {
            Place p0 = notes.get(0).place();
            List<Plan.StepNote> withRange = new ArrayList<>();
            for (Plan.StepNote n : notes) {
                List<String> readings = new ArrayList<>(n.readings());
                readings.add(range[0] + " ranges over " + Spec.notation((Expr) range[1]) + ".."
                    + Spec.notation((Expr) range[2]) + " (as written after the row)");
                withRange.add(new Plan.StepNote(n.place(), n.relation(), n.reason(), readings, n.note()));
            }
            Statement.Derive d = new Statement.Derive("chain from " + p0.describe(), (String) range[0], (Expr) range[1],
                (Expr) range[2], s, null, steps, p0.line(), p0.latex());
            parts.add(new Plan.Unit(m, letsSoFar, d, withRange, declarations));
        } else if (index != null || steps.size() == 1 || range != null) {
            Expr prev = s;
            for (int k = 0; k < steps.size(); k++) {
                Statement.Step st = steps.get(k);
                Plan.StepNote note = notes.get(k);
                Expr[] over = index == null ? null : FreeIndex.range(index, prev, st.expr());
                String idx = index;
                List<String> readings = new ArrayList<>(note.readings());
                if (range != null) {
                    idx = (String) range[0];
                    over = new Expr[] {(Expr) range[1], (Expr) range[2]};
                    readings.add(idx + " ranges over " + Spec.notation(over[0]) + ".." + Spec.notation(over[1])
                        + " (as written after the row)");
                } else if (over != null) {
                    readings.add(index + " ranges over " + Spec.notation(over[0]) + ".." + Spec.notation(over[1])
                        + " (where every variable index is in 0..T and distinct variables stay distinct)");
                }
                Statement.Claim c = new Statement.Claim(note.place().describe(), over == null ? null : idx,
                    over == null ? null : over[0], over == null ? null : over[1], prev, st.relation(), st.expr(),
                    st.line(), st.text(), st.over());
                parts.add(new Plan.Unit(m, letsSoFar, c, List.of(new Plan.StepNote(note.place(), note.relation(),
                    note.reason(), readings, note.note())), declarations));
                prev = st.expr();
            }
        } else {
            Place p0 = notes.get(0).place();
            Statement.Derive d = new Statement.Derive("chain from " + p0.describe(), s, steps, p0.line(),
                p0.latex());
            parts.add(new Plan.Unit(m, letsSoFar, d, List.copyOf(notes), declarations));
        }
        steps.clear();
        notes.clear();
        segmentStart = last;
        segmentModel = null;
        segmentAssumptions = null;
    }
}
