package org.probity.cli;

/**
 * Bad input found while a command runs (an unreadable or malformed file, an unknown name): the
 * command stops, prints {@link #getMessage()} as one line and exits with
 * {@link ExitCodes#BAD_INPUT}. The message names what was wrong, the value and what was expected.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: what, the value, what was expected
     */
    public BadInputException(String message) {
        super(message);
    }

    /**
     * @param message one line: what, the value, what was expected
     * @param cause   the underlying error, kept for debugging (never printed)
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
