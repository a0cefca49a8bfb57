package org.probity.identities;

import org.probity.diffusion.D3pmReverseModel;
import org.probity.diffusion.DiscreteDiffusion;
import org.probity.diffusion.X0Predictor;
import org.probity.identities.gen.D3pmInstance;

/** {@link D3pmCalculus} by {@code DiscreteDiffusion}; not final, so tests can break one method. */
public class LibraryD3pmCalculus implements D3pmCalculus {
    @Override
    public double[][] transition(DiscreteDiffusion d, int t) {
        return d.transition(t);
    }

    @Override
    public double[][] cumulative(DiscreteDiffusion d, int t) {
        return d.cumulative(t);
    }

    @Override
    public double keepProbability(DiscreteDiffusion d, int t) {
        return d.keepProbability(t);
    }

    @Override
    public double[] posterior(DiscreteDiffusion d, int t, int x0, int xt) {
        return d.posterior(t, x0, xt);
    }

    @Override
    public double[][] reverseTransition(D3pmReverseModel p, int t) {
        return p.transition(t);
    }

    @Override
    public double[][] x0ReverseTransition(DiscreteDiffusion d, X0Predictor predictor, D3pmReverseModel.Form form, int t) {
        double[] prior = new double[d.states()];
        java.util.Arrays.fill(prior, 1.0 / d.states());
        return D3pmReverseModel.x0Parameterised(d, prior, predictor, form).transition(t);
    }

    @Override
    public double vlb(D3pmInstance inst, int x0) {
        return inst.diffusion().bound(inst.data(), inst.reverse()).vlb(x0);
    }

    @Override
    public double[] vlbTerms(D3pmInstance inst, int x0) {
        return inst.diffusion().bound(inst.data(), inst.reverse()).terms(x0);
    }

    @Override
    public double logLikelihood(D3pmInstance inst, int x0) {
        return inst.diffusion().bound(inst.data(), inst.reverse()).logLikelihood(x0);
    }

    @Override
    public double totalVlb(D3pmInstance inst) {
        return inst.diffusion().bound(inst.data(), inst.reverse()).totalVlb();
    }

    @Override
    public double crossEntropy(D3pmInstance inst) {
        return inst.diffusion().bound(inst.data(), inst.reverse()).crossEntropy();
    }
}
