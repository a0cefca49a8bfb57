package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A closed-form value on the gaussian family: \( \sum_i P_i(x)\, e^{Q_i(x)} \) with polynomials P_i
 * of degree at most 2 and quadratics Q_i. Sums of log-densities are single terms with Q = 0;
 * densities, their products and ratios are single terms with P constant. Expectations and
 * integrals over Gaussian variables of such values are again such values ({@link #integrate}).
 *
 * <p>A value with no closed form is {@link #none(String, int)}: it carries the reason, every
 * operation on it returns it unchanged (like NaN), and the evaluator then estimates or reports it.
 */
final class Closed {
    record Term(Quad poly, Quad expo) { }

    final List<Term> terms;
    final int n;
    /** Why there is no closed form; null when there is one. */
    private final String whyNot;
    /** The innermost AST node whose value has no closed form (null until the evaluator names it). */
    private final Object origin;

    private Closed(List<Term> terms, int n) {
        this(terms, n, null, null);
    }

    private Closed(List<Term> terms, int n, String whyNot, Object origin) {
        this.terms = terms;
        this.n = n;
        this.whyNot = whyNot;
        this.origin = origin;
    }

    /** No closed form, for the reason {@code why} (a phrase such as "exp of an exponential"). */
    static Closed none(String why, int n) {
        return new Closed(List.of(), n, why, null);
    }

    /** This value; when it is a none not yet attributed to a node, attributed to {@code node}. */
    Closed from(Object node) {
        return available() || origin != null ? this : new Closed(terms, n, whyNot, node);
    }

    /** The node whose value has no closed form, or null. */
    Object origin() {
        return origin;
    }

    /** Whether this is a closed form (else {@link #whyNot()} says why not). */
    boolean available() {
        return whyNot == null;
    }

    /** Why there is no closed form, or null when there is one. */
    String whyNot() {
        return whyNot;
    }

    static Closed constant(double v, int n) {
        return new Closed(List.of(new Term(Quad.constant(v, n), Quad.constant(0, n))), n);
    }

    static Closed poly(Quad p) {
        return new Closed(List.of(new Term(p, Quad.constant(0, p.n()))), p.n());
    }

    static Closed expQuad(Quad q) {
        return new Closed(List.of(new Term(Quad.constant(1, q.n()), q)), q.n());
    }

    /** The constant value, or NaN if the value depends on a variable. */
    double constantValue() {
        if (!available()) {
            return Double.NaN;
        }
        if (terms.size() == 1 && terms.get(0).poly().degree() == 0 && terms.get(0).expo().degree() == 0) {
            return terms.get(0).poly().c * Math.exp(terms.get(0).expo().c);
        }
        if (terms.isEmpty()) {
            return 0;
        }
        return Double.NaN;
    }

    boolean isConstant() {
        return available() && terms.isEmpty() || (terms.size() == 1 && terms.get(0).poly().degree() == 0 && terms.get(0).expo().degree() == 0);
    }

    Closed plus(Closed o) {
        if (!available()) {
            return this;
        }
        if (!o.available()) {
            return o;
        }
        List<Term> out = new ArrayList<>(terms);
        for (Term t : o.terms) {
            boolean merged = false;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).expo().sameAs(t.expo())) {
                    out.set(i, new Term(out.get(i).poly().plus(t.poly()), t.expo()));
                    merged = true;
                    break;
                }
            }
            if (!merged) {
                out.add(t);
            }
        }
        out.removeIf(t -> t.poly().isZero());
        return new Closed(out, n);
    }

    Closed negate() {
        if (!available()) {
            return this;
        }
        List<Term> out = new ArrayList<>();
        for (Term t : terms) {
            out.add(new Term(t.poly().scale(-1), t.expo()));
        }
        return new Closed(out, n);
    }

    Closed times(Closed o) {
        if (!available()) {
            return this;
        }
        if (!o.available()) {
            return o;
        }
        Closed acc = new Closed(List.of(), n);
        for (Term a : terms) {
            for (Term b : o.terms) {
                Quad p = a.poly().times(b.poly());
                if (p == null) {
                    return none("a product of polynomials of degree above 2", n);
                }
                acc = acc.plus(new Closed(List.of(new Term(p, a.expo().plus(b.expo()))), n));
            }
        }
        return acc;
    }

    /** The single term with a constant, non-zero polynomial, r e^Q; null when this is not one. */
    private Term monomialExp() {
        if (terms.size() == 1 && terms.get(0).poly().degree() == 0 && terms.get(0).poly().c != 0) {
            return terms.get(0);
        }
        return null;
    }

    Closed dividedBy(Closed o) {
        if (!available()) {
            return this;
        }
        if (!o.available()) {
            return o;
        }
        if (terms.isEmpty()) {
            return this;
        }
        Term d = o.monomialExp();
        if (d == null) {
            return none("division by a sum of terms or of a polynomial", n);
        }
        double r = d.poly().c;
        List<Term> out = new ArrayList<>();
        for (Term t : terms) {
            out.add(new Term(t.poly().scale(1 / r), t.expo().plus(d.expo().scale(-1))));
        }
        return new Closed(out, n);
    }

    Closed log() {
        if (!available()) {
            return this;
        }
        if (terms.isEmpty()) {
            return constant(Double.NEGATIVE_INFINITY, n);
        }
        Term t = monomialExp();
        if (t == null) {
            return none("log of a sum of terms or of a polynomial", n);
        }
        if (!(t.poly().c > 0)) {
            // the log of a negative number is undefined at every point, not unevaluable
            return constant(Double.NaN, n);
        }
        return poly(t.expo().plus(Quad.constant(Math.log(t.poly().c), n)));
    }

    Closed exp() {
        if (!available()) {
            return this;
        }
        Quad q = Quad.constant(0, n);
        for (Term t : terms) {
            if (t.expo().degree() != 0 || t.expo().c != 0) {
                return none("exp of an exponential", n);
            }
            q = q.plus(t.poly());
        }
        return expQuad(q);
    }

    Closed power(double k) {
        if (!available()) {
            return this;
        }
        if (isConstant()) {
            return constant(Math.pow(constantValue(), k), n);
        }
        if (terms.size() == 1 && terms.get(0).poly().degree() == 0 && terms.get(0).poly().c > 0) {
            Term t = terms.get(0);
            return new Closed(List.of(new Term(Quad.constant(Math.pow(t.poly().c, k), n), t.expo().scale(k))), n);
        }
        if (k == 2) {
            return times(this);
        }
        if (k == 1) {
            return this;
        }
        return none("a power of a non-monomial", n);
    }

    /** The value at x; NaN when there is no closed form. */
    double at(double[] x) {
        if (!available()) {
            return Double.NaN;
        }
        double s = 0;
        for (Term t : terms) {
            double p = t.poly().at(x);
            s += p == 0 ? 0 : p * Math.exp(t.expo().at(x));
        }
        return s;
    }

    double magnitudeAt(double[] x) {
        if (!available()) {
            return Double.NaN;
        }
        double s = 0;
        for (Term t : terms) {
            double p = t.poly().magnitudeAt(x);
            s += p == 0 ? 0 : p * Math.exp(t.expo().at(x)) + Math.abs(t.expo().magnitudeAt(x) * t.poly().at(x)
                * Math.exp(t.expo().at(x)));
        }
        return s;
    }

    Closed fix(int i, double v) {
        if (!available()) {
            return this;
        }
        List<Term> out = new ArrayList<>();
        for (Term t : terms) {
            out.add(new Term(t.poly().fix(i, v), t.expo().fix(i, v)));
        }
        return new Closed(out, n).plus(new Closed(List.of(), n));
    }

    /**
     * \( \int P(x) e^{Q(x)} \, dx_A \) for every term: completes the square in the variables A
     * (requires \( \Lambda = -2 M_{AA} \) positive definite, else the integral diverges), giving
     * \( e^{Q'(r)} E_{a \sim N(\Lambda^{-1}\eta(r), \Lambda^{-1})}[P(a, r)] \), a term in the remaining
     * variables r.
     *
     * @param conditions receives the condition number of each \( \Lambda \) factorised
     * @param budget checked in the O(n^3) loops
     */
    Closed integrate(List<Integer> vars, double[] conditions, Budget budget) {
        if (!available() || vars.isEmpty()) {
            return this;
        }
        Closed acc = new Closed(List.of(), n);
        for (Term t : terms) {
            acc = acc.plus(GaussianIntegral.of(t, vars, n, conditions, budget));
            if (!acc.available()) {
                return acc;
            }
        }
        return acc;
    }

    /** This value with variable i replaced by the affine polynomial {@code v} ({@link Quad#substitute}). */
    Closed substitute(int i, Quad v) {
        if (!available()) {
            return this;
        }
        List<Term> out = new ArrayList<>();
        for (Term t : terms) {
            out.add(new Term(t.poly().substitute(i, v), t.expo().substitute(i, v)));
        }
        return new Closed(out, n).plus(new Closed(List.of(), n));
    }

    /** A closed form of the given terms (for {@link GaussianIntegral}). */
    static Closed of(List<Term> terms, int n) {
        return new Closed(terms, n).plus(new Closed(List.of(), n));
    }
}
