package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.probity.check.Failure;
import org.probity.check.Gen;
import org.probity.check.Property;
import org.probity.check.PropertyResult;
import org.probity.check.RunConfig;
import org.probity.check.Verdict;
import org.probity.math.ShortestDouble;
import org.probity.math.Tolerance;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Relation;
import org.probity.spec.ast.Statement;

/**
 * Checks one relation {@code lhs REL rhs} (a claim, a derivation step or a whole chain) on one
 * family with the property engine: every try generates a model instance, evaluates both sides at
 * every assignment of the free variables (markov) or at the instance's random points (gaussian) and
 * every value of a {@code for} index, and returns the worst verdict; the engine shrinks a failure.
 *
 * <p>Tolerance of {@code ==} (and the slack of {@code <=}), derived from the magnitude M of the
 * terms (the largest sum of absolute values formed while evaluating either side):
 * markov: absolute {@code 2^8 (T+2) u M}; gaussian: absolute {@code 16 (T+2)^2 u (κ V + C)}: two
 * sources of rounding error, added. κ V: the values' magnitude V (sum of absolute terms) amplified
 * by κ, the largest condition number of a covariance block or precision inverted (near-collinear
 * x_{t-1}, x_t when β_t is small). C: the largest coefficient sum of any quadratic formed
 * (precisions 1/β make these large, and they cancel), times (1 + max |x_i|)^2 and max(1, |value|)
 * (an error in a log-density's coefficients is an absolute error in the log and a relative error
 * in the density). u = 2^-53. The dimension factor is quadratic: a Cholesky solve on n = T+1
 * unknowns loses about n u κ (Higham, Accuracy and Stability, Thm 10.4) and the quadratic forms
 * built from the solved blocks sum up to n more terms; a linear factor, 16 (T+2), was exceeded by a
 * correct spec at 1000 tries (Markov property of q, T = 2: error 68 u (κ V + C)). The worst case
 * would multiply the two sources; that bound hides dropped terms, so they are added.
 */
public final class ItemCheck {
    private static final double MARKOV_ULPS = 256;
    private static final double GAUSSIAN_ULPS = 16;

    private ItemCheck() {
    }

    /** What is checked: {@code lhs relation rhs}, for every value of {@code index} in from..to when index != null. */
    public record Subject(String label, Expr lhs, Relation relation, Expr rhs, String index, Expr from, Expr to) { }

    /** What the engine found. */
    public record Outcome(boolean passed, int tries, int defined, double largest, String tolerance, String method,
                          String counterexample, String replay) { }

    /** Runs the check. */
    public static Outcome run(Subject subject, Statement.Model model, String family, Map<String, Expr> lets,
                              RunConfig cfg) {
        Gen<ModelInstance> gen = family.equals("markov") ? InstanceGen.markov(model) : InstanceGen.gaussian(model);
        AtomicInteger defined = new AtomicInteger();
        AtomicBoolean monteCarlo = new AtomicBoolean();
        Verdict[] largest = {null};
        Property<ModelInstance> p = Property.forAll(subject.label(), gen, inst -> {
            Verdict v = verdict(subject, inst, lets, monteCarlo);
            if (v != null && v.isNumeric()) {
                defined.incrementAndGet();
                if (largest[0] == null || v.difference() > largest[0].difference()) {
                    largest[0] = v;
                }
            }
            return v == null ? Verdict.pass() : v;
        });
        PropertyResult r = p.check(cfg);
        String method = monteCarlo.get()
            ? String.format(Locale.ROOT, "Monte Carlo where no closed form: false-alarm rate %s per check (z = %.4f), "
                + "%d samples per expectation fixed in advance (detects %.2f standard deviations with power 0.99)",
                MonteCarlo.FALSE_ALARM, MonteCarlo.Z, MonteCarlo.SAMPLES, MonteCarlo.EFFECT)
            : "exact";
        String counterexample = "";
        String replay = "";
        Failure f = r.failure().orElse(null);
        if (f != null) {
            Verdict v = f.verdict();
            counterexample = "model instance (shrunk in " + f.shrinkSteps() + " steps): " + f.counterexample() + "\n"
                + v.render();
            replay = f.replayToken();
        }
        int definedCount = Math.min(defined.get(), r.tries());
        if (r.passed() && definedCount == 0) {
            return new Outcome(false, r.tries(), 0, Double.NaN, "", method, "never checked: on none of the " + r.tries()
                + " instances were both sides defined at any assignment (a density conditioned on an event of "
                + "probability 0, or inf - inf); declare 'positive' or narrow the model", "");
        }
        Verdict big = f != null && f.verdict().isNumeric() ? f.verdict() : largest[0];
        double disc = big == null ? Double.NaN : big.difference();
        String tol = big == null || big.tolerance() == null ? "" : big.tolerance().toString();
        return new Outcome(r.passed(), r.tries(), definedCount, disc, tol, method, counterexample, replay);
    }

    /** The worst verdict over all assignments and index values; null when nothing was defined. */
    static Verdict verdict(Subject s, ModelInstance inst, Map<String, Expr> lets, AtomicBoolean monteCarlo) {
        Scope base = new Scope(lets, inst.steps(), Map.of());
        List<Scope> scopes = new ArrayList<>();
        if (s.index() == null) {
            scopes.add(base);
        } else {
            for (int i = base.index(s.from()); i <= base.index(s.to()); i++) {
                scopes.add(base.with(s.index(), i));
            }
        }
        Verdict worst = null;
        for (Scope scope : scopes) {
            String at = s.index() == null ? "" : s.index() + " = " + scope.indices.get(s.index());
            Verdict v = inst instanceof MarkovInstance m ? markov(s, m, scope, at) : gaussian(s, (GaussianInstance) inst,
                scope, at, monteCarlo);
            if (v != null && !v.passed()) {
                return v;
            }
            if (v != null && (worst == null || worse(v, worst))) {
                worst = v;
            }
        }
        return worst;
    }

    private static Verdict markov(Subject s, MarkovInstance m, Scope scope, String at) {
        TreeSet<Integer> free = FreeVariables.of(s.lhs(), scope);
        free.addAll(FreeVariables.of(s.rhs(), scope));
        List<Integer> vars = new ArrayList<>(free);
        int count = 1;
        for (int i = 0; i < vars.size(); i++) {
            count *= m.states();
        }
        Verdict worst = null;
        int[] x = new int[m.steps() + 1];
        for (int c = 0; c < count; c++) {
            java.util.Arrays.fill(x, -1);
            int r = c;
            StringBuilder where = new StringBuilder(at);
            for (int v : vars) {
                x[v] = r % m.states();
                r /= m.states();
                where.append(where.length() > 0 ? ", " : "").append("x_").append(v).append(" = ").append(x[v]);
            }
            MarkovEvaluator ev = new MarkovEvaluator(m);
            double l = ev.eval(s.lhs(), scope, x);
            double rr = ev.eval(s.rhs(), scope, x);
            if (Double.isNaN(l) || Double.isNaN(rr)) {
                continue;
            }
            double mag = Math.max(ev.magnitude(), Math.max(finite(l), finite(rr)));
            Tolerance tol = Tolerance.absolute(MARKOV_ULPS * (m.steps() + 2) * Tolerance.UNIT_ROUNDOFF * mag)
                .named(String.format(Locale.ROOT, "markov: 2^8 (T+2) u M, M = %.3g", mag));
            Verdict v = relation(s, l, rr, tol, where.toString());
            if (!v.passed()) {
                return v;
            }
            if (worst == null || worse(v, worst)) {
                worst = v;
            }
        }
        return worst;
    }

    private static Verdict gaussian(Subject s, GaussianInstance g, Scope scope, String at, AtomicBoolean monteCarlo) {
        GaussianEvaluator ev = new GaussianEvaluator(g);
        TreeSet<Integer> free = FreeVariables.of(s.lhs(), scope);
        free.addAll(FreeVariables.of(s.rhs(), scope));
        Closed lc = ev.closed(s.lhs(), scope);
        Closed rc = lc.available() ? ev.closed(s.rhs(), scope) : null;
        if (rc == null || !rc.available()) {
            lc = null;
        }
        double[][] points = free.isEmpty() ? new double[][] {g.points()[0]} : g.points();
        Verdict worst = null;
        for (double[] x : points) {
            StringBuilder where = new StringBuilder(at);
            for (int v : free) {
                where.append(where.length() > 0 ? ", " : "").append("x_").append(v).append(" = ")
                    .append(ShortestDouble.toString(x[v]));
            }
            double l;
            double r;
            double se = 0;
            double mag;
            if (lc != null) {
                l = lc.at(x);
                r = rc.at(x);
                mag = Math.max(lc.magnitudeAt(x), rc.magnitudeAt(x));
            } else {
                monteCarlo.set(true);
                MonteCarlo mc = new MonteCarlo(g.toString().hashCode() * 31L + s.label().hashCode());
                GaussianEvaluator.Estimate le = ev.estimate(s.lhs(), scope, x, mc);
                GaussianEvaluator.Estimate re = le.available() ? ev.estimate(s.rhs(), scope, x, mc) : le;
                if (!re.available()) {
                    return Verdict.fail(s.label() + ": cannot be evaluated on the gaussian family: no closed form and "
                        + "no Monte Carlo estimator for " + re.whyNot()
                        + " (Monte Carlo covers expectations E_{...}[...] of closed-form integrands, linearly combined)");
                }
                l = le.mean();
                r = re.mean();
                se = Math.sqrt(le.variance() + re.variance());
                mag = Math.max(finite(l), finite(r));
            }
            if (Double.isNaN(l) || Double.isNaN(r)) {
                continue;
            }
            double radius = 1;
            for (double xi : x) {
                radius = Math.max(radius, 1 + Math.abs(xi));
            }
            double kappa = ev.condition[0];
            double values = Math.max(mag, Math.max(finite(l), finite(r)));
            double coefficients = ev.coefficientScale() * radius * radius * Math.max(1, Math.max(finite(l), finite(r)));
            mag = kappa * values + coefficients;
            double n = g.steps() + 2;
            Tolerance tol = Tolerance.absolute(GAUSSIAN_ULPS * n * n * Tolerance.UNIT_ROUNDOFF * mag)
                .named(String.format(Locale.ROOT, "gaussian: 16 (T+2)^2 u (kappa V + C), kappa = %.3g, V = %.3g, C = %.3g",
                    kappa, values, coefficients));
            if (se > 0) {
                tol = tol.or(Tolerance.absolute(MonteCarlo.Z * se).named(String.format(Locale.ROOT,
                    "Monte Carlo: z = %.3f standard errors (%.3g), false-alarm rate %s", MonteCarlo.Z, se,
                    MonteCarlo.FALSE_ALARM)));
            }
            Verdict v = relation(s, l, r, tol, where.toString());
            if (!v.passed()) {
                return v;
            }
            if (worst == null || worse(v, worst)) {
                worst = v;
            }
        }
        return worst;
    }

    private static boolean worse(Verdict a, Verdict b) {
        if (!a.isNumeric() || !b.isNumeric()) {
            return false;
        }
        return a.difference() > b.difference();
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? Math.abs(v) : 0;
    }

    private static Verdict relation(Subject s, double l, double r, Tolerance tol, String where) {
        String what = s.label() + ": left " + s.relation() + " right" + (where.isEmpty() ? "" : " at " + where);
        return switch (s.relation()) {
            case EQUAL -> Verdict.close(what, l, r, tol);
            case AT_MOST -> Verdict.atMost(what, l, r, tol);
            case AT_LEAST -> Verdict.atLeast(what, l, r, tol);
            case LESS -> l < r && !tol.accepts(r, l) ? Verdict.atMost(what, l, r, tol)
                : Verdict.fail(failText(what, l, r, tol));
            case GREATER -> l > r && !tol.accepts(r, l) ? Verdict.atLeast(what, l, r, tol)
                : Verdict.fail(failText(what, l, r, tol));
        };
    }

    private static String failText(String what, double l, double r, Tolerance tol) {
        return String.format(Locale.ROOT, "%s (strict)%n  left side:  %s%n  right side: %s%n  difference: %s%n"
            + "  tolerance:  %s", what, l, r, Math.abs(l - r), tol);
    }
}
