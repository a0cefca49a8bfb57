package org.probity.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The protocol loop of the probity_adapter package (adapters/python), driven with raw JSON lines. */
class PythonAdapterHelperTest {
    static List<String> exchange(String... requests) throws Exception {
        Process p = new ProcessBuilder("python3", "adapters/python/reference.py").redirectErrorStream(false).start();
        try (OutputStream in = p.getOutputStream()) {
            for (String r : requests) {
                in.write((r + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line);
            }
        }
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void scalarsAreBroadcastAndNonFiniteNumbersAreStrings() throws Exception {
        List<String> out = exchange(
            "{\"id\": 1, \"op\": \"normal_kl\", \"args\": {\"mean1\": [0, 1], \"logvar1\": 0, \"mean2\": 0, \"logvar2\": [0, \"Infinity\"]}}");
        assertThat(out).containsExactly("{\"id\": 1, \"result\": [0.0, \"Infinity\"]}");
    }

    @Test
    void exceptionsBadRequestsAndUnknownOpsAreErrorResponsesAndTheLoopGoesOn() throws Exception {
        List<String> out = exchange(
            "{\"id\": 1, \"op\": \"q_mean_variance\", \"args\": {\"betas\": [0.1], \"x0\": [1], \"t\": [0]}}",
            "this is not json",
            "{\"id\": 2, \"op\": \"no_such_op\", \"args\": {}}",
            "{\"id\": 3, \"op\": \"normal_kl\", \"args\": {\"mean1\": [0, 1], \"logvar1\": [0, 0, 0], \"mean2\": 0, \"logvar2\": 0}}",
            "{\"id\": 4, \"op\": \"alphas_cumprod\", \"args\": {\"betas\": [0.5, 0.5]}}");
        assertThat(out).hasSize(5);
        assertThat(out.get(0)).isEqualTo("{\"id\": 1, \"error\": \"ValueError: t must lie in 1..1, got 0\"}");
        assertThat(out.get(1)).startsWith("{\"id\": null, \"error\": \"request is not JSON");
        assertThat(out.get(2)).isEqualTo("{\"id\": 2, \"error\": \"unsupported op\"}");
        assertThat(out.get(3)).isEqualTo("{\"id\": 3, \"error\": \"ValueError: argument mean1 has 2 values, expected 3\"}");
        assertThat(out.get(4)).isEqualTo("{\"id\": 4, \"result\": [0.5, 0.25]}");
    }
}
