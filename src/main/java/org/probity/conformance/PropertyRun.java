package org.probity.conformance;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The result of one conformance property.
 *
 * @param op the op it is attributed to
 * @param property its name
 * @param selfConsistency true for a property of the implementation alone, false for agreement with
 *     Probity's reference
 * @param cases the number of generated cases (each a batch)
 * @param points the number of element-wise evaluations
 * @param maxUlps the largest error in ulps over all compared numbers
 * @param maxUsage the largest |difference| / allowance (≤ 1 holds)
 * @param maxDifference the largest |implementation − expected| over the two-sided comparisons
 * @param finding the shrunk numeric failure, when the property fails on an input the implementation answers;
 *     its {@link Finding#op()} is another op when the failure is that op's fault ({@link #blamedOn()})
 * @param notCheckable the values the declared precision cannot resolve, when there are any
 * @param crash the shrunk input on which the implementation raised an error, when it did: a finding
 *     of its own, so that a crash on part of the domain hides no numeric failure elsewhere
 */
public record PropertyRun(Op op, String property, boolean selfConsistency, int cases, long points, long maxUlps,
                          double maxUsage, double maxDifference, Optional<Finding> finding,
                          Optional<NotCheckable> notCheckable, Optional<Finding> crash) {

    /** A run without a crash. */
    public PropertyRun(Op op, String property, boolean selfConsistency, int cases, long points, long maxUlps,
                       double maxUsage, double maxDifference, Optional<Finding> finding, Optional<NotCheckable> notCheckable) {
        this(op, property, selfConsistency, cases, points, maxUlps, maxUsage, maxDifference, finding, notCheckable, Optional.empty());
    }

    /** Whether the property held on every case (no numeric failure, no crash). */
    public boolean passed() {
        return finding.isEmpty() && crash.isEmpty();
    }

    /**
     * The other op whose wrong answers make this (cross-op) property fail, when this op's own
     * answers agree with the reference: the finding names it instead of this op.
     */
    public Optional<Op> blamedOn() {
        return finding.map(Finding::op).filter(o -> o != op);
    }

    /** Whether this run counts against its own op: it failed, and not only because another op is wrong. */
    public boolean failsOwnOp() {
        return crash.isPresent() || finding.isPresent() && blamedOn().isEmpty();
    }

    /** The numeric finding and the crash, those present. */
    public List<Finding> findings() {
        return Stream.concat(finding.stream(), crash.stream()).toList();
    }

    /** The first finding (numeric, else the crash), when the property failed. */
    public Optional<Finding> firstFinding() {
        return finding.or(() -> crash);
    }

    /** A copy whose numeric finding is {@code f}. */
    public PropertyRun withFinding(Finding f) {
        return new PropertyRun(op, property, selfConsistency, cases, points, maxUlps, maxUsage, maxDifference, Optional.of(f),
            notCheckable, crash);
    }
}
