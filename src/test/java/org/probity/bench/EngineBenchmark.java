package org.probity.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.probity.check.Gens;
import org.probity.check.Property;
import org.probity.check.PropertyResult;
import org.probity.check.RunConfig;

/**
 * Throughput of the property engine: one benchmark operation is a run of 1000 tries, so tries per
 * second = 1000 × ops/s. The properties are trivial, so this measures generation and bookkeeping.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {
    private static final RunConfig CFG = RunConfig.defaults().withSeed(1).withTries(1000);
    private final Property<Integer> integers = Property.holds("trivial integer", Gens.integers(-1000, 1000), x -> x >= -1000);
    private final Property<Double> doubles = Property.holds("trivial double", Gens.doubles(0, 1), x -> x >= 0);
    private final Property<double[]> vectors = Property.holds("trivial 8-vector", Gens.probabilityVectors(8), v -> v.length == 8);

    /** 1000 tries of a trivial integer property. */
    @Benchmark
    public PropertyResult thousandIntegerTries() {
        return integers.check(CFG);
    }

    /** 1000 tries of a trivial double property. */
    @Benchmark
    public PropertyResult thousandDoubleTries() {
        return doubles.check(CFG);
    }

    /** 1000 tries over probability vectors of length 8. */
    @Benchmark
    public PropertyResult thousandVectorTries() {
        return vectors.check(CFG);
    }
}
