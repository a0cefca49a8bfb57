/**
 * Finite-state time-inhomogeneous Markov chains ({@link FiniteChain}, {@link ReverseChain}) and
 * linear-Gaussian chains ({@link LinearGaussianChain}, {@link DiagonalLinearGaussianChain},
 * {@link GaussianVector}): joints, marginals, conditionals, exact expectations of additive path
 * functionals, the chain-rule KL and the exact variational bound ({@link VariationalBound}), all
 * polynomial; brute-force {@link PathEnumeration} as the independent second method;
 * {@link Stochastic} is what the models built on finite chains share (validation, one propagation
 * step).
 *
 * <p>Follows: Sohl-Dickstein et al. 2015 and Ho et al. 2020 eqs. 3 and 5 (the bound and its
 * decomposition); Austin et al. 2021 eq. 1 (finite state spaces); backward dynamic programming in
 * \( O(T K^2) \); Kalman-style moment recursions and Cholesky factorisation (Hipparchus) for the
 * Gaussian chains.
 *
 * <p>May use: {@code divergence}, {@code dist}, {@code math}. The dynamic programs live in
 * {@code chain.internal}, which only this package uses.
 */
package org.probity.chain;
