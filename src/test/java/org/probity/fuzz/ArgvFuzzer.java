package org.probity.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Random command lines: a command, its options (and others') with values from a pool of the values
 * that have broken command lines before — out of range, huge, malformed, paths that are missing,
 * directories, files of the wrong kind, devices — in any order, repeated or missing. Runs that would
 * be valid stay cheap: {@code verify} always checks one identity or one small spec, with few tries.
 */
final class ArgvFuzzer {
    private static final String[] COMMANDS = {"verify", "check", "check-impl", "schedule", "help", "verfy", "", "-x",
        "--version", "--help"};
    private static final String[] OPTIONS = {"--seed", "--tries", "--only", "--shard", "--report", "--specs", "--replay",
        "--jobs", "--list", "--T", "-T", "--zero-snr", "--json", "--charts", "--max-shrink", "--timeout-ms", "--help",
        "--bogus", "-", "--", "--seed=", "--tries=0"};
    private static final String[] NUMBERS = {"-1", "0", "1", "2", "3", "7", "2147483647", "2147483648", "-2147483648",
        "99999999999999999999", "0x9E3779B97F4A7C15", "0X10", "0xZZ", "1.5", "1e3", "", " ", "abc", "NaN", "٣", "1/2",
        "3/2", "0/0", "1/0", "2/1", "-1/2", "1//2", "/", "1_000"};
    private static final String[] SCHEDULES = {"linear", "cosine", "scaled-linear", "scaled_linear", "linear_scaled",
        "sigmoid", "cosine-zero-snr", "cosin", "-zero-snr", "linear-zero-snr-zero-snr"};
    private static final String[] REPLAYS = {"garbage", "00000000:1,2", "deadbeef:99999999999999999999", ":", "a:b",
        "12345678:-1", "12345678:", "zzzzzzzz:1"};

    private final UniformRandomProvider rng;
    private final Files files;

    /** The files a command line may name. */
    record Files(Path dir, Path spec, Path empty, Path binary, Path schedule, Path reportDir, Path missing,
                 List<String> adapter, String cheapIdentity) {
    }

    ArgvFuzzer(UniformRandomProvider rng, Files files) {
        this.rng = rng;
        this.files = files;
    }

    List<String> next() {
        List<String> a = new ArrayList<>();
        String cmd = COMMANDS[rng.nextInt(COMMANDS.length)];
        if (!cmd.isEmpty()) {
            a.add(cmd);
        }
        switch (cmd) {
            case "verify":
                a.addAll(List.of("--only", rng.nextInt(4) == 0 ? files.spec().getFileName().toString() : files.cheapIdentity(),
                        "--specs", files.spec().getParent().toString(), "--tries", "3", "--report", files.reportDir().toString()));
                break;
            case "check":
                a.add(path());
                a.addAll(List.of("--tries", "3"));
                break;
            case "schedule":
                a.add(rng.nextBoolean() ? SCHEDULES[rng.nextInt(SCHEDULES.length)] : path());
                break;
            case "check-impl":
                a.addAll(List.of("--tries", "2", "--timeout-ms", "2000"));
                break;
            default:
                break;
        }
        int extra = rng.nextInt(4);
        for (int i = 0; i < extra; i++) {
            String opt = OPTIONS[rng.nextInt(OPTIONS.length)];
            int at = a.isEmpty() ? 0 : 1 + rng.nextInt(a.size());
            List<String> ins = new ArrayList<>(List.of(opt));
            if (rng.nextInt(5) != 0) {
                ins.add(value(opt));
            }
            a.addAll(Math.min(at, a.size()), ins);
        }
        if (cmd.equals("check-impl") && rng.nextInt(6) != 0) {
            a.add("--");
            a.addAll(files.adapter());
        }
        return a;
    }

    private String value(String opt) {
        switch (opt) {
            case "--report":
            case "--specs":
            case "--charts":
                return path();
            case "--replay":
                return REPLAYS[rng.nextInt(REPLAYS.length)];
            case "--only":
                return rng.nextBoolean() ? files.cheapIdentity() : "no such identity";
            default:
                return NUMBERS[rng.nextInt(NUMBERS.length)];
        }
    }

    private String path() {
        Path[] pool = {files.dir(), files.spec(), files.empty(), files.binary(), files.schedule(), files.missing(),
            files.dir().resolve("new-dir"), files.spec().resolve("under-a-file"), Path.of("/dev/null"),
            Path.of("/dev/null/x"), Path.of("/proc/self/status"), Path.of("/")};
        return pool[rng.nextInt(pool.length)].toString();
    }
}
