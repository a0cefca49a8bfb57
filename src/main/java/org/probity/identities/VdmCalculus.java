package org.probity.identities;

import org.probity.diffusion.AffineDenoiser;
import org.probity.diffusion.LogSnrSchedule;
import org.probity.diffusion.SnrAffineDenoiser;
import org.probity.divergence.Estimate;

/**
 * The variational-diffusion-model calculus that {@link VdmIdentities} checks (the subject of the
 * identities as contracts, STYLE.md 7): the discrete-time and continuous-time diffusion losses of
 * Kingma et al. 2021 (eq. 13 and 17) for an affine denoiser, in nats. {@link #library()} is
 * Probity's {@code VdmLoss}; a test supplies a broken variant and runs the same identities on it.
 */
public interface VdmCalculus {
    /** \( L_T(x) \), VDM eq. 13, on the grid \( s(i) = (i-1)/T \), \( t(i) = i/T \). */
    double discreteLoss(LogSnrSchedule s, AffineDenoiser f, double[] x, int steps);

    /** \( L_\infty(x) \), VDM eq. 17 (exact, through eq. 20's change of variables). */
    double continuousLoss(LogSnrSchedule s, SnrAffineDenoiser f, double[] x);

    /** \( L_\infty(x) = -\tfrac12 \int_0^1 \mathrm{SNR}'(t) g(t) dt \) by quadrature in t, with its declared error. */
    Estimate continuousLossByQuadrature(LogSnrSchedule s, AffineDenoiser f, double[] x);

    /** Probity's implementation. */
    static VdmCalculus library() {
        return new LibraryVdmCalculus();
    }
}
