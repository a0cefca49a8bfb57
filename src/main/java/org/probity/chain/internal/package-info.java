/**
 * The implementation of {@code org.probity.chain}: the dynamic programs over finite chains
 * ({@link ChainDp}: propagation, backward values, the bound and its decomposition, likelihoods,
 * chain-rule KL, \( O(T K^2) \) time with compensated sums) and argument validation
 * ({@link Checks}).
 *
 * <p>May use: {@code org.probity.chain} and what it may use. Used only by {@code org.probity.chain};
 * other layers go through its public types ({@link org.probity.chain.Stochastic}).
 */
package org.probity.chain.internal;
