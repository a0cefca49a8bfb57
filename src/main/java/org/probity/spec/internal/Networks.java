package org.probity.spec.internal;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.probity.check.Choices;

/**
 * The networks of one gaussian instance, each drawn as a random function (docs/spec-language.md,
 * "Networks"). A network with k vector inputs in d dimensions is, at each step t in 0..T (one
 * function when it has no step parameter) and for each output component i,
 * \( f_i(v) = c_i + \sum_j W_{ij} v_j + s_i \exp(\sum_j U_{ij} v_j) \), v the k d inputs stacked.
 * The affine part makes every coefficient of a network in a derivation visible (a wrong factor in
 * front of ε_θ changes the value); the exponential part makes the map non-linear, so a step valid
 * only for affine maps (E[f(X)] = f(E[X]), a network moved out of an expectation) fails. Both keep
 * closed forms: products of such terms with Gaussian densities are exp-quadratics with polynomial
 * factors of degree ≤ 2 ({@link Closed}).
 *
 * <p>Grids (choice 0 is 0, so shrinking reaches the zero function and then the fewest non-zero
 * numbers): c in −2..2 by 0.1; W, s in −1..1 by 0.1; U in −0.5..0.5 by 0.1.
 */
final class Networks {
    /** One output component of one network at one step. */
    record Unit(double c, double[] w, double s, double[] u) {
        /** The value at the stacked inputs v. */
        double at(double[] v) {
            double lin = c;
            double arg = 0;
            for (int j = 0; j < v.length; j++) {
                lin += w[j] * v[j];
                arg += u[j] * v[j];
            }
            return s == 0 ? lin : lin + s * Math.exp(arg);
        }
    }

    /** What a network takes: its number of vector inputs and whether it has a step parameter. */
    record Shape(int inputs, boolean hasStep) { }

    /** Per network: per step key (t, or 0 without a step), per output component. */
    private final Map<String, Unit[][]> units;

    private Networks(Map<String, Unit[][]> units) {
        this.units = units;
    }

    static final Networks NONE = new Networks(Map.of());

    /** Draws every network of {@code shapes} (in name order) for T steps in d dimensions. */
    static Networks draw(Choices c, Map<String, Shape> shapes, int steps, int d) {
        Map<String, Unit[][]> out = new TreeMap<>();
        for (Map.Entry<String, Shape> e : new TreeMap<>(shapes).entrySet()) {
            int keys = e.getValue().hasStep() ? steps + 1 : 1;
            int width = e.getValue().inputs() * d;
            Unit[][] u = new Unit[keys][d];
            for (int t = 0; t < keys; t++) {
                for (int i = 0; i < d; i++) {
                    double cc = InstanceGen.signed(c, 40) / 10.0;
                    double[] w = new double[width];
                    for (int j = 0; j < width; j++) {
                        w[j] = InstanceGen.signed(c, 20) / 10.0;
                    }
                    double s = InstanceGen.signed(c, 20) / 10.0;
                    double[] uu = new double[width];
                    for (int j = 0; j < width; j++) {
                        uu[j] = InstanceGen.signed(c, 10) / 10.0;
                    }
                    u[t][i] = new Unit(cc, w, s, uu);
                }
            }
            out.put(e.getKey(), u);
        }
        return new Networks(out);
    }

    /** The random numbers {@link #draw} takes. */
    static long choices(Map<String, Shape> shapes, int steps, int d) {
        long n = 0;
        for (Shape s : shapes.values()) {
            n += (long) (s.hasStep() ? steps + 1 : 1) * d * (2 + 2L * s.inputs() * d);
        }
        return n;
    }

    /** Output component i of network {@code name} at step key t. */
    Unit unit(String name, int t, int i) {
        return units.get(name)[t][i];
    }

    /**
     * Output component i of network {@code name} at a time τ in [0, 1] (a {@code vdm} model): the
     * unit whose numbers interpolate linearly between those drawn at keys 0 and 1, so the network is
     * an analytic function of τ.
     */
    Unit unitAt(String name, double tau, int i) {
        Unit[][] u = units.get(name);
        if (u.length == 1) {
            return u[0][i];
        }
        Unit a = u[0][i];
        Unit b = u[1][i];
        return new Unit(lerp(a.c(), b.c(), tau), lerp(a.w(), b.w(), tau), lerp(a.s(), b.s(), tau), lerp(a.u(), b.u(), tau));
    }

    private static double lerp(double a, double b, double tau) {
        return a + tau * (b - a);
    }

    private static double[] lerp(double[] a, double[] b, double tau) {
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = lerp(a[j], b[j], tau);
        }
        return out;
    }

    boolean isEmpty() {
        return units.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Unit[][]> e : units.entrySet()) {
            Unit[][] u = e.getValue();
            for (int t = 0; t < u.length; t++) {
                for (int i = 0; i < u[t].length; i++) {
                    Unit x = u[t][i];
                    sb.append(String.format(Locale.ROOT, "    %s(v%s)%s = %s + %s . v + %s exp(%s . v)%n", e.getKey(),
                        u.length > 1 ? ", " + t : "", u[t].length > 1 ? "_" + (i + 1) : "", GaussianInstance.d(x.c()),
                        vector(x.w()), GaussianInstance.d(x.s()), vector(x.u())));
                }
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String vector(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(GaussianInstance.d(v[i]));
        }
        return sb.append(']').toString();
    }
}
