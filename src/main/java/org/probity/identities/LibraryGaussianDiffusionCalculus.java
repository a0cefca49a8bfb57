package org.probity.identities;

import org.probity.diffusion.GaussianDiffusion;
import org.probity.diffusion.LinearGaussianReverse;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.VlbTerms;

/**
 * {@link GaussianDiffusionCalculus} by Probity's {@link GaussianDiffusion}. Not final: a test may
 * override one method to build a broken variant and check that the identities catch it.
 */
public class LibraryGaussianDiffusionCalculus implements GaussianDiffusionCalculus {
    @Override
    public double stepMean(NoiseSchedule s, int t, double xPrev) {
        return GaussianDiffusion.of(s).stepMean(t, xPrev);
    }

    @Override
    public double stepVariance(NoiseSchedule s, int t) {
        return GaussianDiffusion.of(s).stepVariance(t);
    }

    @Override
    public double marginalMean(NoiseSchedule s, int t, double x0) {
        return GaussianDiffusion.of(s).marginalMean(t, x0);
    }

    @Override
    public double marginalVariance(NoiseSchedule s, int t) {
        return GaussianDiffusion.of(s).marginalVariance(t);
    }

    @Override
    public double posteriorMean(NoiseSchedule s, int t, double x0, double xt) {
        return GaussianDiffusion.of(s).posteriorMean(t, x0, xt);
    }

    @Override
    public double posteriorVariance(NoiseSchedule s, int t) {
        return GaussianDiffusion.of(s).posteriorVariance(t);
    }

    @Override
    public double priorKl(NoiseSchedule s, double x0) {
        return GaussianDiffusion.of(s).priorKl(x0);
    }

    @Override
    public VlbTerms vlb(NoiseSchedule s, double x0, LinearGaussianReverse p) {
        return GaussianDiffusion.of(s).exactVlb(x0, p);
    }

    @Override
    public double logLikelihood(NoiseSchedule s, double x0, LinearGaussianReverse p) {
        return GaussianDiffusion.of(s).logLikelihood(x0, p);
    }

    @Override
    public String toString() {
        return "GaussianDiffusion";
    }
}
