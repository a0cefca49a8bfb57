package org.probity.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probity's own fuzzer (issue 11): mutated spec files ({@link SpecMutator}), bad command lines
 * ({@link ArgvFuzzer}) and faulty adapters ({@link AdapterFuzzer}), each run through the
 * {@code probity} command and judged by the {@link Oracle}: no exit 3, no JVM stack trace, no run past
 * its budget, every exit 2 one line naming the position or option; and no adapter process left
 * behind.
 *
 * <p>In {@code mvn test} it runs for {@value #DEFAULT_SECONDS} s with the fixed seed
 * {@value #DEFAULT_SEED}. Longer, or with another seed:
 * {@code mvn -B test -Dtest=ProbityFuzzTest -Dprobity.fuzz.seconds=1800 -Dprobity.fuzz.seed=7}. Each
 * finding is written with its input under {@code target/fuzz-findings/}; the summary (inputs, exit
 * codes, findings per family) is printed at the end.
 */
class ProbityFuzzTest {
    static final int DEFAULT_SECONDS = 15;
    static final long DEFAULT_SEED = 20261130L;
    private static final Duration RUN_BUDGET = Duration.ofSeconds(Long.getLong("probity.fuzz.runSeconds", 30));
    private static final String CHAOS = "adapters/python/faulty/chaos.py";
    private static final Path FINDINGS = Path.of("target/fuzz-findings");

    /**
     * A kind of finding in another helper's area, frozen here until its fix lands on main; then the
     * entry goes. A known finding is counted and listed in the summary but does not fail the test.
     */
    private record Known(String family, String problem, String owner) {
        boolean matches(String fam, String p) {
            return family.equals(fam) && p.contains(problem);
        }
    }

    private static final List<Known> KNOWN = List.of(
            // Not a defect: a mutated spec at the language's largest size (`model gaussian steps 999..999` in a file
            // of several claims or derivation steps) is bounded by the per-try budget (10 s per item, NOT CHECKED
            // past it), which can add up to more than this fuzzer's per-run budget. The spec branch's fixes for
            // stack overflows, array sizes and bit masks have landed, so those are findings again; an
            // OutOfMemoryError here was a FAIL of a true claim, now NOT CHECKED (SpecInputLimitsTest).
            new Known("spec files", "ran past its budget", "spec: per-try budget x items at T = 999"));

    @TempDir
    Path dir;

    /** Counts per family. */
    private static final class Tally {
        int inputs;
        final Map<Integer, Integer> exits = new TreeMap<>();
        final List<String> findings = new ArrayList<>();
        final Map<String, Integer> known = new TreeMap<>();

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d inputs, exit codes %s, %d findings%s", inputs, exits, findings.size(),
                    known.isEmpty() ? "" : ", known (another helper's fix pending): " + known);
        }
    }

    @Test
    void noInputMakesProbityCrashHangOrMumble() throws IOException {
        long seconds = Long.getLong("probity.fuzz.seconds", DEFAULT_SECONDS);
        long seed = Long.getLong("probity.fuzz.seed", DEFAULT_SEED);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        SpecMutator specs = new SpecMutator(corpus(), rng);
        ArgvFuzzer argv = new ArgvFuzzer(rng, files());
        AdapterFuzzer adapters = new AdapterFuzzer(rng, CHAOS);
        Map<String, Tally> tallies = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        int n = 0;
        while (System.nanoTime() < deadline) {
            int pick = n++ % 10;
            String family;
            List<String> args;
            String input;
            if (pick < 5) {
                family = "spec files";
                Path f = dir.resolve("fuzz.prob");
                byte[] bytes = specs.next();
                Files.write(f, bytes);
                args = List.of("check", f.toString(), "--tries", "3", "--seed", Long.toString(rng.nextLong()));
                input = new String(bytes, StandardCharsets.UTF_8);
            } else if (pick < 8) {
                family = "command lines";
                args = argv.next();
                input = "";
            } else {
                family = "adapters";
                args = adapters.next();
                input = "";
            }
            CliRun run = CliRun.of(args, RUN_BUDGET);
            List<String> problems = new ArrayList<>(Oracle.problems(run, RUN_BUDGET));
            if (family.equals("adapters")) {
                leftBehind().ifPresent(problems::add);
            }
            Tally t = tallies.computeIfAbsent(family, k -> new Tally());
            t.inputs++;
            t.exits.merge(run.exitCode(), 1, Integer::sum);
            for (String p : problems) {
                String fam = family;
                Known k = KNOWN.stream().filter(x -> x.matches(fam, p)).findFirst().orElse(null);
                if (k != null) {
                    t.known.merge(k.owner(), 1, Integer::sum);
                    save(family, run, input, "(known) " + p);
                } else {
                    t.findings.add(p + " — " + save(family, run, input, p));
                }
            }
        }
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "probity fuzz: seed %d, %d s%n", seed, seconds));
        tallies.forEach((k, v) -> summary.append("  ").append(k).append(": ").append(v).append('\n'));
        System.out.print(summary);
        List<String> all = tallies.values().stream().flatMap(v -> v.findings.stream()).toList();
        assertThat(all).as(summary.toString()).isEmpty();
    }

    /** An adapter process (or a child of one) still running after its run ended. */
    private static java.util.Optional<String> leftBehind() {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        List<ProcessHandle> left;
        do {
            left = ProcessHandle.allProcesses().filter(h -> h.isAlive() && !zombie(h.pid())
                    && h.info().commandLine().orElse("").contains(CHAOS)).toList();
            if (left.isEmpty()) {
                return java.util.Optional.empty();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        left.forEach(ProcessHandle::destroyForcibly);
        return java.util.Optional.of(left.size() + " adapter process(es) left behind: "
                + left.stream().map(h -> h.info().commandLine().orElse("?")).toList());
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String save(String family, CliRun run, String input, String problem) {
        try {
            Files.createDirectories(FINDINGS);
            Path f = Files.createTempFile(FINDINGS, family.replace(' ', '-') + "-", ".txt");
            Files.writeString(f, "problem: " + problem + "\nargs: " + run.args() + "\nexit: " + run.exitCode()
                    + "\nelapsed: " + run.elapsed() + "\n--- input\n" + input + "\n--- stdout\n" + run.out()
                    + "\n--- stderr\n" + run.err());
            return f.toString();
        } catch (IOException e) {
            return "(not saved: " + e.getMessage() + ")";
        }
    }

    private static List<String> corpus() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("specs"))) {
            List<String> out = new ArrayList<>();
            for (Path p : s.filter(p -> p.toString().endsWith(".prob")).sorted().toList()) {
                out.add(Files.readString(p));
            }
            out.add("model markov\nclaim \"c\": KL( q(x_0) || p(x_0) ) >= 0\n");
            out.add("model gaussian\nclaim \"c\": q(x_0) >= 0\n");
            return out;
        }
    }

    private ArgvFuzzer.Files files() throws IOException {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Path spec = Files.writeString(specs.resolve("small.prob"), "model markov states 2..2 steps 1..1\n"
                + "claim \"c\": KL( q(x_0) || p(x_0) ) >= 0\n");
        Path empty = Files.writeString(dir.resolve("empty.prob"), "");
        Path binary = Files.write(dir.resolve("binary.txt"), new byte[] {0x7f, 'E', 'L', 'F', (byte) 0xff, 0, 1});
        Path schedule = Files.writeString(dir.resolve("betas.txt"), "0.1\n0.2\n");
        return new ArgvFuzzer.Files(dir, spec, empty, binary, schedule, dir.resolve("reports"), dir.resolve("missing"),
                List.of("python3", CHAOS, "{\"describe\": \"ok\", \"fault\": \"none\", \"at\": -1}"),
                "categorical: H(p, q) = KL(p || q) + H(p)");
    }
}
