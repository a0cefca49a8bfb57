package org.probity.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.opentest4j.AssertionFailedError;
import org.probity.check.internal.Discard;
import org.probity.check.internal.ReplayToken;
import org.probity.check.internal.TryContext;

/**
 * A named statement "for all inputs from a generator, the body's verdict passes", with optional
 * coverage requirements and explicit examples. Immutable; {@link #cover} and {@link #withExamples}
 * return copies.
 *
 * <pre>{@code
 * Property<double[]> p = Property.forAll("entropy is at most log k",
 *     Gens.probabilityVectors(Gens.integers(2, 8)),
 *     v -> Verdict.atMost("H(v) <= log k", entropy(v), Math.log(v.length), Tolerance.ulps(4)));
 * p.assertHolds();   // in a JUnit test
 * }</pre>
 *
 * @param <T> the type of the inputs
 */
public final class Property<T> {
    /** A named class of inputs that must appear in at least {@code minPercent} % of tries. */
    record Coverage<T>(String name, double minPercent, Predicate<? super T> member) {
    }

    private final String name;
    private final Gen<T> gen;
    private final Function<? super T, Verdict> body;
    private final List<Coverage<T>> coverage;
    private final List<T> examples;

    private Property(String name, Gen<T> gen, Function<? super T, Verdict> body, List<Coverage<T>> coverage, List<T> examples) {
        this.name = name;
        this.gen = gen;
        this.body = body;
        this.coverage = List.copyOf(coverage);
        this.examples = List.copyOf(examples);
    }

    /**
     * A property whose body returns a {@link Verdict}. A body that throws fails the try; the
     * exception is reported.
     */
    public static <T> Property<T> forAll(String name, Gen<T> gen, Function<? super T, Verdict> body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gen, "gen");
        Objects.requireNonNull(body, "body");
        return new Property<>(name, gen, body, List.of(), List.of());
    }

    /**
     * A property whose body is a plain condition; a failure reads "the condition 'NAME' is false",
     * with the input.
     */
    public static <T> Property<T> holds(String name, Gen<T> gen, Predicate<? super T> body) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(name, "name");
        String why = "the condition '" + name + "' is false";
        return forAll(name, gen, x -> Verdict.check(body.test(x), why));
    }

    /**
     * Inside a property's body: discards the try unless {@code condition} holds (the input is
     * outside the property's domain). A discarded try is not counted; more than
     * {@link RunConfig#maxDiscardRatio()} discards per try fail the run, naming {@code why}.
     * Shrinking never lands on an input the body discards.
     *
     * @param condition whether the input is one the property is about
     * @param why what the body assumes, e.g. "index inside the list"
     */
    public static void assume(boolean condition, String why) {
        Objects.requireNonNull(why, "why");
        if (!condition) {
            throw new Discard(why);
        }
    }

    /**
     * Inside a property's body: counts this try under {@code value} of {@code statistic}. The report
     * and {@link PropertyResult#statistics()} give, per statistic, a histogram of the tries (each
     * value counted once per try).
     *
     * @throws IllegalStateException outside a property's body
     */
    public static void collect(String statistic, Object value) {
        Objects.requireNonNull(statistic, "statistic");
        context("collect").collect(statistic, String.valueOf(value instanceof Object[] a ? java.util.Arrays.asList(a) : value));
    }

    /**
     * Inside a property's body: labels this try ({@link #collect} under the statistic "label"), e.g.
     * {@code label(x < 0 ? "negative" : "non-negative")}.
     *
     * @throws IllegalStateException outside a property's body
     */
    public static void label(String label) {
        collect("label", Objects.requireNonNull(label, "label"));
    }

    /**
     * Inside a property's body: reports {@code value} for {@code label}, which the run tries to make
     * larger (Hypothesis' {@code target}): the last quarter of a run's tries are small changes to
     * the input with the largest value so far, kept when they go higher. The largest value and its
     * input are reported ({@link PropertyResult#targets()}). A natural target is the discrepancy of
     * a relation over its tolerance ({@link Verdict#usage()}): the search then hunts the worst case.
     *
     * @param label what is maximised
     * @param value its value for this try; not NaN
     * @throws IllegalArgumentException if {@code value} is NaN
     * @throws IllegalStateException outside a property's body
     */
    public static void target(String label, double value) {
        Objects.requireNonNull(label, "label");
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("target: expected a value that is not NaN for '" + label + "'");
        }
        context("target").target(label, value);
    }

    private static TryContext context(String what) {
        TryContext c = TryContext.current();
        if (c == null) {
            throw new IllegalStateException(what + "(...) is only meaningful inside a property's body, while the engine runs it");
        }
        return c;
    }

    /**
     * A copy whose body also {@link #target targets} {@code measure} of every numeric verdict it
     * returns (passing or not; NaN values skipped), e.g. {@code targeting("err/tol", Verdict::usage)}.
     */
    public Property<T> targeting(String label, ToDoubleFunction<? super Verdict> measure) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(measure, "measure");
        Function<? super T, Verdict> inner = body;
        Function<T, Verdict> targeted = x -> {
            Verdict v = inner.apply(x);
            if (v != null && v.isNumeric()) {
                double m = measure.applyAsDouble(v);
                if (!Double.isNaN(m)) {
                    target(label, m);
                }
            }
            return v;
        };
        return new Property<>(name, gen, targeted, coverage, examples);
    }

    /**
     * A copy that fails unless the inputs in {@code className} make up at least
     * {@code minPercent} % of the generated tries.
     */
    public Property<T> cover(String className, double minPercent, Predicate<? super T> inClass) {
        if (!(minPercent >= 0 && minPercent <= 100)) {
            throw new IllegalArgumentException("minPercent: expected a percentage in [0, 100], got " + minPercent);
        }
        List<Coverage<T>> c = new ArrayList<>(coverage);
        c.add(new Coverage<>(Objects.requireNonNull(className, "className"), minPercent, Objects.requireNonNull(inClass, "inClass")));
        return new Property<>(name, gen, body, c, examples);
    }

    /** A copy that runs {@code more} before any generated input. */
    public Property<T> withExamples(List<T> more) {
        List<T> e = new ArrayList<>(examples);
        e.addAll(more);
        return new Property<>(name, gen, body, coverage, e);
    }

    /** The property's name. */
    public String name() {
        return name;
    }

    /**
     * Why a replay token (as a failure prints it, {@code HASH:CHOICES}) does not replay an input of
     * this property, if it does not: it was recorded for another property (its hash is not that of
     * this property's name), or its choices are not exactly what this property's generator draws from
     * them (a value beyond a draw's range, choices left over, a generator that refuses them) — a token
     * that was edited or belongs to another version. {@link #check(RunConfig)} replays a token only
     * for the property it names and runs as usual with any other, so a front end that replays one
     * property asks this first.
     *
     * @param token a token
     * @return empty when the token replays an input of this property exactly, else the reason
     * @throws IllegalArgumentException if the token is malformed
     */
    public Optional<String> replayProblem(String token) {
        return ReplayToken.problem(name, gen, token);
    }

    /** Runs the property. */
    public PropertyResult check(RunConfig cfg) {
        return new Runner<>(name, gen, body, coverage, examples, cfg).run();
    }

    /** Runs the property with {@link RunConfig#defaults()} and throws when it fails. */
    public void assertHolds() {
        assertHolds(RunConfig.defaults());
    }

    /**
     * Runs the property and throws when it fails: the JUnit bridge. The message is
     * {@link PropertyResult#report()}: the shrunk counterexample, both sides, the difference, the
     * tolerance, the seed and the replay option.
     *
     * @throws AssertionFailedError if the property fails
     */
    public void assertHolds(RunConfig cfg) {
        PropertyResult r = check(cfg);
        if (!r.passed()) {
            throw new AssertionFailedError(r.report());
        }
    }

    @Override
    public String toString() {
        return "Property '" + name + "'";
    }
}
