/**
 * The identity catalog ({@link Catalog}): each identity a named value ({@link Identity}: statement,
 * model family, property with its domain generator, relation and tolerance rule) that the engine,
 * JUnit and the CLI run alike. Families: divergences, finite chains, D3PM, Gaussian diffusion and
 * continuous-time variational diffusion models, each written as a contract over a calculus
 * interface ({@link ChainCalculus}, {@link D3pmCalculus}, {@link GaussianDiffusionCalculus},
 * {@link VdmCalculus}, {@code divergence.Divergences})
 * so that deliberately broken implementations can be shown to fail. The identities every finite
 * chain satisfies are stated once, in the contract base {@link FiniteChainContract}, which the
 * finite-chain and D3PM families extend.
 *
 * <p>Follows: Sohl-Dickstein et al. 2015, Ho et al. 2020 §2 and appendix A, Austin et al. 2021,
 * Kingma et al. 2021 eq. 11–20 (the identities themselves); Commons Statistics' {@code BaseDistributionTest} and jqwik's
 * contract pattern (STYLE.md 7); tolerances from named rules (DESIGN.md, numerics policy).
 *
 * <p>May use: {@code check}, {@code chain}, {@code diffusion}, {@code divergence}, {@code dist},
 * {@code math}. Generators of its instances live in {@code identities.gen}.
 */
package org.probity.identities;
