package org.probity.identities;

import org.probity.diffusion.LinearGaussianReverse;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.VlbTerms;

/**
 * The Gaussian-diffusion calculus that {@link GaussianDiffusionIdentities} checks (the subject of
 * the identities as contracts, STYLE.md 7): scalar (one-dimensional) forward process, posterior and
 * the exact VLB of linear-Gaussian reverse models, in nats. {@link #library()} is Probity's
 * {@code GaussianDiffusion}; a test supplies a second implementation, or a broken variant, and runs
 * the same identities on it.
 */
public interface GaussianDiffusionCalculus {
    /** Mean of \( q(x_t \mid x_{t-1}) \). */
    double stepMean(NoiseSchedule s, int t, double xPrev);

    /** Variance of \( q(x_t \mid x_{t-1}) \). */
    double stepVariance(NoiseSchedule s, int t);

    /** Mean of \( q(x_t \mid x_0) \). */
    double marginalMean(NoiseSchedule s, int t, double x0);

    /** Variance of \( q(x_t \mid x_0) \). */
    double marginalVariance(NoiseSchedule s, int t);

    /** Mean of \( q(x_{t-1} \mid x_t, x_0) \), t ≥ 1. */
    double posteriorMean(NoiseSchedule s, int t, double x0, double xt);

    /** Variance of \( q(x_{t-1} \mid x_t, x_0) \), t ≥ 1. */
    double posteriorVariance(NoiseSchedule s, int t);

    /** \( L_T = \mathrm{KL}(q(x_T \mid x_0) \| \mathcal N(0, 1)) \), nats. */
    double priorKl(NoiseSchedule s, double x0);

    /** The exact VLB terms of a linear-Gaussian reverse model (continuous decoder), nats. */
    VlbTerms vlb(NoiseSchedule s, double x0, LinearGaussianReverse p);

    /** \( \log p_\theta(x_0) \) of a linear-Gaussian reverse model. */
    double logLikelihood(NoiseSchedule s, double x0, LinearGaussianReverse p);

    /** Probity's implementation. */
    static GaussianDiffusionCalculus library() {
        return new LibraryGaussianDiffusionCalculus();
    }
}
