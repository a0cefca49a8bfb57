package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.report.CheckRecord;

class VerificationTest {
    private static Verification.Task task(String label, long cost) {
        return new Verification.Task(label, () -> List.of(new CheckRecord(label, "f", "identity", label, true, 1, 0,
            "", 1, "", "", Duration.ZERO)), cost);
    }

    /**
     * The costliest task starts first (one spec file left to the end would run alone while the other
     * threads idle), the rest by cost, ties in task order; the records come back in task order.
     */
    @Test
    void startsLongestFirstAndReturnsRecordsInTaskOrder() {
        List<String> started = new ArrayList<>();
        Verification.Listener listener = new Verification.Listener() {
            @Override
            public void started(Verification.Task task) {
                started.add(task.label());
            }

            @Override
            public void finished(Verification.Task task, List<CheckRecord> records) {
            }
        };
        List<CheckRecord> records = Verification.run(List.of(task("identity a", 0), task("identity b", 0),
            task("small.prob", 300), task("large.md", 9000)), 1, listener);
        assertThat(started).containsExactly("large.md", "small.prob", "identity a", "identity b");
        assertThat(records).extracting(CheckRecord::name)
            .containsExactly("identity a", "identity b", "small.prob", "large.md");
    }
}
