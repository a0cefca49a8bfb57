package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.List;
import org.probity.spec.ast.Expr;

/**
 * The closed forms of {@link GaussianEvaluator} under one scope: one method per node; each
 * evaluates its operands in order and stops at the first that has no closed form (whose
 * {@link Closed#none} it returns). A flat sum or product ({@link Chain}) is evaluated iteratively,
 * and the closed form of each of its partial results is cached for the Monte Carlo path.
 */
final class GaussianExact implements Expr.Visitor<Closed> {
    private final GaussianEvaluator ev;
    private final Scope s;
    private final int n;

    GaussianExact(GaussianEvaluator ev, Scope s) {
        this.ev = ev;
        this.s = s;
        this.n = ev.variables();
    }

    private Closed closed(Expr e) {
        return ev.closed(e, s);
    }

    @Override
    public Closed num(Expr.Num e) {
        return Closed.constant(e.value(), n);
    }

    @Override
    public Closed steps(Expr.Steps e) {
        return Closed.constant(s.steps, n);
    }

    @Override
    public Closed name(Expr.Name e) {
        Integer i = s.indices.get(e.name());
        Double t = s.times.get(e.name());
        return i != null ? Closed.constant(i, n) : t != null ? Closed.constant(t, n) : closed(s.lets.get(e.name()));
    }

    @Override
    public Closed var(Expr.Var e) {
        return Closed.poly(Quad.variable(s.slot(s.index(e.index())), n));
    }

    @Override
    public Closed neg(Expr.Neg e) {
        return closed(e.operand()).negate();
    }

    @Override
    public Closed bin(Expr.Bin b) {
        Chain c = Chain.of(b);
        Closed acc = closed(c.first());
        for (int k = 1; k <= c.size(); k++) {
            Expr.Bin node = c.nodes().get(k - 1);
            Closed r = acc.available() ? closed(c.operand(k)) : acc;
            acc = !r.available() ? r : apply(node, acc, r);
            if (k < c.size()) {
                acc = ev.remember(node, s, acc.from(node));
            }
        }
        return acc;
    }

    /** {@code l op r} for closed forms, with 0 * anything = 0, 0 / x = 0 (x != 0), 0 / 0 undefined. */
    private Closed apply(Expr.Bin b, Closed l, Closed r) {
        return switch (b.op()) {
            case ADD -> l.plus(r);
            case SUBTRACT -> l.plus(r.negate());
            case MULTIPLY -> isZero(l) || isZero(r) ? Closed.constant(0, n) : l.times(r);
            case DIVIDE -> isZero(l) ? Closed.constant(isZero(r) ? Double.NaN : 0, n) : l.dividedBy(r);
            case POWER -> r.isConstant() ? l.power(r.constantValue()) : Closed.none("a variable exponent", n);
        };
    }

    private static boolean isZero(Closed c) {
        return c.isConstant() && c.constantValue() == 0;
    }

    @Override
    public Closed call(Expr.Call c) {
        return switch (c.function().kind()) {
            case SCHEDULE -> Closed.constant(ev.instance().schedule(c.function(), s.index(c.argument())), n);
            case TIME -> {
                Closed a = closed(c.argument());
                yield !a.available() ? a : !a.isConstant() ? Closed.none(c.function() + " of a variable", n)
                    : Closed.constant(ev.instance().time(c.function(), a.constantValue(), c), n);
            }
            case ELEMENTWISE -> elementwise(c);
            case REDUCTION -> reduce(c);
            case DIAGONAL -> closed(c.argument());
            case STATIONARY -> throw new IllegalStateException("pi(x) on gaussian: Semantics admits it only in "
                + "markov stationary models");
        };
    }

    private Closed elementwise(Expr.Call c) {
        if (c.function() == org.probity.spec.ast.Function.LOG && c.argument() instanceof Expr.Normal nd) {
            return ev.logDensity(nd, s);
        }
        Closed a = closed(c.argument());
        return switch (c.function()) {
            case LOG -> a.log();
            case EXP -> a.exp();
            default -> !a.available() ? a : a.isConstant()
                ? Closed.constant(Scalar.apply(c.function(), a.constantValue()), n)
                : Closed.none(c.function() + " of a variable", n);
        };
    }

    /** sumdims, dot, norm2, tr, det: the components 0..d-1 evaluated one by one and combined. */
    private Closed reduce(Expr.Call c) {
        boolean product = c.function() == org.probity.spec.ast.Function.DET;
        Closed acc = Closed.constant(product ? 1 : 0, n);
        for (int i = 0; i < s.dims && acc.available(); i++) {
            Scope at = s.atComponent(i);
            Closed a = ev.closed(c.argument(), at);
            Closed term = switch (c.function()) {
                case DOT -> a.times(ev.closed(c.arguments().get(1), at));
                case NORM2 -> a.times(a);
                default -> a;
            };
            acc = product ? acc.times(term) : acc.plus(term);
        }
        return acc;
    }

    @Override
    public Closed identity(Expr.Identity e) {
        return Closed.constant(1, n);
    }

    @Override
    public Closed dims(Expr.Dims e) {
        return Closed.constant(s.dims, n);
    }

    @Override
    public Closed density(Expr.Density e) {
        return ev.density(e, s);
    }

    @Override
    public Closed normal(Expr.Normal e) {
        return ev.density(e, s);
    }

    @Override
    public Closed expect(Expr.Expect x) {
        Closed body = closed(x.body());
        if (!body.available()) {
            return body;
        }
        return body.times(ev.density(x.distribution(), s)).integrate(s.slotsOf(s.targets(x.distribution())), ev.condition, ev.budget());
    }

    @Override
    public Closed integral(Expr.Integral in) {
        List<Integer> times = new ArrayList<>();
        for (Scope.Slot sl : s.slots(in.variables())) {
            times.add(sl.index());
        }
        return closed(in.body()).integrate(s.slotsOf(times), ev.condition, ev.budget());
    }

    @Override
    public Closed sum(Expr.Sum sm) {
        int lo = s.index(sm.from());
        int hi = s.index(sm.to());
        Closed acc = Closed.constant(sm.product() ? 1 : 0, n);
        for (int i = lo; i <= hi && acc.available(); i++) {
            // a coarse loop: each term is a quadratic in all T + 1 variables (O(T^2) to build and add)
            ev.budget().checkNow();
            Closed v = ev.closed(sm.body(), s.with(sm.index(), i));
            acc = !v.available() ? v : sm.product() ? acc.times(v) : acc.plus(v);
        }
        return acc;
    }

    @Override
    public Closed kl(Expr.Kl k) {
        Closed d1 = ev.density(k.first(), s);
        if (!d1.available()) {
            return d1;
        }
        // each log-density noted: its coefficients (m^2 / v) can be far larger than the KL they cancel to
        Closed integrand = ev.note(ev.logDensity(k.first(), s)).plus(ev.note(ev.logDensity(k.second(), s)).negate());
        return integrand.times(d1).integrate(s.slotsOf(s.targets(k.first())), ev.condition, ev.budget());
    }

    @Override
    public Closed entropy(Expr.Entropy h) {
        Closed d1 = ev.density(h.first(), s);
        if (!d1.available()) {
            return d1;
        }
        Closed logD2 = ev.note(ev.logDensity(h.second() == null ? h.first() : h.second(), s));
        return logD2.negate().times(d1).integrate(s.slotsOf(s.targets(h.first())), ev.condition, ev.budget());
    }

    /**
     * Output component {@code s.component} of a network ({@link Networks}): c + W v + s exp(U v), v
     * the inputs' components stacked, each of which must be affine in the variables.
     */
    @Override
    public Closed net(Expr.Net e) {
        Networks.Unit u;
        if (ev.instance().continuous() != null && e.step() != null) {
            Closed time = closed(e.step());
            if (!time.available() || !time.isConstant()) {
                return time.available() ? Closed.none("a network at a time that is not a number", n) : time;
            }
            double tau = time.constantValue();
            if (!(tau >= 0 && tau <= 1)) {
                return Closed.constant(Double.NaN, n);
            }
            u = ev.instance().networks().unitAt(e.name(), tau, s.component);
        } else {
            u = ev.instance().networks().unit(e.name(), e.step() == null ? 0 : s.index(e.step()), s.component);
        }
        Quad lin = Quad.constant(u.c(), n);
        Quad arg = Quad.constant(0, n);
        int j = 0;
        for (Expr input : e.inputs()) {
            for (int m = 0; m < s.dims; m++, j++) {
                Quad v = affine(ev.closed(input, s.atComponent(m)));
                if (v == null) {
                    return Closed.none("a network of an input that is not affine in the variables", n);
                }
                lin = lin.plus(v.scale(u.w()[j]));
                arg = arg.plus(v.scale(u.u()[j]));
            }
        }
        Closed out = Closed.poly(lin);
        return u.s() == 0 ? out : out.plus(Closed.of(List.of(new Closed.Term(Quad.constant(u.s(), n), arg)), n));
    }

    /** The affine polynomial a closed form is, or null when it is not one (or has none). */
    static Quad affine(Closed v) {
        if (!v.available()) {
            return null;
        }
        if (v.terms.isEmpty()) {
            return Quad.constant(0, v.n);
        }
        if (v.terms.size() != 1) {
            return null;
        }
        Closed.Term t = v.terms.get(0);
        if (t.expo().degree() != 0 || t.poly().degree() > 1) {
            return null;
        }
        return t.poly().scale(Math.exp(t.expo().c));
    }

    @Override
    public Closed noise(Expr.Noise e) {
        return Closed.poly(Quad.variable(ev.noiseSlot(e.name(), s.component), n));
    }

    /**
     * \( \int \mathrm{body}[x_t := v] \, N(\varepsilon; 0, I) \, d\varepsilon \): each substituted
     * component replaced by its affine value, then the Gaussian integral over the noise's slots.
     */
    @Override
    public Closed noiseExpect(Expr.NoiseExpect x) {
        Closed body = closed(x.body());
        for (int k = 0; k < x.substituted().size() && body.available(); k++) {
            int t = s.index(x.substituted().get(k).from());
            for (int m = 0; m < s.dims; m++) {
                Quad v = affine(ev.closed(x.values().get(k), s.atComponent(m)));
                if (v == null) {
                    return Closed.none("a substituted value that is not affine in the variables", n);
                }
                body = body.substitute(t * s.dims + m, v);
            }
        }
        if (!body.available()) {
            return body;
        }
        Quad logNormal = Quad.constant(-0.5 * s.dims * Math.log(2 * Math.PI), n);
        for (int slot : ev.noiseSlots(x.noise())) {
            Quad z = Quad.variable(slot, n);
            logNormal = logNormal.plus(z.times(z).scale(-0.5));
        }
        return body.times(Closed.expQuad(logNormal)).integrate(ev.noiseSlots(x.noise()), ev.condition, ev.budget());
    }

    /**
     * {@code int_{t=a}^{b}( body )}: composite Gauss–Legendre in the model's log-SNR γ
     * ({@link GaussianEvaluator#nodes}); the body's closed forms at the nodes, weighted
     * and summed, are the integral's closed form. The evaluator's rule is the fine or the coarse one;
     * their difference is the declared quadrature error ({@link InstanceCheck}).
     */
    @Override
    public Closed timeIntegral(Expr.TimeIntegral e) {
        Closed from = closed(e.from());
        Closed to = from.available() ? closed(e.to()) : from;
        if (!to.available()) {
            return to;
        }
        if (!from.isConstant() || !to.isConstant()) {
            return Closed.none("int_{" + e.variable() + "=a}^{b} with a limit that depends on a variable", n);
        }
        double a = from.constantValue();
        double b = to.constantValue();
        if (!(a >= 0 && a <= 1 && b >= 0 && b <= 1)) {
            return Closed.none("int_{" + e.variable() + "=a}^{b} with a limit outside [0, 1] (a = " + Printer.number(a)
                + ", b = " + Printer.number(b) + "): the schedule is defined on [0, 1]", n);
        }
        double sign = a <= b ? 1 : -1;
        double[][] nodes = ev.nodes(Math.min(a, b), Math.max(a, b));
        Closed acc = Closed.constant(0, n);
        ev.budget().checkNow();
        for (int k = 0; k < nodes[0].length && acc.available(); k++) {
            Closed v = ev.closed(e.body(), s.withTime(e.variable(), nodes[0][k]));
            acc = !v.available() ? v : acc.plus(v.times(Closed.constant(sign * nodes[1][k], n)));
        }
        return acc;
    }
}
