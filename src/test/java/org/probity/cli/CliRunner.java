package org.probity.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;
import org.probity.identities.Identity;
import picocli.CommandLine;

/** Runs the CLI in-process with captured streams and, optionally, an injected identity catalog. */
final class CliRunner {
    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        return run(CommandLine.defaultFactory(), args);
    }

    static Result withCatalog(Supplier<List<Identity>> catalog, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == VerifyCommand.class) {
                    return cls.cast(new VerifyCommand(catalog));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        return run(factory, args);
    }

    private static Result run(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProbityCli.run(factory, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
