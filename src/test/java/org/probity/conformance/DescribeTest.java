package org.probity.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * describe as PROTOCOL.md version 2 says: unknown ops are kept by name and not checked (never a
 * reason to refuse the adapter), {@code schedules}, {@code limits} and {@code variants} are read, and
 * a malformed optional field is a protocol fault naming the field.
 */
class DescribeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** An adapter process whose describe answer is {@code result} and whose ops are the reference's. */
    static List<String> describing(String result) {
        String script = String.join("\n",
            "import json, sys",
            "sys.path.insert(0, 'adapters/python')",
            "import reference",
            "from probity_adapter.protocol import answer",
            "ops = reference.ops()",
            "for line in sys.stdin:",
            "    req = json.loads(line)",
            "    resp = {'id': req['id'], 'result': json.loads(" + pythonString(result) + ")} if req['op'] == 'describe' "
                + "else answer(ops, None, req)",
            "    print(json.dumps(resp), flush=True)");
        return List.of("python3", "-c", script);
    }

    static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void unknownOpsAreKeptByNameAndTheKnownOnesAreUsed() {
        try (SubprocessImplementation impl = SubprocessImplementation.start(describing(
                "{\"name\": \"newer\", \"ops\": [\"normal_kl\", \"flow_matching_loss\", \"snr\"], \"precision\": \"float64\"}"), TIMEOUT)) {
            Description d = impl.describe();
            assertThat(d.ops()).containsExactly(Op.NORMAL_KL, Op.SNR);
            assertThat(d.unknownOps()).containsExactly("flow_matching_loss");
            assertThat(d.schedules()).isEmpty();
            assertThat(d.limits()).isEqualTo(StepLimits.NONE);
            assertThat(impl.snr(new double[] {0.5, 0.5}, new int[] {1, 2})).containsExactly(1.0, 1.0 / 3);
        }
    }

    @Test
    void schedulesLimitsAndVariantsAreRead() {
        try (SubprocessImplementation impl = SubprocessImplementation.start(describing(
                "{\"name\": \"v2\", \"ops\": [\"inference_timesteps\", \"d3pm_q_mat\"], \"schedules\": [\"linear\", \"cosine\"],"
                    + " \"limits\": {\"min_T\": 2, \"max_T\": 4000}, \"variants\": {\"inference_timesteps\": [\"trailing\", \"karras-ish\"],"
                    + " \"d3pm\": [\"uniform\"]}}"), TIMEOUT)) {
            Description d = impl.describe();
            assertThat(d.schedules()).contains(List.of("linear", "cosine"));
            assertThat(d.limits()).isEqualTo(new StepLimits(2, 4000));
            assertThat(d.variants()).containsEntry("d3pm", List.of("uniform"));
            assertThat(d.variantsOf(Op.INFERENCE_TIMESTEPS, Op.INFERENCE_TIMESTEPS.knownVariants())).containsExactly("trailing");
            assertThat(d.variantsOf(Op.D3PM_Q_POSTERIOR, Op.D3PM_Q_POSTERIOR.knownVariants())).containsExactly("uniform");
            assertThat(d.variantsOf(Op.LOSS_WEIGHT, Op.LOSS_WEIGHT.knownVariants())).containsExactly("epsilon", "v_prediction", "sample");
            assertThat(impl.inferenceTimesteps(10, 4, org.probity.diffusion.TimestepSpacing.TRAILING)).containsExactly(10, 8, 5, 2);
            assertThat(impl.d3pmQMat(org.probity.diffusion.DiscreteDiffusion.Family.ABSORBING, new double[] {0.25}, 2, 1))
                .isDeepEqualTo(new double[][] {{0.75, 0.25}, {0, 1}});
        }
    }

    @Test
    void malformedOptionalFieldsAreFaultsNamingTheField() {
        Map<String, String> cases = Map.of(
            "{\"ops\": [\"normal_kl\"], \"limits\": {\"min_T\": 0}}", "\"limits\".\"min_T\" to be an integer >= 1, got 0",
            "{\"ops\": [\"normal_kl\"], \"limits\": {\"min_T\": 50, \"max_T\": 20}}", "\"limits\" to have min_T <= max_T",
            "{\"ops\": [\"normal_kl\"], \"limits\": [2, 4]}", "\"limits\" to be an object",
            "{\"ops\": [\"normal_kl\"], \"variants\": {\"d3pm\": \"uniform\"}}", "\"variants.d3pm\" to be an array of strings",
            "{\"ops\": [\"normal_kl\", 7]}", "\"ops\" to be an array of strings",
            "{\"ops\": [\"normal_kl\"], \"schedules\": \"cosine\"}", "\"schedules\" to be an array of strings");
        cases.forEach((json, message) -> assertThatThrownBy(() -> SubprocessImplementation.start(describing(json), TIMEOUT).close())
            .as(json).isInstanceOfSatisfying(AdapterFault.class, f -> {
                assertThat(f.kind()).isEqualTo(AdapterFault.Kind.BAD_DESCRIPTION);
                assertThat(f.getMessage()).contains("describe: expected " + message);
            }));
    }
}
