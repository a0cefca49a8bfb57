package org.probity.spec.internal;

import org.probity.spec.ast.Function;
import org.probity.spec.ast.Operator;

/**
 * The value semantics of the spec language on plain numbers, shared by every evaluator
 * (SPEC-LANGUAGE.md, "Model families", conventions and extensions): {@code 0 * anything = 0} and
 * {@code 0 / x = 0} for x ≠ 0, so that 0·log 0 = 0; {@code 0 / 0} is undefined (NaN: the point is
 * skipped, or contributes 0 inside E, int and sum when a factor of the integrand is 0); otherwise
 * IEEE 754 arithmetic and {@link Math}'s elementary functions.
 */
final class Scalar {
    private Scalar() {
    }

    /** {@code l op r} under the conventions above. */
    static double apply(Operator op, double l, double r) {
        return switch (op) {
            case ADD -> l + r;
            case SUBTRACT -> l - r;
            case MULTIPLY -> l == 0 || r == 0 ? 0 : l * r;
            case DIVIDE -> l == 0 ? (r == 0 ? Double.NaN : 0) : l / r;
            case POWER -> Math.pow(l, r);
        };
    }

    /**
     * An elementary function of a number.
     *
     * @throws IllegalArgumentException for a schedule function, whose argument is a step, not a value
     */
    static double apply(Function f, double a) {
        return switch (f) {
            case LOG -> Math.log(a);
            case EXP -> Math.exp(a);
            case SQRT -> Math.sqrt(a);
            case ABS -> Math.abs(a);
            case BETA, ALPHA, ABAR, SNR, SUMDIMS, DOT, NORM2, TR, DET, DIAG, GAMMA, GAMMA_PRIME, SNR_T, SNR_PRIME, ALPHA_T,
                SIGMA_T, PI -> throw new IllegalArgumentException(
                "function: expected an elementwise function of one number, got " + f);
        };
    }
}
