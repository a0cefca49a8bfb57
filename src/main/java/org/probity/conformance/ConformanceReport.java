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

    /** The regions the declared precision cannot resolve, one per property, in op order. */
    public List<NotCheckable> notCheckable() {
        return ops.stream().flatMap(o -> o.runs().stream()).flatMap(r -> r.notCheckable().stream()).toList();
    }

    /**
     * All findings, in op order; an error the implementation raised is listed once, on the first
     * property that met it, naming the other ops that raise it ({@link Finding#mergeCrashes}).
     */
    public List<Finding> findings() {
        return Finding.mergeCrashes(ops.stream().flatMap(o -> o.findings().stream()).toList());
    }

    /** Element-wise evaluations over all ops. */
    public long points() {
        return ops.stream().mapToLong(OpResult::points).sum();
    }
}
