package org.probity.spec.internal;

/**
 * A polynomial of degree at most 2 in the variables x_0..x_T of a gaussian instance:
 * \( c + b^\top x + x^\top M x \) with M symmetric. Immutable by convention (arrays are never mutated
 * after construction).
 */
final class Quad {
    final double c;
    final double[] b;
    final double[][] m;
    /** {@link #degree()} once computed, else -1 (it scans all n^2 + n coefficients, and products ask for it). */
    private int degree = -1;
    /** {@link #coefficientSum()} once computed, else NaN (every closed form's terms are measured, some many times). */
    private double coefficientSum = Double.NaN;

    Quad(double c, double[] b, double[][] m) {
        this.c = c;
        this.b = b;
        this.m = m;
    }

    static Quad constant(double c, int n) {
        return new Quad(c, new double[n], new double[n][n]);
    }

    static Quad variable(int i, int n) {
        double[] b = new double[n];
        b[i] = 1;
        return new Quad(0, b, new double[n][n]);
    }

    int n() {
        return b.length;
    }

    /** 0 for a constant, 1 for affine, 2 otherwise. */
    int degree() {
        if (degree < 0) {
            degree = scanDegree();
        }
        return degree;
    }

    private int scanDegree() {
        for (double[] row : m) {
            for (double v : row) {
                if (v != 0) {
                    return 2;
                }
            }
        }
        for (double v : b) {
            if (v != 0) {
                return 1;
            }
        }
        return 0;
    }

    /** \( |c| + \sum_i |b_i| + \sum_{ij} |M_{ij}| \) (NaN or infinite when a coefficient is). */
    double coefficientSum() {
        if (Double.isNaN(coefficientSum)) {
            double s = Math.abs(c);
            for (int i = 0; i < n(); i++) {
                s += Math.abs(b[i]);
                for (int j = 0; j < n(); j++) {
                    s += Math.abs(m[i][j]);
                }
            }
            coefficientSum = s;
        }
        return coefficientSum;
    }

    boolean isZero() {
        return c == 0 && degree() == 0;
    }

    Quad plus(Quad o) {
        int n = n();
        double[] nb = new double[n];
        double[][] nm = new double[n][n];
        for (int i = 0; i < n; i++) {
            nb[i] = b[i] + o.b[i];
            for (int j = 0; j < n; j++) {
                nm[i][j] = m[i][j] + o.m[i][j];
            }
        }
        return new Quad(c + o.c, nb, nm);
    }

    Quad scale(double k) {
        int n = n();
        double[] nb = new double[n];
        double[][] nm = new double[n][n];
        for (int i = 0; i < n; i++) {
            nb[i] = k * b[i];
            for (int j = 0; j < n; j++) {
                nm[i][j] = k * m[i][j];
            }
        }
        return new Quad(k * c, nb, nm);
    }

    /** The product, defined when the degrees add up to at most 2 (else null). */
    Quad times(Quad o) {
        int d1 = degree();
        int d2 = o.degree();
        if (d1 == 0) {
            return o.scale(c);
        }
        if (d2 == 0) {
            return scale(o.c);
        }
        if (d1 + d2 > 2) {
            return null;
        }
        int n = n();
        double[] nb = new double[n];
        double[][] nm = new double[n][n];
        for (int i = 0; i < n; i++) {
            nb[i] = c * o.b[i] + o.c * b[i];
            for (int j = 0; j < n; j++) {
                nm[i][j] = 0.5 * (b[i] * o.b[j] + b[j] * o.b[i]);
            }
        }
        return new Quad(c * o.c, nb, nm);
    }

    /** The value at x. */
    double at(double[] x) {
        double s = c;
        for (int i = 0; i < n(); i++) {
            s += b[i] * x[i];
            for (int j = 0; j < n(); j++) {
                s += x[i] * m[i][j] * x[j];
            }
        }
        return s;
    }

    /** Sum of the absolute values of the terms at x: the magnitude the rounding error scales with. */
    double magnitudeAt(double[] x) {
        double s = Math.abs(c);
        for (int i = 0; i < n(); i++) {
            s += Math.abs(b[i] * x[i]);
            for (int j = 0; j < n(); j++) {
                s += Math.abs(x[i] * m[i][j] * x[j]);
            }
        }
        return s;
    }

    /** The polynomial with x_i fixed to v. */
    Quad fix(int i, double v) {
        int n = n();
        double nc = c + b[i] * v + m[i][i] * v * v;
        double[] nb = b.clone();
        double[][] nm = new double[n][];
        for (int r = 0; r < n; r++) {
            nm[r] = m[r].clone();
        }
        for (int j = 0; j < n; j++) {
            if (j != i) {
                nb[j] += (m[i][j] + m[j][i]) * v;
            }
        }
        nb[i] = 0;
        for (int j = 0; j < n; j++) {
            nm[i][j] = 0;
            nm[j][i] = 0;
        }
        return new Quad(nc, nb, nm);
    }

    /**
     * The polynomial with x_i replaced by the affine \( v(x) = h + g^\top x \): with
     * \( x = G x' + h e_i \) (G the identity with row i replaced by g), the constant
     * \( c + b_i h + M_{ii} h^2 \), the linear part \( G^\top (b + (M + M^\top) h e_i) \) and the
     * quadratic part \( G^\top M G \).
     *
     * @throws IllegalArgumentException if v is not affine
     */
    Quad substitute(int i, Quad v) {
        if (v.degree() > 1) {
            throw new IllegalArgumentException("v: expected an affine polynomial, got degree " + v.degree());
        }
        int n = n();
        double h = v.c;
        double[][] g = new double[n][n];
        for (int j = 0; j < n; j++) {
            g[j][j] = 1;
        }
        g[i] = v.b.clone();
        double nc = c + b[i] * h + m[i][i] * h * h;
        double[] lin = b.clone();
        for (int j = 0; j < n; j++) {
            lin[j] += (m[j][i] + m[i][j]) * h;
        }
        double[] nb = new double[n];
        for (int j = 0; j < n; j++) {
            for (int r = 0; r < n; r++) {
                nb[j] += g[r][j] * lin[r];
            }
        }
        double[][] mg = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int l = 0; l < n; l++) {
                if (m[r][l] == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    mg[r][j] += m[r][l] * g[l][j];
                }
            }
        }
        double[][] nm = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < n; k++) {
                if (g[r][k] == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    nm[k][j] += g[r][k] * mg[r][j];
                }
            }
        }
        return new Quad(nc, nb, nm);
    }

    boolean sameAs(Quad o) {
        return c == o.c && java.util.Arrays.equals(b, o.b) && java.util.Arrays.deepEquals(m, o.m);
    }
}
