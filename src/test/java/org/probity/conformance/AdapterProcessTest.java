package org.probity.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.probity.conformance.SubprocessImplementationTest.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter's process handling (issue 11, "Adapters"): nothing the adapter starts outlives the
 * check, a crash behind a child that holds stdout is a crash and not a hang, bare NaN/Infinity tokens
 * are refused with a message saying how to write them, and each fault carries the label of what went
 * wrong.
 */
class AdapterProcessTest {
    /** Per-request timeout of the adapters that answer or crash: far above a Python start on a loaded 2-core machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Per-request timeout of the hanging adapter: above a Python start under load (1 s was not, with 30 runnable processes). */
    private static final Duration HANG_TIMEOUT = Duration.ofSeconds(3);
    private static final double[] ZERO = {0};

    @TempDir
    Path dir;

    private List<Long> pids(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(Long::parseLong).toList();
    }

    /** Waits up to 2 s for each process to be gone (a SIGKILLed process may take a moment to be reaped). */
    private static void assertAllGone(List<Long> pids) throws InterruptedException {
        assertThat(pids).as("the adapter recorded the processes it started").isNotEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        for (long pid : pids) {
            while (alive(pid) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(alive(pid)).as("process %d started by the adapter is still running", pid).isFalse();
        }
    }

    /** Alive and not a zombie (a killed orphan whose reaping by PID 1 is not ours to wait for). */
    private static boolean alive(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aChildHoldingStdoutDoesNotOutliveANormalRun() throws Exception {
        Path pids = dir.resolve("pids");
        try (SubprocessImplementation impl = SubprocessImplementation.start(python("faulty/fork.py", "answer",
                pids.toString()), TIMEOUT)) {
            assertThat(impl.normalKl(ZERO, ZERO, ZERO, ZERO)).containsExactly(0.0);
        }
        assertAllGone(pids(pids));
    }

    @Test
    void aCrashBehindAChildThatHoldsStdoutIsACrashAtOnceNotAHang() throws Exception {
        Path pids = dir.resolve("pids");
        long start = System.nanoTime();
        try (SubprocessImplementation impl = SubprocessImplementation.start(python("faulty/fork.py", "crash",
                pids.toString()), TIMEOUT)) {
            assertThatThrownBy(() -> impl.normalKl(ZERO, ZERO, ZERO, ZERO)).isInstanceOfSatisfying(AdapterFault.class, f -> {
                assertThat(f.kind()).isEqualTo(AdapterFault.Kind.CRASH);
                assertThat(f.getMessage()).contains("the adapter exited with code 3 before answering request id 1 (normal_kl)");
                assertThat(f.stderrTail()).anyMatch(l -> l.contains("dying behind a child"));
            });
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("well before the timeout of " + TIMEOUT)
                .isLessThan(TIMEOUT.dividedBy(2));
        assertAllGone(pids(pids));
    }

    @Test
    void aHangingAdapterAndItsChildAreKilledAtTheTimeout() throws Exception {
        Path pids = dir.resolve("pids");
        try (SubprocessImplementation impl = SubprocessImplementation.start(python("faulty/fork.py", "hang",
                pids.toString()), HANG_TIMEOUT)) {
            assertThatThrownBy(() -> impl.normalKl(ZERO, ZERO, ZERO, ZERO)).isInstanceOfSatisfying(AdapterFault.class,
                    f -> assertThat(f.kind()).isEqualTo(AdapterFault.Kind.HANG));
        }
        assertAllGone(pids(pids));
    }

    @Test
    void aDoubleForkedDaemonInItsOwnSessionIsFoundByItsEnvironment() throws Exception {
        Path pids = dir.resolve("pids");
        try (SubprocessImplementation impl = SubprocessImplementation.start(python("faulty/fork.py", "daemon",
                pids.toString()), TIMEOUT)) {
            assertThat(impl.normalKl(ZERO, ZERO, ZERO, ZERO)).containsExactly(0.0);
        }
        assertAllGone(pids(pids));
    }

    @Test
    void bareNanAndInfinityTokensAreRefusedWithHowToWriteThem() {
        try (SubprocessImplementation impl = SubprocessImplementation.start(python("faulty/bare_nan.py"), TIMEOUT)) {
            assertThatThrownBy(() -> impl.normalKl(new double[] {0, 1}, new double[] {0, 0}, new double[] {0, 0},
                    new double[] {0, 0})).isInstanceOfSatisfying(AdapterFault.class, f -> {
                        assertThat(f.kind()).isEqualTo(AdapterFault.Kind.MALFORMED_JSON);
                        assertThat(f.getMessage()).startsWith("the answer to request id 1 (normal_kl) is not JSON: it holds "
                                + "a bare NaN or Infinity token; docs/contracts/PROTOCOL.md writes non-finite numbers as the strings "
                                + "\"NaN\", \"Infinity\", \"-Infinity\" (in Python, json.dumps(..., allow_nan=False) "
                                + "finds them): {\"id\": 1, \"result\": [NaN, Infinity]}");
                    });
        }
    }

    private static AdapterFault fault(String mode) {
        try (SubprocessImplementation impl = SubprocessImplementation.start(python("faulty/misbehave.py", mode), TIMEOUT)) {
            impl.normalKl(new double[] {0, 1}, new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 0});
            throw new AssertionError("no fault for " + mode);
        } catch (AdapterFault f) {
            return f;
        }
    }

    @Test
    void faultLabelsSayWhatWentWrong() {
        AdapterFault describeError = fault("no_describe");
        assertThat(describeError.kind()).isEqualTo(AdapterFault.Kind.BAD_DESCRIPTION);
        assertThat(describeError.report()).startsWith("adapter fault (bad description): the adapter answered describe "
                + "with an error: unsupported op");
        AdapterFault word = fault("bad_number");
        assertThat(word.kind()).isEqualTo(AdapterFault.Kind.WRONG_TYPE);
        assertThat(word.report()).startsWith("adapter fault (wrong type): answer to request id 1 (normal_kl): "
                + "\"result\"[0] is \"zero\", not a number or \"NaN\"/\"Infinity\"/\"-Infinity\"");
        AdapterFault stringId = fault("string_id");
        assertThat(stringId.kind()).isEqualTo(AdapterFault.Kind.WRONG_TYPE);
        assertThat(stringId.getMessage()).startsWith("answer to request id 1 (normal_kl): \"id\" should be an integer, got \"1\"");
        AdapterFault object = fault("object_result");
        assertThat(object.kind()).isEqualTo(AdapterFault.Kind.WRONG_TYPE);
        assertThat(object.getMessage()).startsWith("answer to request id 1 (normal_kl): \"result\" should be an array of 2 "
                + "numbers, got {\"kl\":[0.0,0.0]}");
    }

    @Test
    void aProgramThatCannotBeStartedSaysWhyInWords() {
        assertThatThrownBy(() -> SubprocessImplementation.start(List.of("/nonexistent/adapter-xyz"), TIMEOUT))
                .isInstanceOfSatisfying(AdapterFault.class, f -> assertThat(f.getMessage())
                        .isEqualTo("could not start the adapter command [/nonexistent/adapter-xyz]: /nonexistent/adapter-xyz is not found (no such file or directory)"));
    }
}
