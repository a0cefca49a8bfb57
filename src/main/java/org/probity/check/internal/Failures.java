package org.probity.check.internal;

/**
 * How a thrown exception or error appears in failure reports, and where it came from. The origin
 * (type and innermost frame outside the JDK and the test frameworks) tells two failures apart: two
 * throws of one type from one line are one failure, whatever their messages say.
 */
public final class Failures {
    private static final String[] FRAMEWORKS = {"java.", "jdk.", "sun.", "org.junit.", "org.opentest4j.", "org.assertj."};

    private Failures() {
    }

    /** {@code Type: message at frame}, the frame where it was thrown. */
    public static String describe(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        String where = st.length > 0 ? " at " + st[0] : "";
        return e.getClass().getName() + ": " + e.getMessage() + where;
    }

    /**
     * {@code Type at frame}, the innermost frame of code other than the JDK and the test
     * frameworks; for a stack overflow only the type (where the stack runs out varies).
     */
    public static String origin(Throwable e) {
        if (e instanceof StackOverflowError) {
            return e.getClass().getName();
        }
        StackTraceElement[] st = e.getStackTrace();
        for (StackTraceElement f : st) {
            if (!isFramework(f.getClassName())) {
                return e.getClass().getName() + " at " + f;
            }
        }
        return e.getClass().getName() + (st.length > 0 ? " at " + st[0] : "");
    }

    private static boolean isFramework(String className) {
        for (String p : FRAMEWORKS) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
