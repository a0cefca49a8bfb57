package org.probity.diffusion;

import org.probity.math.Constants;
import org.probity.math.NeumaierSum;

/**
 * The terms of the DDPM variational bound (Ho et al. 2020, eq. 5), in nats, summed over dimensions:
 * \( L_{VLB} = L_T + \sum_{t=2}^{T} L_{t-1} + L_0 \) with
 * \( L_T = \mathrm{KL}(q(x_T \mid x_0) \| p(x_T)) \),
 * \( L_{t-1} = E_q\,\mathrm{KL}(q(x_{t-1} \mid x_t, x_0) \| p_\theta(x_{t-1} \mid x_t)) \),
 * \( L_0 = -E_q \log p_\theta(x_0 \mid x_1) \).
 *
 * @param priorTerm \( L_T \)
 * @param stepTerms \( L_1, \dots, L_{T-1} \): entry {@code t - 2} is the term of step t (empty for T = 1)
 * @param decoderTerm \( L_0 \)
 * @param dimensions the number of dimensions summed over (for bits/dim)
 */
public record VlbTerms(double priorTerm, double[] stepTerms, double decoderTerm, int dimensions) {

    /** The compact constructor copies the array. */
    public VlbTerms {
        stepTerms = stepTerms.clone();
    }

    /** A copy of the step terms. */
    @Override
    public double[] stepTerms() {
        return stepTerms.clone();
    }

    /** \( L_{VLB} \) in nats (compensated sum). */
    public double total() {
        NeumaierSum s = NeumaierSum.create().add(priorTerm).add(decoderTerm);
        for (double x : stepTerms) {
            s.add(x);
        }
        return s.sum();
    }

    /** \( L_{VLB} \) in bits per dimension: total / (dimensions · ln 2). */
    public double bitsPerDim() {
        return total() / (dimensions * Constants.LN2);
    }
}
