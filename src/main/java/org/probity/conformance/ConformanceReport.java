package org.probity.conformance;

import java.time.Duration;
import java.util.List;

/**
 * The result of checking one implementation: per op what was checked and found, with the run's
 * seed and options and, for an adapter process, the request count and the time spent in requests.
 *
 * @param implementation what the implementation said about itself
 * @param ops one result per protocol op, in protocol order
 * @param seed the seed of the run
 * @param tries cases per property
 * @param elapsed wall time of the check
 * @param requests requests sent (0 for an in-process implementation)
 * @param requestNanos time spent in requests, nanoseconds (0 in process)
 * @param replay the replay token when the run replayed one input, else null
 */
public record ConformanceReport(Description implementation, List<OpResult> ops, long seed, int tries, Duration elapsed,
                                long requests, long requestNanos, String replay) {

    /** Whether the run replayed one recorded input instead of generating cases. */
    public boolean isReplay() {
        return replay != null;
    }

    /** Whether every checked property held. */
    public boolean passed() {
        return ops.stream().allMatch(OpResult::passed);
    }

    /** All findings, in op order. */
    public List<Finding> findings() {
        return ops.stream().flatMap(o -> o.findings().stream()).toList();
    }

    /** Element-wise evaluations over all ops. */
    public long points() {
        return ops.stream().mapToLong(OpResult::points).sum();
    }
}
