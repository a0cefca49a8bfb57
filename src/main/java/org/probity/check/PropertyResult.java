package org.probity.check;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.probity.check.internal.Histogram;
import org.probity.math.Counts;

/**
 * What a property run found. Immutable.
 */
public final class PropertyResult {
    private final String name;
    private final boolean passed;
    private final int tries;
    private final int examples;
    private final int discards;
    private final Map<String, Double> coverage;
    private final List<Failure> failures;
    private final Verdict largest;
    private final long seed;
    private final Duration elapsed;
    private final String note;
    private final Map<String, Map<String, Integer>> statistics;
    private final Map<String, Target> targets;

    PropertyResult(String name, boolean passed, int tries, int examples, int discards, Map<String, Double> coverage,
                   List<Failure> failures, Verdict largest, long seed, Duration elapsed, String note,
                   Map<String, Map<String, Integer>> statistics, Map<String, Target> targets) {
        this.name = name;
        this.passed = passed;
        this.tries = tries;
        this.examples = examples;
        this.discards = discards;
        this.coverage = Collections.unmodifiableMap(new LinkedHashMap<>(coverage));
        this.failures = List.copyOf(failures);
        this.largest = largest;
        this.seed = seed;
        this.elapsed = elapsed;
        this.note = note;
        Map<String, Map<String, Integer>> stats = new LinkedHashMap<>();
        statistics.forEach((k, v) -> stats.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.statistics = Collections.unmodifiableMap(stats);
        this.targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    /** The property's name. */
    public String name() {
        return name;
    }

    /** Whether every try and every coverage requirement held. */
    public boolean passed() {
        return passed;
    }

    /** How many generated inputs were tried (examples not included). */
    public int tries() {
        return tries;
    }

    /** How many explicit examples ran. */
    public int examples() {
        return examples;
    }

    /** How many generated inputs were discarded by filters. */
    public int discards() {
        return discards;
    }

    /** For each coverage class, the percentage of tries that fell in it. */
    public Map<String, Double> coverage() {
        return coverage;
    }

    /** The first failure found, with its shrunk counterexample, when a try failed. */
    public Optional<Failure> failure() {
        return failures.isEmpty() ? Optional.empty() : Optional.of(failures.get(0));
    }

    /**
     * Every distinct failure found ({@link Verdict#failureKind()}), each shrunk on its own, in the
     * order they were found; empty when no try failed.
     */
    public List<Failure> failures() {
        return failures;
    }

    /**
     * The statistics the body collected ({@link Property#collect}, {@link Property#label}): for each
     * statistic, how many tries reported each value, in the order values first appeared.
     */
    public Map<String, Map<String, Integer>> statistics() {
        return statistics;
    }

    /** For each label the body targeted ({@link Property#target}), the largest value observed. */
    public Map<String, Target> targets() {
        return targets;
    }

    /** The largest difference between the two sides of a numeric relation over passing tries; NaN if none. */
    public double largestDifference() {
        return largest == null ? Double.NaN : largest.difference();
    }

    /** The passing verdict that used the largest share of its tolerance, if any was numeric. */
    public Optional<Verdict> tightestVerdict() {
        return Optional.ofNullable(largest);
    }

    /** The tolerance of {@link #tightestVerdict()}, rendered, or "" when none. */
    public String tolerance() {
        Failure failure = failures.isEmpty() ? null : failures.get(0);
        if (failure != null && failure.verdict().tolerance() != null) {
            return failure.verdict().tolerance().toString();
        }
        return largest == null || largest.tolerance() == null ? "" : largest.tolerance().toString();
    }

    /** The run's seed. */
    public long seed() {
        return seed;
    }

    /** Wall-clock time of the run, shrinking included. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Why a run without a failing input failed (coverage, discards), or how it stopped short; "" otherwise. */
    public String note() {
        return note;
    }

    /**
     * A multi-line rendering: the verdict line, each distinct failure, the largest difference,
     * coverage, statistics, targets and notes.
     */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Property '%s' %s after %s", name, passed ? "held" : "FAILED",
            Counts.of(tries, "try", "tries")));
        if (examples > 0) {
            b.append(String.format(Locale.ROOT, " and %s", Counts.of(examples, "example")));
        }
        b.append(String.format(Locale.ROOT, " (seed %d, %d discarded, %d ms)", seed, discards, elapsed.toMillis()));
        if (failures.size() > 1) {
            b.append(String.format(Locale.ROOT, ": %d distinct failures", failures.size()));
        }
        for (int i = 0; i < failures.size(); i++) {
            if (failures.size() > 1) {
                b.append(String.format(Locale.ROOT, "%n  failure %d of %d:", i + 1, failures.size()));
            }
            b.append(System.lineSeparator()).append(failures.get(i).render());
        }
        if (failures.isEmpty() && largest != null && largest.isNumeric()) {
            b.append(String.format(Locale.ROOT, "%n  largest difference %s: %s (tolerance %s)", largest.description(),
                largest.difference(), largest.tolerance()));
        }
        if (!coverage.isEmpty()) {
            b.append(System.lineSeparator()).append("  coverage:");
            coverage.forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %.1f%%;", k, v)));
        }
        statistics.forEach((stat, counts) -> b.append(System.lineSeparator()).append(Histogram.render(stat, counts, tries)));
        targets.values().forEach(t -> b.append(String.format(Locale.ROOT, "%n  target %s: largest %s (over %s) at %s",
            t.label(), t.value(), Counts.of(t.tries(), "try", "tries"), t.input())));
        if (!note.isEmpty()) {
            b.append(System.lineSeparator()).append("  ").append(note);
        }
        return b.toString();
    }

    /**
     * The result as one JSON object: name, verdict, tries, examples, discards, seed, coverage (class
     * to percentage), statistics (statistic to value to count), targets (label to largest value,
     * input and tries), failures (counterexample, first found, reason, shrink steps, replay token,
     * flaky) and note. Keys keep their insertion order; NaN and infinite numbers are written as strings.
     */
    public String toJson() {
        java.io.StringWriter w = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("verdict", passed ? "PASS" : "FAIL");
            g.writeNumberField("tries", tries);
            g.writeNumberField("examples", examples);
            g.writeNumberField("discards", discards);
            g.writeNumberField("seed", seed);
            g.writeObjectFieldStart("coverage");
            for (Map.Entry<String, Double> e : coverage.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("statistics");
            for (Map.Entry<String, Map<String, Integer>> e : statistics.entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                for (Map.Entry<String, Integer> v : e.getValue().entrySet()) {
                    g.writeNumberField(v.getKey(), v.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("targets");
            for (Target t : targets.values()) {
                g.writeObjectFieldStart(t.label());
                number(g, "value", t.value());
                g.writeStringField("input", t.input());
                g.writeNumberField("tries", t.tries());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("failures");
            for (Failure f : failures) {
                g.writeStartObject();
                g.writeStringField("counterexample", f.counterexample());
                g.writeStringField("firstFound", f.original());
                g.writeStringField("reason", f.verdict().description());
                g.writeNumberField("shrinkSteps", f.shrinkSteps());
                g.writeStringField("replayToken", f.replayToken());
                g.writeBooleanField("flaky", f.flaky());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("note", note);
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void number(com.fasterxml.jackson.core.JsonGenerator g, String field, double x) throws java.io.IOException {
        if (Double.isFinite(x)) {
            g.writeNumberField(field, x);
        } else {
            g.writeStringField(field, Double.toString(x));
        }
    }

    @Override
    public String toString() {
        return report();
    }
}
