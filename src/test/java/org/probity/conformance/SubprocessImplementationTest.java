package org.probity.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubprocessImplementationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    static List<String> python(String script, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("python3", "adapters/python/" + script));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void referenceAdapterDescribesItselfAndAnswersBatches() {
        try (SubprocessImplementation impl = SubprocessImplementation.start(python("reference.py"), TIMEOUT)) {
            assertThat(impl.describe().name()).isEqualTo("python-reference");
            assertThat(impl.describe().ops()).containsExactlyInAnyOrder(Op.values());
            assertThat(impl.describe().precision()).isEqualTo(Precision.FLOAT64);
            // KL([.1,.3,.3,.3] || [.2,.5,.1,.2]) = 0.22866081 nats (ORACLES.md, direct)
            double[] kl = impl.categoricalKl(new double[][] {{.1, .3, .3, .3}, {0, 1}}, new double[][] {{.2, .5, .1, .2}, {0, 1}});
            assertThat(kl[0]).isCloseTo(0.22866081384709036, org.assertj.core.data.Offset.offset(1e-15));
            assertThat(kl[1]).isZero();
            double[] ab = impl.alphasCumprod(new double[] {0.5, 0.5, 1.0});
            assertThat(ab).containsExactly(0.5, 0.25, 0.0);
        }
    }

    @Test
    void nonFiniteNumbersTravelAsStringsBothWays() {
        try (SubprocessImplementation impl = SubprocessImplementation.start(python("reference.py"), TIMEOUT)) {
            double[] kl = impl.normalKl(new double[] {0, Double.NaN}, new double[] {0, 0}, new double[] {0, 0},
                new double[] {Double.POSITIVE_INFINITY, 0});
            assertThat(kl[0]).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(kl[1]).isNaN();
        }
    }

    @Test
    void adapterErrorsAreOpErrors() {
        try (SubprocessImplementation impl = SubprocessImplementation.start(python("reference.py"), TIMEOUT)) {
            assertThatThrownBy(() -> impl.qMeanVariance(new double[] {0.1}, new double[] {1}, new int[] {7}))
                .isInstanceOf(OpError.class).hasMessageContaining("t must lie in 1..1, got 7");
            // the adapter keeps serving after an error
            assertThat(impl.alphasCumprod(new double[] {0.5})).containsExactly(0.5);
        }
    }

    @Test
    void crashIsReportedWithExitCodeAndStderr() {
        try (SubprocessImplementation impl = SubprocessImplementation.start(python("faulty/crash.py"), TIMEOUT)) {
            assertThatThrownBy(() -> impl.normalKl(new double[] {0}, new double[] {0}, new double[] {0}, new double[] {0}))
                .isInstanceOfSatisfying(AdapterFault.class, f -> {
                    assertThat(f.kind()).isEqualTo(AdapterFault.Kind.CRASH);
                    assertThat(f.getMessage()).contains("exited with code 3");
                    assertThat(f.stderrTail()).anyMatch(l -> l.contains("simulated segfault"));
                    assertThat(f.report()).contains("simulated segfault");
                });
        }
    }

    @Test
    void hangIsReportedWithinTheTimeout() {
        long start = System.nanoTime();
        try (SubprocessImplementation impl = SubprocessImplementation.start(python("faulty/hang.py"), Duration.ofMillis(1500))) {
            assertThatThrownBy(() -> impl.normalKl(new double[] {0}, new double[] {0}, new double[] {0}, new double[] {0}))
                .isInstanceOfSatisfying(AdapterFault.class, f -> {
                    assertThat(f.kind()).isEqualTo(AdapterFault.Kind.HANG);
                    assertThat(f.getMessage()).contains("within 1500 ms");
                    assertThat(f.stderrTail()).anyMatch(l -> l.contains("infinite loop"));
                });
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void strayStdoutLineIsAProtocolError() {
        try (SubprocessImplementation impl = SubprocessImplementation.start(python("faulty/garbage.py"), TIMEOUT)) {
            assertThatThrownBy(() -> impl.normalKl(new double[] {0}, new double[] {0}, new double[] {0}, new double[] {0}))
                .isInstanceOfSatisfying(AdapterFault.class, f -> {
                    assertThat(f.kind()).isEqualTo(AdapterFault.Kind.NOT_JSON);
                    assertThat(f.getMessage()).contains("computing normal_kl ...");
                });
        }
    }

    private static AdapterFault.Kind faultOf(String mode) {
        try (SubprocessImplementation impl = SubprocessImplementation.start(python("faulty/misbehave.py", mode), TIMEOUT)) {
            if (mode.equals("missing_field")) {
                impl.qMeanVariance(new double[] {0.1}, new double[] {1, 2}, new int[] {1, 1});
            } else {
                impl.normalKl(new double[] {0, 1}, new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 0});
            }
            throw new AssertionError("no fault for " + mode);
        } catch (AdapterFault f) {
            assertThat(f.getMessage()).contains("misbehave.py");
            return f.kind();
        }
    }

    @Test
    void eachProtocolViolationHasItsKind() {
        assertThat(faultOf("wrong_id")).isEqualTo(AdapterFault.Kind.WRONG_ID);
        assertThat(faultOf("wrong_length")).isEqualTo(AdapterFault.Kind.WRONG_LENGTH);
        assertThat(faultOf("missing_field")).isEqualTo(AdapterFault.Kind.MISSING_FIELD);
        assertThat(faultOf("malformed")).isEqualTo(AdapterFault.Kind.MALFORMED_JSON);
        assertThat(faultOf("bad_number")).isEqualTo(AdapterFault.Kind.WRONG_TYPE);
        assertThat(faultOf("no_describe")).isEqualTo(AdapterFault.Kind.BAD_DESCRIPTION);
        assertThat(faultOf("bad_precision")).isEqualTo(AdapterFault.Kind.BAD_DESCRIPTION);
    }

    @Test
    void missingProgramIsAStartFailure() {
        assertThatThrownBy(() -> SubprocessImplementation.start(List.of("/nonexistent/adapter-xyz"), TIMEOUT))
            .isInstanceOfSatisfying(AdapterFault.class, f -> assertThat(f.kind()).isEqualTo(AdapterFault.Kind.START_FAILED));
    }

    @Test
    void emptyCommandIsRejectedByName() {
        assertThatThrownBy(() -> SubprocessImplementation.start(List.of(), TIMEOUT))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("command:");
    }
}
