package org.probity.conformance;

import java.util.Optional;

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
 * @param finding the shrunk failure, when the property fails
 * @param notCheckable the values the declared precision cannot resolve, when there are any
 */
public record PropertyRun(Op op, String property, boolean selfConsistency, int cases, long points, long maxUlps,
                          double maxUsage, double maxDifference, Optional<Finding> finding,
                          Optional<NotCheckable> notCheckable) {
    /** Whether the property held on every case. */
    public boolean passed() {
        return finding.isEmpty();
    }
}
