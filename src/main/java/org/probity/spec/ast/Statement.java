package org.probity.spec.ast;

import java.util.List;
import java.util.Set;

/** A statement of a {@code .prob} file. Each carries its first source line. */
public sealed interface Statement {
    /** The line of the statement's first token. */
    int line();

    /** Calls the visitor's method for this statement. */
    <R> R accept(Visitor<R> visitor);

    /**
     * A walk over statements: one method per kind, none with a default.
     *
     * @param <R> what the walk returns per statement
     */
    interface Visitor<R> {
        /** {@code title}. */
        R title(Title s);

        /** {@code model}. */
        R model(Model s);

        /** {@code let}. */
        R let(Let s);

        /** {@code claim}. */
        R claim(Claim s);

        /** {@code derive}. */
        R derive(Derive s);
    }

    /** {@code title "..."}. */
    record Title(String text, int line) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.title(this);
        }
    }

    /**
     * {@code model FAMILY... [states a..b] [steps a..b] [positive]}; applies to the claims and
     * derivations that follow it.
     */
    record Model(Set<String> families, int statesLo, int statesHi, int stepsLo, int stepsHi, boolean positive,
                 int line) implements Statement {
        public Model {
            families = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(families));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.model(this);
        }
    }

    /** {@code let NAME = expr}. */
    record Let(String name, Expr value, int line) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.let(this);
        }
    }

    /**
     * {@code claim "NAME": [for i = a..b,] lhs REL rhs}; {@code index} is null without {@code for}.
     * {@code text} is the claim's source text.
     */
    record Claim(String name, String index, Expr from, Expr to, Expr lhs, Relation relation, Expr rhs, int line,
                 String text) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.claim(this);
        }
    }

    /** {@code derive "NAME":} a start expression then steps {@code REL expr [by "reason"]}. */
    record Derive(String name, Expr start, List<Step> steps, int line, String text) implements Statement {
        public Derive {
            steps = List.copyOf(steps);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.derive(this);
        }
    }

    /** One step of a derivation: its relation to the previous expression. */
    record Step(Relation relation, Expr expr, String reason, int line, String text) { }
}
