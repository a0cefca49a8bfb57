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
    /** The last expression (an {@link Expr}, or the reason it was not read). */
    Object last;
    Object segmentStart;
    Statement.Model segmentModel;
    final List<Statement.Step> steps = new ArrayList<>();
    final List<Plan.StepNote> notes = new ArrayList<>();

    DerivationChain(String key, Place place) {
        this.key = key;
        this.place = place;
    }

    /** Ends the current run here (as {@link #close}); the next step starts a new run. */
    void breakAt(Statement.Model model, List<Statement.Let> lets, List<Object> parts) {
        close(model, lets, parts);
        segmentStart = null;
    }

    /**
     * Adds the current run of steps to {@code parts} as units checked on the run's model (else
     * {@code model}) with the definitions read so far, and starts a new run at the last expression.
     */
    void close(Statement.Model model, List<Statement.Let> lets, List<Object> parts) {
        if (steps.isEmpty()) {
            return;
        }
        Expr s = (Expr) segmentStart;
        Statement.Model m = segmentModel == null ? model : segmentModel;
        List<Statement.Let> letsSoFar = List.copyOf(lets);
        List<Expr> all = new ArrayList<>();
        all.add(s);
        steps.forEach(st -> all.add(st.expr()));
        String index = FreeIndex.of(all);
        if (index != null || steps.size() == 1) {
            Expr prev = s;
            for (int k = 0; k < steps.size(); k++) {
                Statement.Step st = steps.get(k);
                Plan.StepNote note = notes.get(k);
                Expr[] range = index == null ? null : FreeIndex.range(index, prev, st.expr());
                List<String> readings = new ArrayList<>(note.readings());
                if (range != null) {
                    readings.add(index + " ranges over " + Spec.notation(range[0]) + ".." + Spec.notation(range[1])
                        + " (where every variable index is in 0..T and distinct variables stay distinct)");
                }
                Statement.Claim c = new Statement.Claim(note.place().describe(), range == null ? null : index,
                    range == null ? null : range[0], range == null ? null : range[1], prev, st.relation(), st.expr(),
                    st.line(), st.text());
                parts.add(new Plan.Unit(m, letsSoFar, c, List.of(new Plan.StepNote(note.place(), note.relation(),
                    note.reason(), readings, note.note()))));
                prev = st.expr();
            }
        } else {
            Place p0 = notes.get(0).place();
            Statement.Derive d = new Statement.Derive("chain from " + p0.describe(), s, steps, p0.line(),
                p0.latex());
            parts.add(new Plan.Unit(m, letsSoFar, d, List.copyOf(notes)));
        }
        steps.clear();
        notes.clear();
        segmentStart = last;
        segmentModel = null;
    }
}
