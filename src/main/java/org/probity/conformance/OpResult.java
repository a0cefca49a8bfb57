package org.probity.conformance;

import java.util.List;

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

    /**
     * Whether the op's answers hold up: no property failed on its account (vacuously true when not
     * checked). A cross-op property that fails only because a companion op is wrong
     * ({@link PropertyRun#blamedOn()}) counts against that op, not this one.
     */
    public boolean passed() {
        return runs.stream().noneMatch(PropertyRun::failsOwnOp);
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

    /**
     * "pass", "FAIL" or "not checked"; "pass, N not checkable" when some values could not be decided;
     * a pass notes the ops through which a cross-op property of this op fails.
     */
    public String verdict() {
        if (!checked()) {
            return "not checked";
        }
        if (!passed()) {
            return "FAIL";
        }
        long n = notCheckable();
        List<String> blamed = runs.stream().flatMap(r -> r.blamedOn().stream()).map(Op::wireName).distinct().toList();
        return (n == 0 ? "pass" : "pass, " + n + " not checkable")
            + (blamed.isEmpty() ? "" : " (consistent with the reference; fails only through " + String.join(", ", blamed) + ")");
    }

    /** The findings, in property order. */
    public List<Finding> findings() {
        return runs.stream().flatMap(r -> r.findings().stream()).toList();
    }
}
