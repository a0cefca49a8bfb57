/**
 * The JUnit 5 entry for JVM projects: the identity catalog and {@code .prob} specs as dynamic tests
 * of the project's own {@code mvn test} ({@link ProbityCatalogTests}), each failing with the shrunk
 * counterexample, the seed and the replay option; and {@link PropertyTest} methods, whose
 * parameters the engine generates ({@link Integers}, {@link Doubles}, {@link Probabilities},
 * {@link ProbabilityVectors}, {@link Size}, {@link From}), run by a Jupiter extension
 * ({@link PropertyTestExtension}). A front end, like {@code cli}.
 *
 * <p>May use: {@code identities}, {@code spec}, {@code conformance}, {@code check},
 * {@code assertions}, {@code chain}, {@code diffusion}, {@code divergence}, {@code dist},
 * {@code math}.
 */
package org.probity.junit;
