package org.probity.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Faulty adapters: the chaos adapter ({@code adapters/python/faulty/chaos.py}) with a random
 * configuration — how it describes itself and which fault it commits at which request — behind a
 * {@code check-impl} command line with a short timeout, few tries and few shrink steps.
 */
final class AdapterFuzzer {
    private static final String[] DESCRIBE = {"ok", "ok", "ok", "no_ops", "unknown_ops", "only_unknown", "ops_not_array",
        "bad_precision", "float32", "no_name", "not_object", "null", "weird_limits", "huge_limits", "ops_numbers"};
    private static final String[] FAULTS = {"none", "exit", "signal", "hang", "partial", "garbage", "malformed", "wrong_id",
        "string_id", "no_result", "bare_nan", "huge_number", "long_line", "binary", "close_stdout", "fork_crash",
        "stderr_flood", "twice", "error", "wrong_length"};
    /** The per-request timeout given to check-impl; a hang costs this much. */
    static final int TIMEOUT_MS = 700;

    private final UniformRandomProvider rng;
    private final String script;

    AdapterFuzzer(UniformRandomProvider rng, String script) {
        this.rng = rng;
        this.script = script;
    }

    List<String> next() {
        String fault = FAULTS[rng.nextInt(FAULTS.length)];
        String config = String.format(java.util.Locale.ROOT, "{\"describe\": \"%s\", \"fault\": \"%s\", \"at\": %d, \"code\": %d}",
                DESCRIBE[rng.nextInt(DESCRIBE.length)], fault, fault.equals("none") ? -1 : rng.nextInt(6),
                new int[] {0, 1, 2, 3, 137, 255}[rng.nextInt(6)]);
        List<String> a = new ArrayList<>(List.of("check-impl", "--tries", Integer.toString(1 + rng.nextInt(3)),
                "--max-shrink", "10", "--timeout-ms", Integer.toString(TIMEOUT_MS), "--seed", Long.toString(rng.nextLong())));
        a.addAll(List.of("--", "python3", script, config));
        return a;
    }
}
