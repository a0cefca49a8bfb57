/**
 * Immutable, validated distributions: {@link Categorical}, {@link Gaussian} (variance or
 * log-variance form, the exact one kept), {@link DiagonalGaussian} and the 256-bin image decoder
 * {@link DiscretizedGaussian}.
 *
 * <p>Follows: Ho et al. 2020 eq. 13 (the discretized decoder, open edge bins); log-space normal
 * probabilities exact in the tails ({@code math.StandardNormal}), never the tanh approximation
 * (ORACLES.md).
 *
 * <p>May use: {@code math}.
 */
package org.probity.dist;
