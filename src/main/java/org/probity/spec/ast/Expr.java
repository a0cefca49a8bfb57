package org.probity.spec.ast;

import java.util.List;
import java.util.Objects;

/**
 * An expression of the {@code .prob} language (SPEC-LANGUAGE.md, "Expressions"). Values are
 * immutable records compared structurally; source positions are kept apart (in the parse result),
 * so that {@code parse(print(e)).equals(e)}.
 */
public sealed interface Expr {

    /** A number literal. */
    record Num(double value) implements Expr { }

    /** {@code T}, the number of steps of the model instance. */
    record Steps() implements Expr { }

    /** A {@code let} name or an index name bound by {@code sum}, {@code prod} or {@code for}. */
    record Name(String name) implements Expr {
        public Name {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A variable used as a value: {@code x_t} is the state ({@code markov}) or the real value ({@code gaussian}). */
    record Var(Expr index) implements Expr { }

    /** Unary minus. */
    record Neg(Expr operand) implements Expr { }

    /** Binary arithmetic: {@code op} is one of {@code + - * / ^}. */
    record Bin(char op, Expr left, Expr right) implements Expr { }

    /** A function of one argument: log, exp, sqrt, abs, beta, alpha, abar, snr. */
    record Call(String function, Expr argument) implements Expr { }

    /**
     * A density {@code q(A | B)} or {@code p(A | B)}: {@code generative} is true for {@code p}.
     * {@code given} is empty when there is no bar.
     */
    record Density(boolean generative, List<VarItem> targets, List<VarItem> given) implements Expr {
        public Density {
            targets = List.copyOf(targets);
            given = List.copyOf(given);
        }
    }

    /** {@code N(x; mean, variance)}: a Gaussian density, or a distribution inside KL, H and E. */
    record Normal(VarItem at, Expr mean, Expr variance) implements Expr { }

    /** {@code E_{dist}[ body ]}: {@code dist} is a {@link Density} or a {@link Normal}. */
    record Expect(Expr distribution, Expr body) implements Expr { }

    /** {@code int_{A}( body )}: a sum or integral over the variables {@code A}. */
    record Integral(List<VarItem> variables, Expr body) implements Expr {
        public Integral {
            variables = List.copyOf(variables);
        }
    }

    /** {@code sum_{i=a}^{b}( body )} or, when {@code product}, {@code prod_{i=a}^{b}( body )}. */
    record Sum(boolean product, String index, Expr from, Expr to, Expr body) implements Expr { }

    /** {@code KL( first || second )}. */
    record Kl(Expr first, Expr second) implements Expr { }

    /** {@code H( first )} (entropy) or {@code H( first, second )} (cross-entropy; {@code second} non-null). */
    record Entropy(Expr first, Expr second) implements Expr { }
}
