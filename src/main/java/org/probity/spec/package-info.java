/**
 * The derivation checker: a {@code .prob} file ({@link Spec}, SPEC-LANGUAGE.md) is parsed into one
 * AST ({@code spec.ast}), checked for meaning, and every claim, derivation step and chain is checked
 * on generated model instances of each family it applies to, with verdicts holds / fails / not
 * checked ({@link SpecResult}); {@link org.probity.check.RunConfig} ({@link Spec#options}) says how it runs.
 *
 * <p>Follows: SPEC-LANGUAGE.md and DERIVATIONS.md; exact enumeration on the markov family, closed
 * forms (Schur complements, Gaussian integrals of exp-quadratics) and Monte Carlo with a declared
 * false-alarm rate on the gaussian family.
 *
 * <p>May use: {@code check}, {@code chain}, {@code diffusion}, {@code divergence}, {@code dist},
 * {@code math}. Its readers and evaluators live in {@code spec.internal} (and new readers in
 * sub-packages of {@code spec}), under the same rule.
 */
package org.probity.spec;
