package org.probity.spec.internal;

import java.time.Duration;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.probity.check.Failure;
import org.probity.check.Gen;
import org.probity.check.Property;
import org.probity.check.PropertyResult;
import org.probity.check.RunConfig;
import org.probity.check.Verdict;
import org.probity.math.Counts;
import org.probity.spec.SpecResult.Status;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Relation;
import org.probity.spec.ast.Statement;
import org.probity.spec.ast.VarItem;
import java.util.List;

/**
 * Checks one relation {@code lhs REL rhs} (a claim, a derivation step or a whole chain) on one
 * family with the property engine: every try generates a model instance and evaluates the relation
 * on it ({@link InstanceCheck}); the engine shrinks a failure. The verdict has three values:
 * FAIL when an instance fails; else NOT CHECKED when a construct could not be evaluated on some
 * instance (the reason names it and its source position) or when no instance had both sides
 * defined; else PASS.
 */
public final class ItemCheck {
    private ItemCheck() {
    }

    /**
     * What is checked: {@code lhs relation rhs}, for every value of {@code index} in from..to when
     * index != null; when {@code vector}, at every component 0..d-1; {@code over} are the variables
     * of {@code propto_{...}} (empty for every other relation).
     */
    public record Subject(String label, Expr lhs, Relation relation, Expr rhs, String index, Expr from, Expr to,
                          boolean vector, List<VarItem> over) {
        public Subject {
            over = List.copyOf(over);
        }

        /** A relation other than {@code propto}. */
        public Subject(String label, Expr lhs, Relation relation, Expr rhs, String index, Expr from, Expr to,
                       boolean vector) {
            this(label, lhs, relation, rhs, index, from, to, vector, List.of());
        }

        /** A scalar relation. */
        public Subject(String label, Expr lhs, Relation relation, Expr rhs, String index, Expr from, Expr to) {
            this(label, lhs, relation, rhs, index, from, to, false);
        }
    }

    /** Where an AST node is in its source, as "line L, column C" (or "" when unknown). */
    public interface Locator {
        /** The position of {@code node}, or "" when unknown. */
        String position(Object node);
    }

    /** What the engine found. */
    public record Outcome(Status status, int tries, int defined, double largest, String tolerance, String method,
                          String counterexample, String reason, String replay) { }

    /** Runs the check. */
    public static Outcome run(Subject subject, Statement.Model model, String family, Map<String, Expr> lets,
                              RunConfig cfg, Duration tryBudget, Locator locator) {
        return run(subject, model, family, lets, cfg, tryBudget, locator, List.of());
    }

    /**
     * Runs the check on the instances that satisfy {@code assumptions} ({@link Assumptions}: by
     * construction, else by rejection); the outcome's method lists them and how each was realised.
     */
    public static Outcome run(Subject subject, Statement.Model model, String family, Map<String, Expr> lets,
                              RunConfig cfg, Duration tryBudget, Locator locator, List<Statement.Assume> assumptions) {
        Assumptions assumed = new Assumptions(assumptions);
        AtomicInteger rejected = new AtomicInteger();
        Outcome o = run(subject, model, family, lets, cfg, tryBudget, locator, assumed, rejected);
        String stationary = switch (model.stationary()) {
            case NONE -> "";
            case DRAWN -> "; model stationary: pi drawn, every q(x_t | x_{t-1}) in detailed balance with pi, "
                + "p(x_T) = pi (by construction)";
            case UNIFORM -> "; model stationary uniform: pi uniform, every q(x_t | x_{t-1}) symmetric (doubly "
                + "stochastic), p(x_T) = pi (by construction)";
        };
        if (assumed.isEmpty()) {
            return stationary.isEmpty() ? o : new Outcome(o.status(), o.tries(), o.defined(), o.largest(), o.tolerance(),
                o.method() + stationary, o.counterexample(), o.reason(), o.replay());
        }
        String method = o.method() + stationary + "; assuming " + assumed.describe(rejected.get(), o.tries());
        String reason = o.reason();
        Status status = o.status();
        if (status == Status.NOT_CHECKED && o.defined() == 0 && rejected.get() >= o.tries() && o.tries() > 0) {
            reason = "every instance violated an assumption realised by rejection (" + rejected.get() + " of "
                + o.tries() + "): " + assumed.describe(rejected.get(), o.tries());
        }
        return new Outcome(status, o.tries(), o.defined(), o.largest(), o.tolerance(), method, o.counterexample(),
            reason, o.replay());
    }

    private static Outcome run(Subject subject, Statement.Model model, String family, Map<String, Expr> lets,
                               RunConfig cfg, Duration tryBudget, Locator locator, Assumptions assumed,
                               AtomicInteger rejected) {
        Gen<ModelInstance> gen = family.equals("markov") ? InstanceGen.markov(model)
            : InstanceGen.gaussian(model, Auxiliaries.of(lets, uses(subject, assumed)).networks());
        gen = gen.map(assumed::construct);
        // The engine calls the body for its tries first, then again while it shrinks a failure: what each call met is
        // recorded by call number, so that the counts reported ("on k of n instances") cover the n tries only.
        BitSet definedCalls = new BitSet();
        BitSet unevaluableCalls = new BitSet();
        BitSet rejectedCalls = new BitSet();
        int[] calls = {0};
        Object[] undefinedAt = {null};
        double[] undefinedTime = {Double.NaN};
        InstanceCheck.Trace trace = new InstanceCheck.Trace();
        InstanceCheck.Prepared prepared = InstanceCheck.Prepared.of(subject, lets);
        Verdict[] largest = {null};
        String[] stopped = {null};
        RuntimeException[] broke = {null};
        Property<ModelInstance> p = Property.forAll(subject.label(), gen, inst -> {
            if (stopped[0] != null || broke[0] != null) {
                return Verdict.pass();
            }
            int call = calls[0]++;
            trace.startInstance(Budget.of(tryBudget));
            Verdict v;
            try {
                if (!assumed.accepts(inst, lets, trace.budget)) {
                    rejectedCalls.set(call);
                    return Verdict.pass();
                }
                v = InstanceCheck.verdict(prepared, inst, lets, trace);
                if (inst instanceof GaussianInstance g && g.outsideTimeNode() != null && undefinedAt[0] == null) {
                    undefinedAt[0] = g.outsideTimeNode();
                    undefinedTime[0] = g.outsideTime();
                }
                if (trace.instanceUnevaluable()) {
                    unevaluableCalls.set(call);
                }
            } catch (Budget.Exceeded e) {
                stopped[0] = e.getMessage() + " (" + inst.describeSize() + "); the remaining tries were not evaluated";
                return Verdict.pass();
            } catch (OutOfMemoryError e) {
                // the closed forms of a large gaussian model hold quadratics in all T + 1 variables per term; an
                // instance that exhausts the heap is not checked (a resource limit), never a failed claim. What
                // this try allocated is unreachable once the evaluation has unwound.
                stopped[0] = "one instance needed more memory than the JVM has (" + inst.describeSize()
                    + "); the remaining tries were not evaluated";
                return Verdict.pass();
            } catch (RuntimeException e) {
                broke[0] = e;
                return Verdict.pass();
            }
            if (v != null && v.isNumeric()) {
                definedCalls.set(call);
                if (largest[0] == null || v.difference() > largest[0].difference()) {
                    largest[0] = v;
                }
            }
            return v == null ? Verdict.pass() : v;
        });
        PropertyResult r = p.check(cfg);
        if (broke[0] != null) {
            throw new IllegalStateException(subject.label() + " [" + family + "]: evaluation failed with "
                + broke[0].getClass().getSimpleName() + ": " + broke[0].getMessage(), broke[0]);
        }
        String method = trace.monteCarlo
            ? String.format(Locale.ROOT, "Monte Carlo where no closed form: false-alarm rate %s per check (z = %.4f), "
                + "%d samples per expectation fixed in advance (detects %.2f standard deviations with power 0.99)",
                MonteCarlo.FALSE_ALARM, MonteCarlo.Z, MonteCarlo.SAMPLES, MonteCarlo.EFFECT)
            : "exact";
        Failure f = r.failure().orElse(null);
        int definedCount = definedCalls.get(0, r.tries()).cardinality();
        rejected.set(rejectedCalls.get(0, r.tries()).cardinality());
        Unevaluable unevaluable = new Unevaluable(unevaluableCalls.get(0, r.tries()).cardinality(), r.tries(),
            unevaluableCalls.get(r.tries(), Math.max(r.tries(), calls[0])).cardinality(), calls[0] - r.tries());
        Verdict big = f != null && f.verdict().isNumeric() ? f.verdict() : largest[0];
        double disc = big == null ? Double.NaN : big.difference();
        String tol = big == null || big.tolerance() == null ? "" : big.tolerance().toString();
        if (f != null) {
            String counterexample = "model instance (shrunk in " + Counts.of(f.shrinkSteps(), "step") + "): " + f.counterexample()
                + "\n" + f.verdict().render();
            return new Outcome(Status.FAIL, r.tries(), definedCount, disc, tol, method, counterexample,
                unevaluable(trace, family, unevaluable, locator), f.replayToken());
        }
        if (trace.why != null) {
            return new Outcome(Status.NOT_CHECKED, r.tries(), definedCount, disc, tol, method, "",
                unevaluable(trace, family, unevaluable, locator), "");
        }
        if (stopped[0] != null) {
            return new Outcome(Status.NOT_CHECKED, r.tries(), definedCount, disc, tol, method, "", stopped[0], "");
        }
        if (r.tries() == 0 || r.discards() >= r.tries() && definedCount == 0) {
            return new Outcome(Status.NOT_CHECKED, r.tries(), 0, Double.NaN, "", method, "", String.format(Locale.ROOT,
                "the property engine discarded every try (%d discarded): a model instance needs more random "
                + "choices than it allows", r.discards()), "");
        }
        if (definedCount == 0 && undefinedAt[0] != null) {
            // SNR(1.5): a time function outside [0, 1] is undefined (the point is skipped); say so, not densities
            String where = locator.position(undefinedAt[0]);
            return new Outcome(Status.NOT_CHECKED, r.tries(), 0, Double.NaN, "", method, "", String.format(Locale.ROOT,
                "on none of the %s were both sides defined: %s%s is at a time outside [0, 1] (t = %s), where the "
                + "continuous-time schedule of a vdm model is defined", Counts.of(r.tries(), "instance"),
                where.isEmpty() ? "" : where + ": ", Printer.print((Expr) undefinedAt[0]),
                Printer.number(undefinedTime[0])), "");
        }
        if (definedCount == 0) {
            return new Outcome(Status.NOT_CHECKED, r.tries(), 0, Double.NaN, "", method, "", "on none of the "
                + Counts.of(r.tries(), "instance") + " were both sides defined at any assignment (a density conditioned on an "
                + "event of probability 0, or inf - inf); declare 'positive' or narrow the model", "");
        }
        return new Outcome(Status.PASS, r.tries(), definedCount, disc, tol, method, "", "", "");
    }

    private static Expr[] uses(Subject subject, Assumptions assumed) {
        List<Expr> out = new java.util.ArrayList<>(List.of(subject.lhs(), subject.rhs()));
        out.addAll(assumed.expressions());
        return out.toArray(new Expr[0]);
    }

    /**
     * How many of the {@code tries} generated instances met a construct that cannot be evaluated, and how many of
     * the {@code shrinkCalls} evaluations made while shrinking a failure did (the shrinker's candidates are not
     * instances of the run, so they are counted apart: never "k of n" with k > n).
     */
    private record Unevaluable(int instances, int tries, int whileShrinking, int shrinkCalls) {
        @Override
        public String toString() {
            String shrink = whileShrinking == 0 ? "" : String.format(Locale.ROOT,
                ", and on %d of the %s tried while shrinking the failure", whileShrinking, Counts.of(shrinkCalls, "candidate"));
            return String.format(Locale.ROOT, "on %d of %s%s", instances, Counts.of(tries, "instance"), shrink);
        }
    }

    /**
     * "POSITION: CONSTRUCT: cannot be evaluated on the FAMILY family: WHY (what the family evaluates);
     * on k of n instances[, and on s of the m candidates tried while shrinking the failure]".
     */
    private static String unevaluable(InstanceCheck.Trace trace, String family, Unevaluable counts, Locator locator) {
        if (trace.why == null) {
            return "";
        }
        String where = trace.origin == null ? "" : locator.position(trace.origin);
        String what = trace.origin instanceof Expr e ? Printer.print(e) : "";
        return String.format(Locale.ROOT, "%s%scannot be evaluated on the %s family: %s (%s); %s",
            where.isEmpty() ? "" : where + ": ", what.isEmpty() ? "" : what + ": ", family, trace.why, COVERS, counts);
    }

    /** What the gaussian family evaluates, for the reason of a construct it cannot. */
    private static final String COVERS = "exact: densities, KL, entropies, and E and int of polynomials of degree <= 2 "
        + "times exp-quadratics; Monte Carlo: other expectations E_{...}[...] of closed-form integrands, linearly "
        + "combined";
}
