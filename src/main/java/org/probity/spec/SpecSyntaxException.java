package org.probity.spec;

import java.util.Locale;

/**
 * A {@code .prob} file that cannot be read, parsed or checked for meaning. The message is
 * {@code file:line:column: expected ..., found ...}, meant to be printed as it is (no stack trace).
 */
public final class SpecSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String TEMPLATE = "%s:%d:%d: expected %s, found %s";

    private final String fileName;
    private final int line;
    private final int column;
    private final String expected;
    private final String found;

    /**
     * @param fileName the file name as given to {@code Spec.parse}
     * @param line 1-based line
     * @param column 1-based column
     * @param expected what the language allows here
     * @param found what the file holds here
     */
    public SpecSyntaxException(String fileName, int line, int column, String expected, String found) {
        super(String.format(Locale.ROOT, TEMPLATE, fileName, line, column, expected, found), null, false, false);
        this.fileName = fileName;
        this.line = line;
        this.column = column;
        this.expected = expected;
        this.found = found;
    }

    /** What the language allows at the position. */
    public String expected() {
        return expected;
    }

    /** What the file holds at the position. */
    public String found() {
        return found;
    }

    /** The file name. */
    public String fileName() {
        return fileName;
    }

    /** The 1-based line of the error. */
    public int line() {
        return line;
    }

    /** The 1-based column of the error. */
    public int column() {
        return column;
    }
}
