package org.probity.diffusion;

/**
 * A denoiser \( \hat x_\theta(z_t; t) = a(t)\, z_t + b(t) \) on \( \mathbb R^d \), affine in \( z_t \)
 * with a scalar gain and a vector offset that depend on t arbitrarily: the family in which
 * \( \mathbb E_\varepsilon \|x - \hat x_\theta(z_t; t)\|^2 \), \( z_t = \alpha_t x + \sigma_t \varepsilon \),
 * is closed-form (\( \|(1 - a\alpha_t) x - b\|^2 + a^2 \sigma_t^2 d \); {@link VdmLoss#expectedSquaredError}),
 * so that a loss over "any network" of the family is exact. Used by {@link VdmLoss}.
 */
public interface AffineDenoiser {
    /** d ≥ 1. */
    int dimension();

    /** \( a(t) \), finite, for t in [0, 1]. */
    double gain(double t);

    /** \( b(t) \in \mathbb R^d \), finite, for t in [0, 1] (a fresh array). */
    double[] offset(double t);
}
