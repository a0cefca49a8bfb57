package org.probity.diffusion;

/**
 * A denoising model's prediction \( \tilde{p}_\theta(\tilde{x}_0 \mid x_t) \), the usual output of a
 * D3PM network (Austin et al. 2021, §3.3). Primitive arrays, so the exact bound over \( K = 256 \)
 * states runs without boxing.
 */
@FunctionalInterface
public interface X0Predictor {
    /**
     * Writes the distribution of \( \tilde{x}_0 \) given \( x_t \).
     *
     * @param t the step, {@code 1 <= t <= T}
     * @param xt the state at step t
     * @param out receives K probabilities summing to 1 (overwritten)
     */
    void predict(int t, int xt, double[] out);
}
