/**
 * Entropy, cross-entropy and KL divergence in closed form with documented accuracy ({@link Kl},
 * {@link Entropy}, {@link CrossEntropy}, behind the {@link Divergences} interface), and independent
 * second methods with a declared error: Gauss–Legendre {@link Quadrature} and {@link MonteCarlo}
 * with a sample size derived from a false-alarm rate ({@link Estimate}).
 *
 * <p>Follows: Cover &amp; Thomas (definitions, \( 0 \log 0 = 0 \), KL = +∞ off the support);
 * cancellation-free forms near KL = 0 (expm1/log1p series, double-double products); Hoeffding 1963
 * for categorical Monte Carlo bounds; composite Gauss–Legendre quadrature (Hipparchus nodes).
 *
 * <p>May use: {@code dist}, {@code math}.
 */
package org.probity.divergence;
