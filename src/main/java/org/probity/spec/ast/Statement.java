package org.probity.spec.ast;

import java.util.List;
import java.util.Set;

/** A statement of a {@code .prob} file. Each carries its first source line. */
public sealed interface Statement {
    /** The line of the statement's first token. */
    int line();

    /** {@code title "..."}. */
    record Title(String text, int line) implements Statement { }

    /**
     * {@code model FAMILY... [states a..b] [steps a..b] [positive]}; applies to the claims and
     * derivations that follow it.
     */
    record Model(Set<String> families, int statesLo, int statesHi, int stepsLo, int stepsHi, boolean positive,
                 int line) implements Statement {
        public Model {
            families = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(families));
        }
    }

    /** {@code let NAME = expr}. */
    record Let(String name, Expr value, int line) implements Statement { }

    /**
     * {@code claim "NAME": [for i = a..b,] lhs REL rhs}; {@code index} is null without {@code for}.
     * {@code text} is the claim's source text.
     */
    record Claim(String name, String index, Expr from, Expr to, Expr lhs, String relation, Expr rhs, int line,
                 String text) implements Statement { }

    /** {@code derive "NAME":} a start expression then steps {@code REL expr [by "reason"]}. */
    record Derive(String name, Expr start, List<Step> steps, int line, String text) implements Statement {
        public Derive {
            steps = List.copyOf(steps);
        }
    }

    /** One step of a derivation: its relation to the previous expression. */
    record Step(String relation, Expr expr, String reason, int line, String text) { }
}
