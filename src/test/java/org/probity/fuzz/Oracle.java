package org.probity.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every run of the fuzzer must satisfy (issue 11): no exit 3 (an internal error), no JVM stack
 * trace in the output, no run longer than its budget, and every exit 2 one line naming the position
 * (FILE:LINE[:COLUMN]), the option or the input at fault. For {@code check-impl}, an adapter fault is
 * one line followed by the block of the adapter's stderr tail, which is the adapter's text.
 */
final class Oracle {
    private static final Pattern JVM_TRACE = Pattern.compile(
            "(?m)^\\s+at [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\((?:[\\w$]+\\.java:\\d+|Native Method|Unknown Source)\\)"
                    + "|Exception in thread \"|^Caused by: [\\w.$]+(Exception|Error)");
    /** A Java exception's class name: library internals in a message meant for a user. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(java|javax|org\\.probity|com\\.fasterxml|picocli)\\.[\\w.$]*(Exception|Error)\\b|\\b[A-Z]\\w*(Exception)\\b");
    private static final Pattern POSITION = Pattern.compile("\\S:\\d+(:\\d+)?: ");
    private static final Pattern OPTION = Pattern.compile("'-{1,2}[\\w-]*'|option '|Unknown option|Missing required|"
            + "unknown command|expected a command|Expected parameter|should be specified only once");
    private static final Pattern TAIL = Pattern.compile("\\(adapter stderr was empty\\)|last \\d+ line\\(s\\) of the "
            + "adapter's stderr:|  \\| .*");

    private Oracle() {
    }

    /**
     * @param run    the run
     * @param budget its budget
     * @return what is wrong with it, empty when nothing is
     */
    static List<String> problems(CliRun run, Duration budget) {
        List<String> out = new ArrayList<>();
        if (run.exitCode() == CliRun.OVER_BUDGET) {
            out.add("ran past its budget of " + budget.toSeconds() + " s");
            return out;
        }
        if (run.exitCode() == 3) {
            out.add("exit 3 (internal error): " + firstLine(run.err()));
        }
        if (run.exitCode() < 0 || run.exitCode() > 3) {
            out.add("exit code " + run.exitCode());
        }
        if (JVM_TRACE.matcher(run.out()).find() || JVM_TRACE.matcher(run.err()).find()) {
            out.add("a JVM stack trace in the output");
        }
        if (run.exitCode() != 3 && (JAVA_NAME.matcher(run.out()).find() || JAVA_NAME.matcher(ownWords(run.err())).find())) {
            out.add("a Java exception's name in the output: " + abbreviate(matchOf(run)));
        }
        if (run.exitCode() == 2) {
            String problem = badInputMessage(run);
            if (problem != null) {
                out.add(problem);
            }
        }
        return out;
    }

    /** Why the message of an exit 2 is not one line naming the position, the option or the input; null if it is. */
    private static String badInputMessage(CliRun run) {
        List<String> lines = run.err().lines().toList();
        if (lines.isEmpty()) {
            return "exit 2 with nothing on standard error";
        }
        String first = lines.get(0);
        boolean adapterFault = first.startsWith("probity check-impl: adapter fault (");
        for (String l : lines.subList(1, lines.size())) {
            if (!(adapterFault && TAIL.matcher(l).matches())) {
                return "exit 2 with more than one line: " + abbreviate(run.err());
            }
        }
        if (!first.startsWith("probity")) {
            return "exit 2 whose message does not name the command: " + abbreviate(first);
        }
        if (POSITION.matcher(first).find() || OPTION.matcher(first).find() || adapterFault) {
            return null;
        }
        String message = first.substring(first.indexOf(": ") + 2); // after "probity COMMAND: "
        for (String a : run.args().subList(Math.min(1, run.args().size()), run.args().size())) {
            if (!a.isEmpty() && message.contains("'" + a + "'") || a.length() >= 2 && !a.startsWith("-") && message.contains(a)) {
                return null; // names the input (a file, a schedule name, an option's value)
            }
        }
        return "exit 2 whose message names no position, option or input: " + abbreviate(first);
    }

    private static String matchOf(CliRun run) {
        for (String s : new String[] {run.out(), ownWords(run.err())}) {
            java.util.regex.Matcher m = JAVA_NAME.matcher(s);
            if (m.find()) {
                int from = s.lastIndexOf('\n', m.start()) + 1;
                int to = s.indexOf('\n', m.end());
                return s.substring(from, to < 0 ? s.length() : to);
            }
        }
        return "";
    }

    /** Standard error without the adapter's stderr tail ("  | ..." lines), which is the adapter's text. */
    private static String ownWords(String err) {
        return String.join("\n", err.lines().filter(l -> !l.startsWith("  | ")).toList());
    }

    static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    static String abbreviate(String s) {
        String one = s.replace('\n', '⏎');
        return one.length() <= 300 ? one : one.substring(0, 300) + "…";
    }
}
