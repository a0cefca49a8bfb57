package org.probity.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.probity.check.RunConfig;
import org.probity.conformance.internal.CaseGens;
import org.probity.conformance.internal.D3pmProperties;
import org.probity.conformance.internal.RepeatedRequests;
import org.probity.conformance.internal.SamplerProperties;
import org.probity.conformance.internal.V2ScheduleProperties;
import org.probity.conformance.internal.CategoricalProperties;
import org.probity.conformance.internal.CheckContext;
import org.probity.conformance.internal.ConformanceProperty;
import org.probity.conformance.internal.GaussianProperties;
import org.probity.conformance.internal.PropertyRunner;
import org.probity.conformance.internal.ScheduleProperties;

/**
 * Checks an {@link Implementation} — an adapter process ({@link SubprocessImplementation}) or a JVM
 * implementation in-process — against PROTOCOL.md "What is checked": for every op it lists, the
 * properties of the implementation alone (KL ≥ 0 and KL(p ‖ p) = 0; cross-entropy = KL + entropy;
 * the posterior is Bayes' rule on its own marginal and the one-step transition; prior_kl is its own
 * normal_kl of q(x_T | x_0) against N(0, 1); vb_term is 0 at model = posterior; the discretized
 * likelihood sums to 1 over the 256 bins; x̂_0 from the true ε recovers x_0; log_variance is the
 * log of variance), and agreement with Probity's reference. Tolerances are derived from each
 * quantity's conditioning at the precision the implementation declares ({@link Precision}).
 *
 * <p>Inputs come from the property engine's generators (schedules of six families and arbitrary β
 * at T = 1..1000, edge timesteps t = 1, 2, T − 1, T, log-variances in [−30, 30], probability vectors
 * with exact zeros); each property draws {@link RunConfig#tries()} cases on the property engine
 * and answers them with one request per op (non-schedule ops) or per schedule; the first failing
 * case is shrunk by re-querying the implementation, and its finding carries the replay token that
 * reruns it ({@link RunConfig#withReplay}). {@link AdapterFault} propagates: a broken adapter stops
 * the check.
 */
public final class ConformanceChecker {
    /** Cases per property when not told otherwise. */
    public static final int DEFAULT_TRIES = 100;
    /**
     * Shrink candidates per finding when not told otherwise (each one or a few requests): the most
     * {@code --max-shrink} accepts, so that by default shrinking runs to a minimal input and
     * {@link #SHRINK_TIME_BUDGET} is what bounds it (300 left T = 790 schedules and 12-entry rows).
     */
    public static final int DEFAULT_SHRINK_STEPS = 10_000;
    /** Wall-clock budget of shrinking one finding. */
    public static final Duration SHRINK_TIME_BUDGET = Duration.ofSeconds(20);

    private ConformanceChecker() {
    }

    /**
     * The run options of a conformance check with seed {@code seed}: {@link #DEFAULT_TRIES} cases per
     * property, {@link #DEFAULT_SHRINK_STEPS} shrink candidates within {@link #SHRINK_TIME_BUDGET}.
     *
     * @param seed the seed that fixes every generated case
     * @return the options; {@code withX} methods adjust them
     */
    public static RunConfig options(long seed) {
        return RunConfig.ofSeed(seed).withTries(DEFAULT_TRIES).withMaxShrinkSteps(DEFAULT_SHRINK_STEPS)
            .withShrinkTimeBudget(SHRINK_TIME_BUDGET);
    }

    /**
     * Every property, generating schedules within {@code d}'s limits and the enumerated arguments it
     * declares ({@code schedules}, {@code variants}).
     */
    static List<ConformanceProperty<?>> properties(Description d) {
        CaseGens gens = CaseGens.within(d.limits());
        List<ConformanceProperty<?>> all = new ArrayList<>();
        all.addAll(ScheduleProperties.all(gens));
        all.addAll(GaussianProperties.all(gens));
        all.addAll(CategoricalProperties.all());
        all.addAll(V2ScheduleProperties.all(gens, d));
        double smallestAlphaBar = new CheckContext(null, d.precision()).smallestAlphaBar();
        all.addAll(SamplerProperties.all(gens, d, smallestAlphaBar));
        all.addAll(D3pmProperties.all(gens, d, smallestAlphaBar));
        return all;
    }

    /**
     * Every property {@code check-impl} checks, in op order (an implementation that lists every op,
     * declares no limits and all variants): what {@code check-impl --list-ops} prints.
     *
     * @return the catalog, the whole-run property last for each op
     */
    public static List<CheckedProperty> catalog() {
        Description all = Description.of("catalog", java.util.EnumSet.allOf(Op.class), Precision.FLOAT64);
        List<ConformanceProperty<?>> props = properties(all);
        List<CheckedProperty> out = new ArrayList<>();
        for (Op op : Op.values()) {
            for (ConformanceProperty<?> p : props) {
                if (p.op() == op) {
                    Set<Op> companions = EnumSet.copyOf(p.requires());
                    companions.remove(op);
                    out.add(new CheckedProperty(op, p.name(), p.kind() == ConformanceProperty.Kind.SELF, companions));
                }
            }
            out.add(new CheckedProperty(op, RepeatedRequests.PROPERTY, true, Set.of()));
        }
        return List.copyOf(out);
    }

    /**
     * Puts each failing cross-op property on the op whose answers are wrong: when a property of the
     * implementation alone that uses companion ops fails, its own op passes every reference check it
     * ran, and a companion op fails one of its reference checks, the finding names that companion
     * ("consistent with the reference; fails because q_mean_variance is wrong") and the property no
     * longer counts against its own op ({@link PropertyRun#blamedOn()}).
     *
     * @param results the op results, in op order
     * @param companions the ops each run's property used (its own op included)
     * @return the results with blame moved
     */
    static List<OpResult> blame(List<OpResult> results, Map<PropertyRun, Set<Op>> companions) {
        Set<Op> wrong = EnumSet.noneOf(Op.class);
        for (OpResult o : results) {
            if (o.runs().stream().anyMatch(r -> !r.selfConsistency() && !r.passed())) {
                wrong.add(o.op());
            }
        }
        List<OpResult> out = new ArrayList<>(results.size());
        for (OpResult o : results) {
            List<PropertyRun> reference = o.runs().stream().filter(r -> !r.selfConsistency()).toList();
            boolean ownAnswersAgree = !reference.isEmpty() && reference.stream().allMatch(PropertyRun::passed);
            List<PropertyRun> runs = new ArrayList<>(o.runs().size());
            for (PropertyRun r : o.runs()) {
                Optional<Op> culprit = Optional.empty();
                if (ownAnswersAgree && r.selfConsistency() && r.finding().isPresent() && companions.containsKey(r)) {
                    culprit = companions.get(r).stream().filter(c -> c != o.op() && wrong.contains(c)).findFirst();
                }
                if (culprit.isEmpty()) {
                    runs.add(r);
                    continue;
                }
                Finding f = r.finding().get();
                String why = String.format(java.util.Locale.ROOT, " — %s is consistent with the reference; this fails because %s is "
                    + "wrong (its own reference check fails)", o.op().wireName(), culprit.get().wireName());
                runs.add(r.withFinding(new Finding(culprit.get(), f.property(), f.input(), f.quantity(), f.implementation(),
                    f.expected(), f.difference(), f.tolerance(), f.detail() + why, f.shrinkSteps(), f.seed(), f.replayToken())));
            }
            out.add(new OpResult(o.op(), o.listed(), List.copyOf(runs), o.skipped()));
        }
        return out;
    }

    /**
     * Checks {@code impl}.
     *
     * @param impl the implementation (not closed by this method)
     * @param options seed, tries, shrink budgets, replay token ({@link #options(long)})
     * @return the report; with a replay token, only the property it names has a run
     * @throws AdapterFault if an adapter process breaks the protocol
     * @throws ReplayRefused if the replay token names a property but does not replay an input of it exactly
     */
    public static ConformanceReport check(Implementation impl, RunConfig options) {
        Objects.requireNonNull(impl, "impl");
        Objects.requireNonNull(options, "options");
        long start = System.nanoTime();
        long req0 = impl instanceof SubprocessImplementation s ? s.requests() : 0;
        long nanos0 = impl instanceof SubprocessImplementation s ? s.nanosInRequests() : 0;
        Description d = impl.describe();
        RepeatedRequests recorded = new RepeatedRequests(impl);
        CheckContext ctx = new CheckContext(options.replay() == null ? recorded : impl, d.precision());
        List<ConformanceProperty<?>> props = properties(d);
        List<OpResult> results = new ArrayList<>();
        Map<PropertyRun, Set<Op>> companions = new IdentityHashMap<>();
        for (Op op : Op.values()) {
            List<PropertyRun> runs = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            if (d.supports(op)) {
                for (ConformanceProperty<?> p : props) {
                    if (p.op() != op) {
                        continue;
                    }
                    Set<Op> missing = EnumSet.copyOf(p.requires());
                    missing.removeAll(d.ops());
                    if (!missing.isEmpty()) {
                        skipped.add(p.name() + " (needs " + missing + ")");
                        continue;
                    }
                    if (p.unavailableReason().isPresent()) {
                        skipped.add(p.name() + " (" + p.unavailableReason().get() + ")");
                        continue;
                    }
                    if (!d.limits().contains(Math.max(p.minSteps(), d.limits().minSteps()))) {
                        skipped.add(p.name() + " (needs T >= " + p.minSteps() + ", outside the adapter's limits " + d.limits() + ")");
                        continue;
                    }
                    PropertyRunner.run(p, ctx, options).ifPresent(run -> {
                        runs.add(run);
                        companions.put(run, p.requires());
                    });
                }
            }
            results.add(new OpResult(op, d.supports(op), runs, List.copyOf(skipped)));
        }
        if (options.replay() == null) {
            // the whole-run property: the first requests of every op, sent again now
            Map<Op, PropertyRun> again = recorded.replay(ctx, options.seed());
            List<OpResult> withRepeats = new ArrayList<>();
            for (OpResult o : results) {
                List<PropertyRun> runs = new ArrayList<>(o.runs());
                if (again.containsKey(o.op()) && !runs.isEmpty()) {
                    runs.add(again.get(o.op()));
                }
                withRepeats.add(new OpResult(o.op(), o.listed(), List.copyOf(runs), o.skipped()));
            }
            results = withRepeats;
        } else {
            results = results.stream().map(o -> new OpResult(o.op(), o.listed(), List.copyOf(o.runs()), o.skipped())).toList();
        }
        results = blame(results, companions);
        long req = impl instanceof SubprocessImplementation s ? s.requests() - req0 : 0;
        long nanos = impl instanceof SubprocessImplementation s ? s.nanosInRequests() - nanos0 : 0;
        return new ConformanceReport(d, List.copyOf(results), options.seed(), options.tries(),
            Duration.ofNanos(System.nanoTime() - start), req, nanos, options.replay());
    }
}
