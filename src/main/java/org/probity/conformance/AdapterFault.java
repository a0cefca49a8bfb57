package org.probity.conformance;

import java.util.List;
import java.util.Objects;

/**
 * The adapter process broke the protocol: it could not be started, crashed, hung, printed something
 * that is not a JSON response, or answered with the wrong id, the wrong length, a missing field, a
 * field of the wrong type or a broken {@code describe}.
 * {@code check-impl} reports it in one message with the adapter's stderr tail and exits 2.
 */
public final class AdapterFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The command could not be started. */
        START_FAILED,
        /** The process exited (or closed stdout) before answering. */
        CRASH,
        /** No answer within the per-request timeout. */
        HANG,
        /** A line that starts like JSON but does not parse. */
        MALFORMED_JSON,
        /** A stdout line that is not JSON at all (e.g. a stray print). */
        NOT_JSON,
        /** An answer whose id is not the id of the request. */
        WRONG_ID,
        /** A result array of the wrong length. */
        WRONG_LENGTH,
        /** A response without a required field ({@code id}, {@code result}, {@code mean} ...). */
        MISSING_FIELD,
        /** A field of the wrong type: an id that is not an integer, a number that is not a number, an object for an array. */
        WRONG_TYPE,
        /** A {@code describe} answer that breaks the protocol: an error, an unknown precision, not an object. */
        BAD_DESCRIPTION
    }

    private final Kind kind;
    private final List<String> stderrTail;

    /**
     * @param kind what went wrong
     * @param message a one-line explanation (without the stderr tail)
     * @param stderrTail the adapter's last stderr lines (copied)
     */
    public AdapterFault(Kind kind, String message, List<String> stderrTail) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.stderrTail = List.copyOf(stderrTail);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The adapter's last stderr lines, oldest first. */
    public List<String> stderrTail() {
        return stderrTail;
    }

    /**
     * The message followed by the stderr tail, as printed by {@code check-impl}; for {@link Kind#START_FAILED} the
     * message alone (one line: the command and why it could not be started), since no process ran.
     */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("adapter fault (").append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
            .append("): ").append(getMessage());
        if (kind == Kind.START_FAILED) {
            return sb.toString(); // no process ran, so it has no stderr to show
        }
        if (stderrTail.isEmpty()) {
            sb.append("\n(adapter stderr was empty)");
        } else {
            sb.append("\nlast ").append(stderrTail.size()).append(" line(s) of the adapter's stderr:");
            for (String line : stderrTail) {
                sb.append("\n  | ").append(line);
            }
        }
        return sb.toString();
    }
}
