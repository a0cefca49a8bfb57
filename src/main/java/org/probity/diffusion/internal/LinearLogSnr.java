package org.probity.diffusion.internal;

import java.util.Locale;
import org.probity.diffusion.LogSnrSchedule;

/** {@link LogSnrSchedule#linear}: \( \gamma(t) = \gamma_0 + (\gamma_1 - \gamma_0) t \). */
public final class LinearLogSnr implements LogSnrSchedule {
    static final String MSG_ENDS = "gamma1: expected finite endpoints with gamma0 < gamma1, got gamma0 = %s, gamma1 = %s";

    private final double gamma0;
    private final double gamma1;
    private final double slope;

    private LinearLogSnr(double gamma0, double gamma1) {
        this.gamma0 = gamma0;
        this.gamma1 = gamma1;
        this.slope = gamma1 - gamma0;
    }

    /** The schedule; see {@link LogSnrSchedule#linear}. */
    public static LinearLogSnr of(double gamma0, double gamma1) {
        requireEnds(gamma0, gamma1);
        return new LinearLogSnr(gamma0, gamma1);
    }

    static void requireEnds(double gamma0, double gamma1) {
        if (!(Double.isFinite(gamma0) && Double.isFinite(gamma1) && gamma0 < gamma1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_ENDS, gamma0, gamma1));
        }
    }

    @Override
    public double gamma(double t) {
        LogSnrSchedule.requireTime("t", t);
        if (t == 1) {
            return gamma1;
        }
        return Math.fma(slope, t, gamma0);
    }

    @Override
    public double gammaDerivative(double t) {
        LogSnrSchedule.requireTime("t", t);
        return slope;
    }

    @Override
    public double gammaIncrement(double s, double t) {
        LogSnrSchedule.requireOrdered(s, t);
        return slope * (t - s);
    }

    @Override
    public double time(double g) {
        LogSnrSchedule.requireLogSnr(g, gamma0, gamma1);
        return g == gamma1 ? 1 : Math.min(1, (g - gamma0) / slope);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "linear(%s, %s)", gamma0, gamma1);
    }

    @Override
    public String toString() {
        return name();
    }
}
