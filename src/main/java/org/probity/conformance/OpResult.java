package org.probity.conformance;

import java.util.List;
import java.util.Optional;

/**
 * What was checked for one op: its property runs (empty when the implementation does not list the
 * op), and the properties skipped because a companion op is missing.
 *
 * @param op the op
 * @param listed whether describe listed it
 * @param runs the property runs
 * @param skipped properties not run, each with the reason
 */
public record OpResult(Op op, boolean listed, List<PropertyRun> runs, List<String> skipped) {

    /** Whether the op was checked at all. */
    public boolean checked() {
        return !runs.isEmpty();
    }

    /** Whether every property held (vacuously true when not checked). */
    public boolean passed() {
        return runs.stream().allMatch(PropertyRun::passed);
    }

    /** Cases summed over the properties. */
    public int cases() {
        return runs.stream().mapToInt(PropertyRun::cases).sum();
    }

    /** Element-wise evaluations summed over the properties. */
    public long points() {
        return runs.stream().mapToLong(PropertyRun::points).sum();
    }

    /** Largest error in ulps. */
    public long maxUlps() {
        return runs.stream().mapToLong(PropertyRun::maxUlps).max().orElse(0);
    }

    /** Largest |difference| / allowance. */
    public double maxUsage() {
        return runs.stream().mapToDouble(PropertyRun::maxUsage).max().orElse(0);
    }

    /** Values of the op's properties that the declared precision cannot resolve. */
    public long notCheckable() {
        return runs.stream().flatMap(r -> r.notCheckable().stream()).mapToLong(NotCheckable::count).sum();
    }

    /** "pass", "FAIL" or "not checked"; "pass, N not checkable" when some values could not be decided. */
    public String verdict() {
        if (!checked()) {
            return "not checked";
        }
        if (!passed()) {
            return "FAIL";
        }
        long n = notCheckable();
        return n == 0 ? "pass" : "pass, " + n + " not checkable";
    }

    /** The findings, in property order. */
    public List<Finding> findings() {
        return runs.stream().map(PropertyRun::finding).flatMap(Optional::stream).toList();
    }
}
