package org.probity.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python package of adapters/python installs offline into a fresh virtual environment
 * ({@code pip install --no-index}, the build backend being in the tree), and the pytest plugin runs the
 * documented example (adapters/python/examples/pytest_example): its correct op passes, its buggy op
 * fails with the shrunk input and the replay command. Probity runs from this build's classes.
 *
 * <p>Skipped, with the reason, only where python3 cannot run pytest in a virtual environment: no
 * python3, no pip for it, or no pytest installed for it (pytest cannot be installed without a package
 * index).
 */
class PytestPluginTest {
    static final Path PACKAGE = Path.of("adapters/python").toAbsolutePath();
    static final Path EXAMPLE = PACKAGE.resolve("examples/pytest_example");

    record Run(int code, String out) {
    }

    static Run run(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("__pycache__")).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    @Test
    void theExampleShowsOnePassingAndOneFailingOpInPytest(@TempDir Path tmp) throws Exception {
        Path venv = tmp.resolve("venv");
        Run made = run(tmp, Map.of(), "python3", "-m", "venv", "--system-site-packages", "--without-pip", venv.toString());
        assumeTrue(made.code() == 0, "python3 cannot create a virtual environment: " + made.out());
        String python = venv.resolve("bin/python").toString();
        assumeTrue(run(tmp, Map.of(), python, "-m", "pip", "--version").code() == 0,
            "pip is not available to python3, so the package cannot be installed");
        assumeTrue(run(tmp, Map.of(), python, "-c", "import pytest").code() == 0,
            "pytest is not installed for python3 (and cannot be installed without a package index)");

        // pip's own isolated build environment, no index: the in-tree backend needs nothing else
        Run installed = run(tmp, Map.of(), python, "-m", "pip", "install", "--no-index", "--disable-pip-version-check", PACKAGE.toString());
        assertThat(installed.code()).as(installed.out()).isZero();
        Run where = run(tmp, Map.of(), python, "-c", "import probity_adapter; print(probity_adapter.__file__)");
        assertThat(where.out()).startsWith(venv.toString());

        Path work = tmp.resolve("example");
        copy(EXAMPLE, work);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String probity = java + " -cp " + System.getProperty("java.class.path") + " org.probity.cli.ProbityCli";
        // the command through --probity-command, a path outside the project: pytest then takes the common directory
        // of its arguments as rootdir, and a replay line must still be pasteable where pytest was started
        Path wrapper = tmp.resolve("probity");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + probity + " \"$@\"\n");
        assertThat(wrapper.toFile().setExecutable(true)).isTrue();
        Run pytest = run(work, Map.of(), python, "-m", "pytest", "-p", "no:cacheprovider", "-rA",
            "--probity-tries", "10", "--probity-seed", "7", "--probity-command", wrapper.toString());
        System.out.println(pytest.out());
        assertThat(pytest.code()).as(pytest.out()).isEqualTo(1);
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String line : pytest.out().split("\n")) {
            if (line.startsWith("PASSED ")) {
                passed.add(line);
            } else if (line.startsWith("FAILED ")) {
                failed.add(line);
            }
        }
        // every property of the correct op passes; the buggy op's properties fail (its whole-run one holds: same NaN twice)
        assertThat(pytest.out().lines().filter(l -> l.contains("::probity[normal_kl: ")).toList()).isNotEmpty()
            .allMatch(l -> l.startsWith("PASSED "));
        assertThat(failed).hasSizeGreaterThanOrEqualTo(2).allMatch(l -> l.contains("probity[categorical_kl: "));
        assertThat(passed).hasSizeGreaterThanOrEqualTo(3);
        assertThat(pytest.out()).contains("probity[categorical_kl: categorical_kl agrees with the reference]")
            .contains("input: ").contains("implementation NaN").contains("replay: pytest ").contains("--probity-replay ");
        // the replay line, pasted in the directory pytest ran in, reruns exactly that failure
        String replay = pytest.out().lines().filter(l -> l.startsWith("replay: pytest ")).findFirst().orElseThrow().substring("replay: ".length());
        Run again = run(work, Map.of(), python, "-c", "import shlex, subprocess, sys; a = shlex.split(sys.argv[1]); "
            + "sys.exit(subprocess.call([sys.executable, '-m'] + a + ['-p', 'no:cacheprovider']))", replay);
        assertThat(again.code()).as(replay + "\n" + again.out()).isEqualTo(1);
        assertThat(again.out()).as(again.out()).contains("1 failed").doesNotContain("not found");
        // docs/adapters.md shows this failure's lines as they are printed (it once showed "expected …, (∞ ulps)")
        List<String> shown = Files.readString(Path.of("docs/adapters.md")).lines()
            .dropWhile(l -> !l.equals("categorical_kl — categorical_kl agrees with the reference")).limit(4).toList();
        assertThat(shown).hasSize(4);
        for (String line : shown) {
            // (the docs' run gave the command by PROBITY_COMMAND: the replay line then has no --probity-command)
            assertThat(pytest.out().replace(" --probity-command " + wrapper, "")).as("docs/adapters.md: " + line).contains(line.replace(" [...]", ""));
        }
    }

    @Test
    void withoutProbityOnThePathTheModuleReportsOneCleanLineNotATraceback(@TempDir Path tmp) throws Exception {
        assumeTrue(run(tmp, Map.of(), "python3", "-c", "import pytest").code() == 0,
            "pytest is not installed for python3 (and cannot be installed without a package index)");
        Path work = tmp.resolve("example");
        copy(EXAMPLE, work);
        Run pytest = run(work, Map.of("PROBITY_COMMAND", tmp.resolve("no-such-probity").toString(), "PYTHONPATH", PACKAGE.toString()),
            "python3", "-m", "pytest", "-p", "no:cacheprovider", "-p", "probity_adapter.pytest_plugin");
        // before: a pytest.UsageError raised while collecting came wrapped in pluggy's traceback
        assertThat(pytest.code()).as(pytest.out()).isEqualTo(2);
        assertThat(pytest.out()).containsPattern("(?m)^probity: cannot run '.*no-such-probity': set --probity-command, the ini key "
                + "probity_command or \\$PROBITY_COMMAND to the Probity command line \\(e.g. 'java -jar probity.jar'\\)$")
            .doesNotContain("pluggy/", "_hooks.py", "Traceback", "pytest_plugin.py", "UsageError");
    }
}
