package org.probity.conformance.internal;

/**
 * Whether a comparison can be decided at the declared precision ({@link CheckContext#resolution}):
 * checkable, or not checkable with the reason (the quantity's conditioning at that precision, for
 * those inputs).
 *
 * @param checkable whether a verdict can be given
 * @param reason why not, or "" when checkable
 */
public record Resolution(boolean checkable, String reason) {
    /** A comparison the declared precision can decide. */
    public static final Resolution CHECKABLE = new Resolution(true, "");

    /** A comparison that cannot be decided at the declared precision, for {@code reason}. */
    public static Resolution notCheckable(String reason) {
        return new Resolution(false, reason);
    }
}
