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

        /** {@code network}. */
        R network(Network s);

        /** {@code assume}. */
        R assume(Assume s);
    }

    /** {@code title "..."}. */
    record Title(String text, int line) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.title(this);
        }
    }

    /**
     * {@code model FAMILY... [states a..b] [steps a..b] [dims a..b] [positive] [isotropic | diagonal]};
     * applies to the claims and derivations that follow it. {@code dims} is the dimension d of every
     * variable of a {@code gaussian} model (markov variables are states: d = 1); {@code diagonal}
     * gives q(x_0), p(x_T) and p(x_{t-1} | x_t) a variance per dimension, {@code isotropic} (the
     * default) one variance for all. {@code vdm} (gaussian only) adds a continuous-time log-SNR
     * schedule γ(t) on [0, 1], read by the time functions and {@code int_{t=a}^{b}}, and makes the
     * last argument of a network a time in [0, 1] (docs/spec-language.md, "Continuous time").
     * {@code stationary} (markov only) draws a stationary distribution π with the instance, makes
     * every forward kernel satisfy detailed balance with π and sets p(x_T) = π; {@code stationary
     * uniform} takes π uniform (symmetric, so doubly stochastic, kernels) (docs/spec-language.md,
     * "Stationary kernels").
     */
    record Model(Set<String> families, int statesLo, int statesHi, int stepsLo, int stepsHi, boolean positive,
                 int dimsLo, int dimsHi, boolean diagonal, boolean vdm, Stationary stationary, int line)
        implements Statement {
        public Model {
            families = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(families));
            java.util.Objects.requireNonNull(stationary, "stationary");
        }

        /** A model without the stationary kernels of option {@code stationary}. */
        public Model(Set<String> families, int statesLo, int statesHi, int stepsLo, int stepsHi, boolean positive,
                     int dimsLo, int dimsHi, boolean diagonal, boolean vdm, int line) {
            this(families, statesLo, statesHi, stepsLo, stepsHi, positive, dimsLo, dimsHi, diagonal, vdm,
                Stationary.NONE, line);
        }

        /** A model without the continuous-time schedule of option {@code vdm}. */
        public Model(Set<String> families, int statesLo, int statesHi, int stepsLo, int stepsHi, boolean positive,
                     int dimsLo, int dimsHi, boolean diagonal, int line) {
            this(families, statesLo, statesHi, stepsLo, stepsHi, positive, dimsLo, dimsHi, diagonal, false, line);
        }

        /** A one-dimensional model. */
        public Model(Set<String> families, int statesLo, int statesHi, int stepsLo, int stepsHi, boolean positive,
                     int line) {
            this(families, statesLo, statesHi, stepsLo, stepsHi, positive, 1, 1, false, line);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.model(this);
        }
    }

    /**
     * The stationary distribution π of a {@code markov} model's forward kernels (option
     * {@code stationary}): none (kernels drawn freely), drawn with the instance, or uniform.
     */
    enum Stationary {
        /** No π: every kernel drawn freely. */
        NONE,
        /** π drawn (positive, in general not uniform); kernels in detailed balance with it. */
        DRAWN,
        /** π uniform; kernels symmetric, hence doubly stochastic. */
        UNIFORM
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
     * {@code text} is the claim's source text; {@code over} the variables of {@code propto_{...}}
     * (empty for every other relation).
     */
    record Claim(String name, String index, Expr from, Expr to, Expr lhs, Relation relation, Expr rhs, int line,
                 String text, List<VarItem> over) implements Statement {
        public Claim {
            over = List.copyOf(over);
        }

        /** A claim whose relation is not {@code propto}. */
        public Claim(String name, String index, Expr from, Expr to, Expr lhs, Relation relation, Expr rhs, int line,
                     String text) {
            this(name, index, from, to, lhs, relation, rhs, line, text, List.of());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.claim(this);
        }
    }

    /**
     * {@code derive "NAME": [for i = a..b,] start [by "reason"]} then steps {@code REL expr [by "reason"]};
     * {@code index} is null without {@code for} (then {@code from} and {@code to} are null), and
     * {@code startReason} is null without a {@code by} on the start.
     */
    record Derive(String name, String index, Expr from, Expr to, Expr start, String startReason, List<Step> steps,
                  int line, String text) implements Statement {
        public Derive {
            steps = List.copyOf(steps);
        }

        /** A derivation with no index and no reason for its start. */
        public Derive(String name, Expr start, List<Step> steps, int line, String text) {
            this(name, null, null, null, start, null, steps, line, text);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.derive(this);
        }
    }

    /**
     * {@code assume [for i = a..b,] lhs REL rhs}: restricts the instances on which the claims and
     * derivations after it (up to the next {@code model}) are checked; {@code index} is null without
     * {@code for}; {@code over} the variables of {@code propto_{...}} (else empty).
     */
    record Assume(String index, Expr from, Expr to, Expr lhs, Relation relation, Expr rhs, List<VarItem> over, int line,
                  String text) implements Statement {
        public Assume {
            over = List.copyOf(over);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.assume(this);
        }
    }

    /**
     * {@code network NAME(x, ..., t)}: declares a network, a function symbol applied later as
     * {@code NAME(v, ..., s)}. A parameter whose name starts with {@code x} is a vector input; one
     * other parameter, last, is the step. The checker draws each network as a random function per
     * model instance (docs/spec-language.md, "Networks").
     */
    record Network(String name, List<String> parameters, int line) implements Statement {
        public Network {
            parameters = List.copyOf(parameters);
        }

        /** The number of vector inputs. */
        public int inputs() {
            return hasStep() ? parameters.size() - 1 : parameters.size();
        }

        /** Whether the last parameter is a step. */
        public boolean hasStep() {
            return !parameters.isEmpty() && !parameters.get(parameters.size() - 1).startsWith("x");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.network(this);
        }
    }

    /**
     * One step of a derivation: its relation to the previous expression; {@code over} the variables
     * of {@code propto_{...}} (empty for every other relation).
     */
    record Step(Relation relation, Expr expr, String reason, int line, String text, List<VarItem> over) {
        public Step {
            over = List.copyOf(over);
        }

        /** A step whose relation is not {@code propto}. */
        public Step(Relation relation, Expr expr, String reason, int line, String text) {
            this(relation, expr, reason, line, text, List.of());
        }
    }
}
