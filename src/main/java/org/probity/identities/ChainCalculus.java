package org.probity.identities;

import org.probity.chain.FiniteChain;
import org.probity.chain.ReverseChain;

/**
 * The finite-chain calculus that {@link ChainIdentities} checks: the subject of the identities as
 * contracts (STYLE.md 7). {@link #library()} is Probity's own implementation ({@code FiniteChain},
 * {@code ReverseChain}, {@code VariationalBound}); a test supplies a deliberately broken variant (a
 * subclass of {@link LibraryChainCalculus} overriding one method) and asserts the identities fail.
 * All quantities in nats; indices as in {@code FiniteChain}.
 */
public interface ChainCalculus {
    /** \( q(x_t) \). */
    double[] marginal(FiniteChain q, int t);

    /** \( q(x_s, x_t) \), {@code [i][j]} indexing \( (x_s, x_t) \). */
    double[][] pairwiseMarginal(FiniteChain q, int s, int t);

    /** \( \bar{Q}_t \): {@code [x_0][x_t]} \( = q(x_t \mid x_0) \). */
    double[][] cumulative(FiniteChain q, int t);

    /** \( q(x_{t-1} \mid x_t, x_0) \) as a distribution of \( x_{t-1} \). */
    double[] posterior(FiniteChain q, int t, int x0, int xt);

    /** \( q(x_{0:T}) \). */
    double probability(FiniteChain q, int[] path);

    /** \( p(x_{0:T}) \). */
    double probability(ReverseChain p, int[] path);

    /** \( \mathrm{VLB}(x_0) = \mathbb{E}_{q(x_{1:T} \mid x_0)}[\log q(x_{1:T} \mid x_0) - \log p(x_{0:T})] \) (direct). */
    double vlb(FiniteChain q, ReverseChain p, int x0);

    /** The terms \( L_0, L_1, \dots, L_{T-1}, L_T \) of the decomposed VLB at \( x_0 \). */
    double[] vlbTerms(FiniteChain q, ReverseChain p, int x0);

    /** \( \log p(x_0) \). */
    double logLikelihood(ReverseChain p, int x0);

    /** \( L_{\mathrm{VLB}} = \mathbb{E}_{q(x_0)} \mathrm{VLB}(x_0) \). */
    double totalVlb(FiniteChain q, ReverseChain p);

    /** \( L_{\mathrm{CE}} = -\mathbb{E}_{q(x_0)} \log p(x_0) \). */
    double crossEntropy(FiniteChain q, ReverseChain p);

    /** \( \mathrm{KL}(a \| b) \) between path laws. */
    double klDivergence(FiniteChain a, FiniteChain b);

    /** Probity's implementation. */
    static ChainCalculus library() {
        return new LibraryChainCalculus();
    }
}
