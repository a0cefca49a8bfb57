package org.probity.divergence;

import java.util.Locale;
import org.probity.dist.DiagonalGaussian;

/** Argument checks shared by the closed forms (messages name the parameter and its value). */
final class Checks {
    static final String MSG_FINITE = "%s: expected a finite number, got %s";
    static final String MSG_POSITIVE = "%s: expected a finite number > 0, got %s";
    static final String MSG_DIMENSION = "q: expected dimension %d (the dimension of p), got %d";

    private Checks() {
    }

    static void finite(String name, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_FINITE, name, x));
        }
    }

    static void positive(String name, double x) {
        if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_POSITIVE, name, x));
        }
    }

    static void gaussian(double m1, double v1, double m2, double v2) {
        finite("m1", m1);
        positive("v1", v1);
        finite("m2", m2);
        positive("v2", v2);
    }

    static void gaussianLogVariance(double m1, double logv1, double m2, double logv2) {
        finite("m1", m1);
        finite("logv1", logv1);
        finite("m2", m2);
        finite("logv2", logv2);
    }

    static void sameDimension(DiagonalGaussian p, DiagonalGaussian q) {
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DIMENSION, p.dimension(), q.dimension()));
        }
    }
}
