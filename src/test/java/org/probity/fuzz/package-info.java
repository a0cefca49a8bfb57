/**
 * Probity's own fuzzer (issue 11): mutated spec files, bad command lines and faulty adapters run
 * through the {@code probity} command, each judged by {@code Oracle} (no exit 3, no JVM stack trace,
 * no run past its budget, every exit 2 one line naming the position or option, no adapter process
 * left behind). {@code ProbityFuzzTest} runs it for a few seconds with a fixed seed in {@code mvn test};
 * {@code -Dprobity.fuzz.seconds=N -Dprobity.fuzz.seed=S} runs it longer.
 *
 * <p>May use: any Probity package through the command line (test code is outside the layer rules).
 */
package org.probity.fuzz;
