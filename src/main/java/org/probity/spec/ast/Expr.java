package org.probity.spec.ast;

import java.util.List;
import java.util.Objects;

/**
 * An expression of the {@code .prob} language (SPEC-LANGUAGE.md, "Expressions"). Values are
 * immutable records compared structurally; source positions are kept apart (in the parse result),
 * so that {@code parse(print(e)).equals(e)}.
 *
 * <p>Every walk over expressions is a {@link Visitor}: one method per node, none with a default,
 * so a new node is a compile error in every walk that has to handle it.
 */
public sealed interface Expr {

    /** Calls the visitor's method for this node. */
    <R> R accept(Visitor<R> visitor);

    /**
     * A walk over expressions: one method per kind of node.
     *
     * @param <R> what the walk returns per node
     */
    interface Visitor<R> {
        /** A number literal. */
        R num(Num e);

        /** {@code T}. */
        R steps(Steps e);

        /** A let or index name. */
        R name(Name e);

        /** A variable used as a value. */
        R var(Var e);

        /** Unary minus. */
        R neg(Neg e);

        /** Binary arithmetic. */
        R bin(Bin e);

        /** A named function. */
        R call(Call e);

        /** {@code I}, the identity matrix of the model's dimension. */
        R identity(Identity e);

        /** {@code dims}, the model's dimension d. */
        R dims(Dims e);

        /** {@code q(A | B)}, {@code p(A | B)}. */
        R density(Density e);

        /** {@code N(x; m, v)}. */
        R normal(Normal e);

        /** {@code E_{D}[ e ]}. */
        R expect(Expect e);

        /** {@code int_{A}( e )}. */
        R integral(Integral e);

        /** {@code sum_{i=a}^{b}( e )}, {@code prod_{i=a}^{b}( e )}. */
        R sum(Sum e);

        /** {@code KL( D1 || D2 )}. */
        R kl(Kl e);

        /** {@code H( D )}, {@code H( D1, D2 )}. */
        R entropy(Entropy e);

        /** {@code eps_theta(x_t, t)}: a declared network applied to its arguments. */
        R net(Net e);

        /** {@code eps}: an auxiliary standard-normal noise variable bound by {@link NoiseExpect}. */
        R noise(Noise e);

        /** {@code E_{eps ~ N(0, I), x_t = v}[ e ]}. */
        R noiseExpect(NoiseExpect e);

        /** {@code int_{t=a}^{b}( e )}: an integral over a real variable. */
        R timeIntegral(TimeIntegral e);
    }

    /**
     * A distribution: what {@code E_{...}}, {@code KL} and {@code H} range over. Walks that only
     * meet distributions dispatch with {@link DistributionVisitor}.
     */
    sealed interface Distribution extends Expr permits Density, Normal {
        /** Calls the visitor's method for this distribution. */
        <R> R match(DistributionVisitor<R> visitor);
    }

    /**
     * A walk over distributions: one method per kind.
     *
     * @param <R> what the walk returns
     */
    interface DistributionVisitor<R> {
        /** {@code q(A | B)}, {@code p(A | B)}. */
        R density(Density d);

        /** {@code N(x; m, v)}. */
        R normal(Normal n);
    }

    /** A number literal. */
    record Num(double value) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.num(this);
        }
    }

    /** {@code T}, the number of steps of the model instance. */
    record Steps() implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.steps(this);
        }
    }

    /** A {@code let} name or an index name bound by {@code sum}, {@code prod} or {@code for}. */
    record Name(String name) implements Expr {
        public Name {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.name(this);
        }
    }

    /** A variable used as a value: {@code x_t} is the state ({@code markov}) or the real value ({@code gaussian}). */
    record Var(Expr index) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.var(this);
        }
    }

    /** Unary minus. */
    record Neg(Expr operand) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.neg(this);
        }
    }

    /** Binary arithmetic {@code left op right}. */
    record Bin(Operator op, Expr left, Expr right) implements Expr {
        public Bin {
            Objects.requireNonNull(op, "op");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.bin(this);
        }
    }

    /** A function from the {@link Function} table applied to its {@link Function#arity()} arguments. */
    record Call(Function function, List<Expr> arguments) implements Expr {
        public Call {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
            if (arguments.size() != function.arity()) {
                throw new IllegalArgumentException("arguments: " + function + " takes " + function.arity()
                    + ", got " + arguments.size());
            }
        }

        /** A function of one argument. */
        public Call(Function function, Expr argument) {
            this(function, List.of(argument));
        }

        /** The first argument. */
        public Expr argument() {
            return arguments.get(0);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.call(this);
        }
    }

    /** {@code I}: the identity matrix of the model's dimension (1 in a one-dimensional model). */
    record Identity() implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.identity(this);
        }
    }

    /** {@code dims}: the model's dimension d (1 on {@code markov}). */
    record Dims() implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.dims(this);
        }
    }

    /**
     * A density {@code q(A | B)} or {@code p(A | B)}: {@code generative} is true for {@code p}.
     * {@code given} is empty when there is no bar.
     */
    record Density(boolean generative, List<VarItem> targets, List<VarItem> given) implements Distribution {
        public Density {
            targets = List.copyOf(targets);
            given = List.copyOf(given);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.density(this);
        }

        @Override
        public <R> R match(DistributionVisitor<R> visitor) {
            return visitor.density(this);
        }
    }

    /** {@code N(x; mean, variance)}: a Gaussian density, or a distribution inside KL, H and E. */
    record Normal(VarItem at, Expr mean, Expr variance) implements Distribution {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.normal(this);
        }

        @Override
        public <R> R match(DistributionVisitor<R> visitor) {
            return visitor.normal(this);
        }
    }

    /** {@code E_{dist}[ body ]}: {@code dist} is a {@link Density} or a {@link Normal}. */
    record Expect(Distribution distribution, Expr body) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.expect(this);
        }
    }

    /** {@code int_{A}( body )}: a sum or integral over the variables {@code A}. */
    record Integral(List<VarItem> variables, Expr body) implements Expr {
        public Integral {
            variables = List.copyOf(variables);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.integral(this);
        }
    }

    /** {@code sum_{i=a}^{b}( body )} or, when {@code product}, {@code prod_{i=a}^{b}( body )}. */
    record Sum(boolean product, String index, Expr from, Expr to, Expr body) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sum(this);
        }
    }

    /** {@code KL( first || second )}. */
    record Kl(Distribution first, Distribution second) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.kl(this);
        }
    }

    /** {@code H( first )} (entropy) or {@code H( first, second )} (cross-entropy; {@code second} non-null). */
    record Entropy(Distribution first, Distribution second) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.entropy(this);
        }
    }

    /**
     * {@code NAME(v1, ..., vk[, t])}: the network {@code NAME} (declared by {@code network}) applied to
     * the vectors {@code inputs} and, when it has a step parameter, the step {@code step} (null when
     * it has none). The checker draws the network as a random function per model instance.
     */
    record Net(String name, List<Expr> inputs, Expr step) implements Expr {
        public Net {
            Objects.requireNonNull(name, "name");
            inputs = List.copyOf(inputs);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.net(this);
        }
    }

    /** {@code eps}: an auxiliary noise variable ε ~ N(0, I) of the model's dimension, bound by {@link NoiseExpect}. */
    record Noise(String name) implements Expr {
        public Noise {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.noise(this);
        }
    }

    /**
     * {@code E_{eps ~ N(0, I), x_a = v_a, ...}[ body ]}: the expectation over an auxiliary noise
     * variable ε ~ N(0, I), independent of every x, of {@code body} with each variable
     * {@code substituted.get(k)} replaced by {@code values.get(k)} (the reparameterisation
     * x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε).
     */
    record NoiseExpect(String noise, List<VarItem> substituted, List<Expr> values, Expr body) implements Expr {
        public NoiseExpect {
            Objects.requireNonNull(noise, "noise");
            substituted = List.copyOf(substituted);
            values = List.copyOf(values);
            if (substituted.size() != values.size()) {
                throw new IllegalArgumentException("values: one per substituted variable, got " + values.size()
                    + " for " + substituted.size());
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.noiseExpect(this);
        }
    }

    /**
     * {@code int_{t=a}^{b}( body )}: the integral of {@code body} over the real variable {@code variable}
     * from {@code from} to {@code to} (VDM's \( \int_0^1 \dots\, dt \)); inside {@code body} the
     * name {@code variable} is a number, usable wherever a time or a number is (not as a step index).
     */
    record TimeIntegral(String variable, Expr from, Expr to, Expr body) implements Expr {
        public TimeIntegral {
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.timeIntegral(this);
        }
    }
}
