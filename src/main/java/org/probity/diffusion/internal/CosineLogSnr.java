package org.probity.diffusion.internal;

import java.util.Locale;
import org.probity.diffusion.LogSnrSchedule;

/**
 * {@link LogSnrSchedule#cosine}: \( \theta_t = b + a t \), \( \gamma(t) = 2 \log\tan\theta_t \),
 * \( \gamma' = 2a / (\sin\theta_t \cos\theta_t) \); increments as
 * \( 2\,\mathrm{log1p}(\sin(a(t - s)) / (\cos\theta_t \sin\theta_s)) \) (from
 * \( \tan x - \tan y = \sin(x - y) / (\cos x \cos y) \)), so they carry no cancellation. Above
 * \( \pi/4 \) the angle is kept as its complement \( \varphi_t = c + a(1 - t) \),
 * \( c = \arctan e^{-\gamma_1/2} \), so that \( \cos\theta_t = \sin\varphi_t \) keeps its relative
 * accuracy near \( \pi/2 \) (high noise).
 */
public final class CosineLogSnr implements LogSnrSchedule {
    private final double gamma0;
    private final double gamma1;
    private final double a;
    private final double b;
    private final double c;

    private CosineLogSnr(double gamma0, double gamma1) {
        this.gamma0 = gamma0;
        this.gamma1 = gamma1;
        this.b = Math.atan(Math.exp(gamma0 / 2));
        this.c = Math.atan(Math.exp(-gamma1 / 2));
        // a = atan(e^{g1/2}) - atan(e^{g0/2}) = atan((e^{g1/2} - e^{g0/2}) / (1 + e^{(g0+g1)/2})), without cancellation
        this.a = Math.atan(Math.exp(gamma0 / 2) * Math.expm1((gamma1 - gamma0) / 2) / (1 + Math.exp((gamma0 + gamma1) / 2)));
    }

    /** The schedule; see {@link LogSnrSchedule#cosine}. */
    public static CosineLogSnr of(double gamma0, double gamma1) {
        LinearLogSnr.requireEnds(gamma0, gamma1);
        return new CosineLogSnr(gamma0, gamma1);
    }

    /** \( \{\sin\theta_t, \cos\theta_t\} \), each to a few ulps relative. */
    private double[] sinCos(double t) {
        double theta = Math.fma(a, t, b);
        if (theta <= Math.PI / 4) {
            return new double[] {Math.sin(theta), Math.cos(theta)};
        }
        double phi = Math.fma(a, 1 - t, c);
        return new double[] {Math.cos(phi), Math.sin(phi)};
    }

    @Override
    public double gamma(double t) {
        LogSnrSchedule.requireTime("t", t);
        if (t == 0) {
            return gamma0;
        }
        if (t == 1) {
            return gamma1;
        }
        double[] sc = sinCos(t);
        return 2 * Math.log(sc[0] / sc[1]);
    }

    @Override
    public double gammaDerivative(double t) {
        LogSnrSchedule.requireTime("t", t);
        double[] sc = sinCos(t);
        return 2 * a / (sc[0] * sc[1]);
    }

    @Override
    public double gammaIncrement(double s, double t) {
        LogSnrSchedule.requireOrdered(s, t);
        if (s == t) {
            return 0;
        }
        return 2 * Math.log1p(Math.sin(a * (t - s)) / (sinCos(t)[1] * sinCos(s)[0]));
    }

    @Override
    public double time(double g) {
        LogSnrSchedule.requireLogSnr(g, gamma0, gamma1);
        if (g == gamma0) {
            return 0;
        }
        if (g == gamma1) {
            return 1;
        }
        return Math.max(0, Math.min(1, (Math.atan(Math.exp(g / 2)) - b) / a));
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "cosine(%s, %s)", gamma0, gamma1);
    }

    @Override
    public String toString() {
        return name();
    }
}
