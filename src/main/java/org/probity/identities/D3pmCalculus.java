package org.probity.identities;

import org.probity.diffusion.D3pmReverseModel;
import org.probity.diffusion.DiscreteDiffusion;
import org.probity.diffusion.X0Predictor;
import org.probity.identities.gen.D3pmInstance;

/**
 * The D3PM calculus that {@link D3pmIdentities} checks (the subject of the identities as
 * contracts, STYLE.md 7). {@link #library()} is Probity's {@code DiscreteDiffusion}; tests subclass
 * {@link LibraryD3pmCalculus} to build broken variants. Quantities in nats.
 */
public interface D3pmCalculus {
    /** \( Q_t \). */
    double[][] transition(DiscreteDiffusion d, int t);

    /** \( \bar{Q}_t \) in closed form (uniform, absorbing) or as the product (discretized Gaussian). */
    double[][] cumulative(DiscreteDiffusion d, int t);

    /** \( \bar\alpha_t \), the probability that a token is not yet corrupted (uniform and absorbing). */
    double keepProbability(DiscreteDiffusion d, int t);

    /** \( q(x_{t-1} \mid x_t, x_0) \). */
    double[] posterior(DiscreteDiffusion d, int t, int x0, int xt);

    /** \( P_t \) of the reverse model, {@code [x_t][x_{t-1}]}. */
    double[][] reverseTransition(D3pmReverseModel p, int t);

    /**
     * \( P_t \) of the \( x_0 \)-parameterised reverse model built from {@code predictor} in the given
     * form ({@code [x_t][x_{t-1}]}).
     */
    double[][] x0ReverseTransition(DiscreteDiffusion d, X0Predictor predictor, D3pmReverseModel.Form form, int t);

    /** \( \mathrm{VLB}(x_0) \) (direct DP). */
    double vlb(D3pmInstance inst, int x0);

    /** \( L_0, L_1, \dots, L_T \) at \( x_0 \). */
    double[] vlbTerms(D3pmInstance inst, int x0);

    /** \( \log p(x_0) \). */
    double logLikelihood(D3pmInstance inst, int x0);

    /** \( L_{\mathrm{VLB}} \). */
    double totalVlb(D3pmInstance inst);

    /** \( L_{\mathrm{CE}} \). */
    double crossEntropy(D3pmInstance inst);

    /** Probity's implementation. */
    static D3pmCalculus library() {
        return new LibraryD3pmCalculus();
    }
}
