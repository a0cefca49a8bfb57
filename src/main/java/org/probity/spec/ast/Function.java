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
    /** Natural logarithm (log 0 = −∞; of a negative number NaN). */
    LOG("log", false),
    /** e^x. */
    EXP("exp", false),
    /** Square root (of a negative number NaN). */
    SQRT("sqrt", false),
    /** Absolute value. */
    ABS("abs", false),
    /** β_t, the noise variance of step t (t in 1..T). */
    BETA("beta", true),
    /** α_t = 1 − β_t. */
    ALPHA("alpha", true),
    /** ᾱ_t = ∏_{s ≤ t} α_s, ᾱ_0 = 1. */
    ABAR("abar", true),
    /** SNR(t) = ᾱ_t / (1 − ᾱ_t) (Kingma et al. 2021, eq. 2). */
    SNR("snr", true);

    private final String symbol;
    private final boolean schedule;

    Function(String symbol, boolean schedule) {
        this.symbol = symbol;
        this.schedule = schedule;
    }

    /** The source name. */
    public String symbol() {
        return symbol;
    }

    /** Whether this is a function of the step index of a {@code gaussian} model's schedule. */
    public boolean isSchedule() {
        return schedule;
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
