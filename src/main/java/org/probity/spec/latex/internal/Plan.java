package org.probity.spec.latex.internal;

import java.util.List;
import org.probity.spec.ast.Statement;
import org.probity.spec.latex.Place;

/**
 * What the reader made of a document, in document order: units to check (a claim or a derivation,
 * with the model, the definitions, and the declarations — networks and
 * assumptions — in force) and notes (definitions, not-checkable rows).
 */
public record Plan(List<Object> parts, List<String> modelReadings) {
    /** A claim or derivation to check, with the place, relation, reason and readings of each of its steps. */
    public record Unit(Statement.Model model, List<Statement.Let> lets, Statement statement, List<StepNote> steps,
                       List<Statement> declarations) {
        public Unit {
            declarations = List.copyOf(declarations);
        }

        /** A unit with no networks and no assumptions. */
        public Unit(Statement.Model model, List<Statement.Let> lets, Statement statement, List<StepNote> steps) {
            this(model, lets, statement, steps, List.of());
        }
    }

    /** One step (or claim) of a unit. */
    public record StepNote(Place place, String relation, String reason, List<String> readings, String note) { }

    /** A row that is not checked: a definition, or something the model families cannot evaluate. */
    public record Note(boolean definition, Place place, String detail, List<String> readings) { }
}
