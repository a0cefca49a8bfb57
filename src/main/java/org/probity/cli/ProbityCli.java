package org.probity.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code probity} command: {@code verify}, {@code check} and {@code schedule}. This class
 * only parses arguments and dispatches to the subcommands, which call the library layers.
 *
 * <p>Exit codes are those of {@link ExitCodes}. Every error is one line on standard error, never
 * a stack trace (set {@code PROBITY_DEBUG=1} to get one).
 */
@Command(name = "probity",
        mixinStandardHelpOptions = true,
        versionProvider = ProbityCli.Version.class,
        description = "Verifies probabilistic identities (cross-entropy, KL, variational bounds, "
                + "DDPM / D3PM diffusion) numerically on generated instances, with shrunk counterexamples.",
        subcommands = {VerifyCommand.class, CheckCommand.class, CheckImplCommand.class, ScheduleCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything checked holds", "1:something fails (the counterexample is printed)",
                "2:bad usage or unreadable input", "3:internal error (a bug in Probity)"})
public final class ProbityCli implements java.util.concurrent.Callable<Integer> {
    private static final String MSG_NO_COMMAND = "probity: expected a command, one of: %s (see 'probity --help')";
    private static final String INTERNAL_VM = "probity: internal error: %s (an input Probity should have bounded, "
            + "or a bug; set PROBITY_DEBUG=1 for the stack trace)";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        CommandLine cmd = commandLine();
        // UTF-8 whatever the locale: reports print the field's notation (ᾱ_t, β_t, ε, ≈), which Java 17 turns into
        // '?' under a C/POSIX locale (Java 18 made UTF-8 the default)
        cmd.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
        int code = execute(cmd, args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        System.exit(code);
    }

    /**
     * The configured command line (error handlers, subcommands), writing to standard output and
     * error. Tests call {@link CommandLine#setOut}/{@link CommandLine#setErr} and
     * {@link CommandLine#execute} on it.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /**
     * @param factory creates the subcommand objects (tests pass one that injects a catalog)
     * @return a new command line
     */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        ErrorHandlers handlers = new ErrorHandlers(System.getenv("PROBITY_DEBUG") != null);
        return new CommandLine(new ProbityCli(), factory)
                .setParameterExceptionHandler(handlers)
                .setExecutionExceptionHandler(handlers)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * Runs the command with the given streams (for tests and embedding).
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the arguments
     * @return the exit code, see {@link ExitCodes}
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(CommandLine.defaultFactory(), out, err, args);
    }

    static int run(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine(factory);
        cmd.setOut(out);
        cmd.setErr(err);
        int code = execute(cmd, args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * {@link CommandLine#execute} with the JVM's own errors (out of memory, stack overflow), which
     * picocli lets through, turned into one line and {@link ExitCodes#INTERNAL_ERROR} like any
     * other bug: a trace with the JVM's exit code 1 would read as "a check fails" in CI.
     */
    private static int execute(CommandLine cmd, String[] args) {
        try {
            return cmd.execute(args);
        } catch (VirtualMachineError | LinkageError e) {
            PrintWriter err = cmd.getErr();
            err.println(String.format(java.util.Locale.ROOT, INTERNAL_VM, e));
            if (System.getenv("PROBITY_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    @Override
    public Integer call() {
        // "probity" alone: one line saying that a command is needed, like every other usage error
        PrintWriter err = spec.commandLine().getErr();
        err.println(String.format(java.util.Locale.ROOT, MSG_NO_COMMAND,
                String.join(", ", spec.commandLine().getSubcommands().keySet())));
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** @return Probity's version (from the jar manifest), or "development build" */
    static String version() {
        String v = ProbityCli.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** The version from the jar manifest, or "development build" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"probity " + version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
