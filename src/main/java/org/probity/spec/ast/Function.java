package org.probity.spec.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one table of the spec language's named functions of one argument (SPEC-LANGUAGE.md,
 * "Expressions"). Elementary functions map a value to a value; schedule functions map a step
 * {@code t in 0..T} to a number of the {@code gaussian} model's noise schedule (ᾱ_0 = 1). The
 * parser, the printer, the meaning checks and both evaluators take names and kinds from here, and
 * dispatch on it with exhaustive {@code switch} expressions, so a new function is a compile error
 * in every place that must handle it.
 */
public enum Function {
    /** Natural logarithm (log 0 = −∞; of a negative number NaN); elementwise on a vector. */
    LOG("log", Kind.ELEMENTWISE, 1),
    /** e^x, elementwise. */
    EXP("exp", Kind.ELEMENTWISE, 1),
    /** Square root (of a negative number NaN), elementwise. */
    SQRT("sqrt", Kind.ELEMENTWISE, 1),
    /** Absolute value, elementwise. */
    ABS("abs", Kind.ELEMENTWISE, 1),
    /** β_t, the noise variance of step t (t in 1..T). */
    BETA("beta", Kind.SCHEDULE, 1),
    /** α_t = 1 − β_t. */
    ALPHA("alpha", Kind.SCHEDULE, 1),
    /** ᾱ_t = ∏_{s ≤ t} α_s, ᾱ_0 = 1. */
    ABAR("abar", Kind.SCHEDULE, 1),
    /** SNR(t) = ᾱ_t / (1 − ᾱ_t) (Kingma et al. 2021, eq. 2). */
    SNR("snr", Kind.SCHEDULE, 1),
    /**
     * γ(t) = −log SNR(t), the log-SNR of a {@code vdm} model's continuous-time schedule at a time t in
     * [0, 1] (Kingma, Salimans, Poole &amp; Ho 2021, "Variational Diffusion Models", §3; VDM's sign).
     */
    GAMMA("gamma", Kind.TIME, 1),
    /** γ′(t) &gt; 0, the derivative of the log-SNR in t. */
    GAMMA_PRIME("dgamma", Kind.TIME, 1),
    /** SNR(t) = e^{−γ(t)} = α_t² / σ_t² at a time t in [0, 1] (VDM eq. 2). */
    SNR_T("SNR", Kind.TIME, 1),
    /** SNR′(t) = −γ′(t) SNR(t) &lt; 0, the derivative of SNR(t) in t. */
    SNR_PRIME("dSNR", Kind.TIME, 1),
    /** α_t = √sigmoid(−γ(t)), the signal scale of z_t = α_t x + σ_t ε (VDM eq. 1, 3). */
    ALPHA_T("alpha_t", Kind.TIME, 1),
    /** σ_t = √sigmoid(γ(t)), the noise scale of z_t (VDM eq. 1, 3). */
    SIGMA_T("sigma_t", Kind.TIME, 1),
    /** Σ_i v_i: the sum of a vector's components over the model's dimensions (d v for a scalar v). */
    SUMDIMS("sumdims", Kind.REDUCTION, 1),
    /** a · b = Σ_i a_i b_i, the inner product of two vectors. */
    DOT("dot", Kind.REDUCTION, 2),
    /** ‖v‖² = Σ_i v_i², the squared Euclidean norm. */
    NORM2("norm2", Kind.REDUCTION, 1),
    /** tr(M) = Σ_i M_ii of a diagonal matrix ({@code I}, {@code diag(v)}, their products and sums). */
    TR("tr", Kind.REDUCTION, 1),
    /** det(M) = Π_i M_ii of a diagonal matrix. */
    DET("det", Kind.REDUCTION, 1),
    /** diag(v): the diagonal matrix with the vector v on its diagonal. */
    DIAG("diag", Kind.DIAGONAL, 1),
    /**
     * π(x_t): the stationary distribution of a {@code markov stationary} model's forward kernels at
     * the state of the variable x_t (Sohl-Dickstein et al. 2015, eq. 1–2: π(y) = ∫ T_π(y | y'; β) π(y') dy').
     */
    PI("pi", Kind.STATIONARY, 1);

    /** What a function does with the shape of its argument. */
    public enum Kind {
        /** Applies to each component: same shape as its argument. */
        ELEMENTWISE,
        /** Of a step index t: a number of the schedule. */
        SCHEDULE,
        /** Of a time t in [0, 1]: a number of a {@code vdm} model's continuous-time schedule. */
        TIME,
        /** Of vectors or diagonal matrices: a number. */
        REDUCTION,
        /** Of a vector: the diagonal matrix. */
        DIAGONAL,
        /** Of a variable of a {@code markov stationary} model: the stationary probability of its state. */
        STATIONARY
    }

    private final String symbol;
    private final Kind kind;
    private final int arity;

    Function(String symbol, Kind kind, int arity) {
        this.symbol = symbol;
        this.kind = kind;
        this.arity = arity;
    }

    /** The source name. */
    public String symbol() {
        return symbol;
    }

    /** What it does with shapes. */
    public Kind kind() {
        return kind;
    }

    /** The number of arguments. */
    public int arity() {
        return arity;
    }

    /** Whether this is a function of the step index of a {@code gaussian} model's schedule. */
    public boolean isSchedule() {
        return kind == Kind.SCHEDULE;
    }

    /** Whether this is a function of the time of a {@code vdm} model's continuous-time schedule. */
    public boolean isTime() {
        return kind == Kind.TIME;
    }

    /** The function named {@code name}, if any. */
    public static Optional<Function> named(String name) {
        return Arrays.stream(values()).filter(f -> f.symbol.equals(name)).findFirst();
    }

    /** Every function name, in table order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Function::symbol).toList();
    }

    @Override
    public String toString() {
        return symbol;
    }
}
