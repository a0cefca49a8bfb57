package org.probity.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.probity.conformance.SubprocessImplementation;

/**
 * Round-trip cost of the adapter protocol: one normal_kl request carrying {@code batch} elements to
 * the plain-Python reference adapter (JSON encode, pipe, Python decode + compute + encode, pipe, JSON
 * decode). Cost per case = score / batch. Run from the project root:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main AdapterRoundTrip}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AdapterRoundTripBenchmark {
    @Param({"1", "100", "10000"})
    public int batch;

    @Param({"reference.py", "numpy_reference.py"})
    public String adapter;

    private SubprocessImplementation impl;
    private double[] m1;
    private double[] lv1;
    private double[] m2;
    private double[] lv2;

    @Setup(Level.Trial)
    public void start() {
        impl = SubprocessImplementation.start(List.of("python3", "adapters/python/" + adapter), Duration.ofSeconds(60));
        m1 = new double[batch];
        lv1 = new double[batch];
        m2 = new double[batch];
        lv2 = new double[batch];
        for (int i = 0; i < batch; i++) {
            m1[i] = 0.1 * i / batch - 0.05;
            lv1[i] = -3 + 6.0 * i / batch;
            m2[i] = 0.37;
            lv2[i] = 0.5 - 1.0 * i / batch;
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        impl.close();
    }

    @Benchmark
    public double[] normalKlRequest() {
        return impl.normalKl(m1, lv1, m2, lv2);
    }
}
