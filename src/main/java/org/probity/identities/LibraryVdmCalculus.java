package org.probity.identities;

import org.probity.diffusion.AffineDenoiser;
import org.probity.diffusion.LogSnrSchedule;
import org.probity.diffusion.SnrAffineDenoiser;
import org.probity.diffusion.VdmLoss;
import org.probity.divergence.Estimate;

/**
 * {@link VdmCalculus} by Probity's {@link VdmLoss}. Not final: a test may override one method to
 * build a broken variant and check that the identities catch it.
 */
public class LibraryVdmCalculus implements VdmCalculus {
    @Override
    public double discreteLoss(LogSnrSchedule s, AffineDenoiser f, double[] x, int steps) {
        return VdmLoss.discrete(s, f, x, steps);
    }

    @Override
    public double continuousLoss(LogSnrSchedule s, SnrAffineDenoiser f, double[] x) {
        return VdmLoss.continuous(s, f, x);
    }

    @Override
    public Estimate continuousLossByQuadrature(LogSnrSchedule s, AffineDenoiser f, double[] x) {
        return VdmLoss.continuousByQuadrature(s, f, x);
    }

    @Override
    public String toString() {
        return "VdmLoss";
    }
}
