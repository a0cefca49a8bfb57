/**
 * Diffusion models: noise schedules ({@link NoiseSchedule}, the named ones in {@link Schedules}),
 * Gaussian diffusion ({@link GaussianDiffusion}: forward process, posterior, reverse models in the
 * ε, x₀ and mean parameterisations, VLB terms, bits/dim, exact bounds for linear-Gaussian reverse
 * models and Monte Carlo with a declared error otherwise), and discrete diffusion
 * ({@link DiscreteDiffusion}, {@link D3pmReverseModel}, {@link D3pmSchedules}: the D3PM transition
 * families on a finite chain), and continuous-time variational diffusion models
 * ({@link LogSnrSchedule}, {@link AffineDenoiser}, {@link SnrAffineDenoiser}, {@link VdmLoss}: the
 * discrete and continuous diffusion losses and the bound between them).
 *
 * <p>Follows: Ho et al. 2020 (§2, eqs. 5, 7, 11, 13); Nichol &amp; Dhariwal 2021 (cosine schedule,
 * learned variance); Lin et al. 2024 (zero terminal SNR); Austin et al. 2021 (D3PM: uniform,
 * absorbing and discretized-Gaussian families, the x₀-parameterised reverse process); Kingma,
 * Salimans, Poole &amp; Ho 2021 (VDM: eq. 11–20, log-SNR schedules, L_T and L_∞). ᾱ_t and
 * 1 − ᾱ_t by a double-double recurrence rounded once (DESIGN.md, numerics policy).
 *
 * <p>May use: {@code chain}, {@code divergence}, {@code dist}, {@code math}.
 */
package org.probity.diffusion;
