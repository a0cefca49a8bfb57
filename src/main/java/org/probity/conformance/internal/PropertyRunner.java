package org.probity.conformance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.probity.check.Engine;
import org.probity.check.RunConfig;
import org.probity.check.Shrunk;
import org.probity.check.Trial;
import org.probity.check.Trials;
import org.probity.check.Verdict;
import org.probity.conformance.Finding;
import org.probity.conformance.NotCheckable;
import org.probity.conformance.OpError;
import org.probity.conformance.PropertyRun;
import org.probity.conformance.ReplayRefused;

/**
 * Runs one conformance property on the property engine ({@link Engine#trials}): draws the run's
 * cases, answers them all in one evaluation (one request per op for batchable ops, one per schedule
 * otherwise), and shrinks the first failing case with the engine, re-querying the implementation
 * for each candidate (within the run's shrink budgets). An implementation error on a batch is
 * localized by bisection, so it costs log₂(batch) extra requests. With a replay token for this
 * property, evaluates only the input it names.
 */
public final class PropertyRunner {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

    private PropertyRunner() {
    }

    /**
     * The trials of {@code p} in the run {@code cfg}. Each property draws with its own seed, derived
     * from the run's seed and the property's name, so properties that share a generator check
     * different cases.
     */
    public static <C> Trials<C> trials(ConformanceProperty<C> p, RunConfig cfg) {
        long propertySeed = cfg.seed() ^ (GOLDEN_GAMMA * (p.name().hashCode() + 1L));
        return Engine.trials(p.name(), p.gen(), cfg.withSeed(propertySeed));
    }

    /**
     * Runs {@code p} against {@code ctx}; in replay mode ({@link RunConfig#replay()}), only when the
     * token names {@code p}.
     *
     * @return the run, or empty when a replay token names another property
     * @throws ReplayRefused if the replay token names {@code p} but does not replay an input of it exactly
     */
    public static <C> Optional<PropertyRun> run(ConformanceProperty<C> p, CheckContext ctx, RunConfig cfg) {
        Trials<C> trials = trials(p, cfg);
        List<Trial<C>> drawn = new ArrayList<>();
        if (cfg.replay() != null) {
            Optional<String> problem = trials.replayProblem();
            if (problem.isPresent()) {
                throw new ReplayRefused(p.name(), cfg.replay(), problem.get());
            }
            Optional<Trial<C>> one = trials.replay();
            if (one.isEmpty()) {
                return Optional.empty();
            }
            drawn.add(one.get());
        } else {
            trials.forEach(drawn::add);
            if (trials.discardNote().isPresent()) {
                throw new IllegalStateException(p.name() + ": " + trials.discardNote().get());
            }
        }
        List<C> cases = new ArrayList<>(drawn.size());
        drawn.forEach(d -> cases.add(d.value()));
        List<Outcome> outcomes = evaluateSafely(p, ctx, cases);
        long points = 0;
        long maxUlps = 0;
        double maxUsage = 0;
        double maxDifference = 0;
        int firstFail = -1;
        int firstError = -1;
        int firstUnresolved = -1;
        long unresolved = 0;
        long compared = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            points += o.points();
            unresolved += o.unresolved().size();
            compared += o.unresolved().size() + o.checks().size();
            if (firstUnresolved < 0 && !o.unresolved().isEmpty()) {
                firstUnresolved = i;
            }
            for (Verdict c : o.checks()) {
                if (Comparison.acceptedByRelativeRule(c)) {
                    maxUlps = Math.max(maxUlps, Comparison.ulpsIn(ctx.precision(), c));
                }
                maxUsage = Math.max(maxUsage, Comparison.usage(c));
                if (c.isEquality() && !Double.isNaN(c.difference())) {
                    maxDifference = Math.max(maxDifference, c.difference());
                }
            }
            if (o.error() != null) {
                maxUsage = Double.POSITIVE_INFINITY;
                firstError = firstError < 0 ? i : firstError;
            } else if (firstFail < 0 && !o.verdict().passed()) {
                firstFail = i;
            }
        }
        // a crash on part of the domain is a finding of its own and hides nothing: the numeric
        // failures are shrunk among the inputs that do not raise (a raising candidate fails another way)
        Optional<Finding> finding = firstFail < 0 ? Optional.empty() : Optional.of(shrunk(p, ctx, cfg, trials, drawn.get(firstFail),
            outcomes.get(firstFail).verdict()));
        Optional<Finding> crash = firstError < 0 ? Optional.empty() : Optional.of(shrunk(p, ctx, cfg, trials, drawn.get(firstError),
            outcomes.get(firstError).verdict()));
        Optional<NotCheckable> notCheckable = Optional.empty();
        if (firstUnresolved >= 0) {
            notCheckable = Optional.of(notCheckable(p, ctx, cfg, trials, drawn.get(firstUnresolved), outcomes.get(firstUnresolved),
                unresolved, compared));
        }
        return Optional.of(new PropertyRun(p.op(), p.name(), p.kind() == ConformanceProperty.Kind.SELF, drawn.size(), points,
            maxUlps, maxUsage, maxDifference, finding, notCheckable, crash));
    }

    /** The finding of a failing case, shrunk by the engine (keeping to its kind of failure) unless replaying. */
    private static <C> Finding shrunk(ConformanceProperty<C> p, CheckContext ctx, RunConfig cfg, Trials<C> trials, Trial<C> failing,
                                      Verdict v) {
        if (cfg.replay() != null) {
            return finding(p, ctx, failing, v, 0, false, cfg.seed());
        }
        Shrunk<C> s = trials.shrink(failing, v, c -> evaluateSafely(p, ctx, List.of(c)).get(0).verdict());
        return finding(p, ctx, s.trial(), s.verdict(), s.steps(), s.flaky(), cfg.seed());
    }

    /**
     * The region the declared precision cannot resolve, shown on the simplest input the engine finds
     * in it (shrunk like a failure: a case is "in the region" when one of its numbers is not checkable).
     */
    private static <C> NotCheckable notCheckable(ConformanceProperty<C> p, CheckContext ctx, RunConfig cfg, Trials<C> trials,
                                                 Trial<C> first, Outcome outcome, long count, long compared) {
        Trial<C> shown = first;
        Outcome o = outcome;
        if (cfg.replay() == null) {
            Shrunk<C> s = trials.shrink(first, outcome.unresolvedVerdict(),
                c -> evaluateSafely(p, ctx, List.of(c)).get(0).unresolvedVerdict());
            Outcome again = evaluateSafely(p, ctx, List.of(s.trial().value())).get(0);
            if (!again.unresolved().isEmpty()) {
                shown = s.trial();
                o = again;
            }
        }
        Outcome.Unresolved u = o.unresolved().get(0);
        Verdict c = u.comparison();
        return new NotCheckable(p.op(), p.name(), p.show(shown.value(), focus(c.description())), c.description(), c.lhs(),
            c.rhs(), u.reason(), count, compared, shown.replayToken());
    }

    private static <C> List<Outcome> evaluateSafely(ConformanceProperty<C> p, CheckContext ctx, List<C> cases) {
        if (cases.isEmpty()) {
            return List.of();
        }
        try {
            return p.evaluate(ctx, cases);
        } catch (OpError e) {
            if (cases.size() == 1) {
                return List.of(Outcome.error(0, e.getMessage()));
            }
            int mid = cases.size() / 2;
            List<Outcome> out = new ArrayList<>(evaluateSafely(p, ctx, cases.subList(0, mid)));
            out.addAll(evaluateSafely(p, ctx, cases.subList(mid, cases.size())));
            return out;
        }
    }

    /** The batch index named in a quantity such as {@code "variance[3]"}, or −1. */
    static int focus(String quantity) {
        Matcher m = INDEX.matcher(quantity);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static <C> Finding finding(ConformanceProperty<C> p, CheckContext ctx, Trial<C> t, Verdict v, int steps, boolean flaky,
                                       long seed) {
        String flakyNote = flaky ? " (FLAKY: the same input passed when asked again: the implementation depends on hidden state)" : "";
        if (!v.isNumeric()) {
            return new Finding(p.op(), p.name(), p.show(t.value(), -1), Finding.ERROR, Double.NaN, Double.NaN, Double.NaN, "-",
                v.description() + flakyNote, steps, seed, t.replayToken());
        }
        return new Finding(p.op(), p.name(), p.show(t.value(), focus(v.description())), v.description(), v.lhs(), v.rhs(),
            Comparison.difference(v), v.tolerance().toString(),
            Comparison.render(v, p.kind() == ConformanceProperty.Kind.REFERENCE, ctx.precision()) + flakyNote, steps, seed, t.replayToken());
    }
}
