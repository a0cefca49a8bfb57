/**
 * Generators of the catalog's instances in the engine's style: finite chains, reverse chains and
 * D3PM instances ({@link ChainGens}), noise schedules ({@link ScheduleGens}) and the Gaussian
 * diffusion instances built on them ({@link GaussianDiffusionGens}), each drawn so that
 * a failure shrinks toward few states, few steps and simple numbers.
 *
 * <p>May use: what {@code org.probity.identities} may use.
 */
package org.probity.identities.gen;
