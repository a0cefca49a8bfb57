package org.probity.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error into one line on standard error and an exit code, never a stack trace:
 * usage errors and {@link BadInputException} give {@link ExitCodes#BAD_INPUT}, anything else
 * {@link ExitCodes#INTERNAL_ERROR} (with the stack trace only when {@code PROBITY_DEBUG} is set).
 */
final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private static final String LINE = "%s: %s";
    private static final String INTERNAL = "%s: internal error: %s (a bug in Probity; set PROBITY_DEBUG=1 for the stack trace)";
    private static final String UNKNOWN_COMMAND = "unknown command '%s' (expected one of: %s)";
    private static final String HINT = "%s (see '%s --help')";
    private static final String FS = "cannot use '%s': %s";

    private final boolean debug;

    ErrorHandlers(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String message = firstLine(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException && cmd.getParent() == null && !cmd.getSubcommands().isEmpty()
                && !((UnmatchedArgumentException) ex).getUnmatched().isEmpty()
                && !((UnmatchedArgumentException) ex).getUnmatched().get(0).startsWith("-")) {
            message = String.format(Locale.ROOT, UNKNOWN_COMMAND, ((UnmatchedArgumentException) ex).getUnmatched().get(0),
                    String.join(", ", cmd.getSubcommands().keySet()));
        } else if (!message.contains("'probity")) {
            message = String.format(Locale.ROOT, HINT, message, qualifiedName(cmd));
        }
        print(cmd, String.format(Locale.ROOT, LINE, qualifiedName(cmd), message));
        if (debug) {
            ex.printStackTrace(cmd.getErr());
        }
        return ExitCodes.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        String name = qualifiedName(cmd);
        int code;
        String message;
        if (ex instanceof BadInputException) {
            code = ExitCodes.BAD_INPUT;
            message = String.format(Locale.ROOT, LINE, name, firstLine(ex.getMessage()));
        } else if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            IOException io = ex instanceof IOException ? (IOException) ex : ((UncheckedIOException) ex).getCause();
            code = ExitCodes.BAD_INPUT;
            message = String.format(Locale.ROOT, LINE, name, describe(io));
        } else {
            code = ExitCodes.INTERNAL_ERROR;
            message = String.format(Locale.ROOT, INTERNAL, name, firstLine(String.valueOf(ex)));
        }
        print(cmd, message);
        if (debug) {
            ex.printStackTrace(cmd.getErr());
        }
        return code;
    }

    /** One line for an I/O error that no command put in context: which file and why. */
    static String describe(IOException io) {
        if (io instanceof FileSystemException && ((FileSystemException) io).getFile() != null) {
            return String.format(Locale.ROOT, FS, ((FileSystemException) io).getFile(), TextFiles.reason(io));
        }
        return String.format(Locale.ROOT, "I/O error: %s", TextFiles.reason(io));
    }

    private static void print(CommandLine cmd, String line) {
        PrintWriter err = cmd.getErr();
        err.println(line);
        err.flush();
    }

    private static String qualifiedName(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String trimmed = s.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
    }
}
