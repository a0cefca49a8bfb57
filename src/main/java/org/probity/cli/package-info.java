/**
 * The {@code probity} command ({@link ProbityCli}): {@code verify}, {@code check},
 * {@code check-impl} and {@code schedule}. It parses arguments, runs the layers below (on a thread
 * pool for {@code verify}) and prints what they found; exit codes are {@link ExitCodes} and every
 * error is one line (docs/cli.md).
 *
 * <p>Follows: picocli's conventions (shared options, one exit-code mapper on the root command).
 *
 * <p>May use: {@code report}, {@code identities}, {@code spec}, {@code conformance}, {@code check},
 * {@code assertions}, {@code chain}, {@code diffusion}, {@code divergence}, {@code dist},
 * {@code math}.
 */
package org.probity.cli;
