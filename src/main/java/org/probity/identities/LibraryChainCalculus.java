package org.probity.identities;

import org.probity.chain.FiniteChain;
import org.probity.chain.ReverseChain;
import org.probity.chain.VariationalBound;

/**
 * {@link ChainCalculus} by Probity's chain package. Not final: tests override one method to build
 * a broken variant and check that the identities catch it.
 */
public class LibraryChainCalculus implements ChainCalculus {
    @Override
    public double[] marginal(FiniteChain q, int t) {
        return q.marginal(t);
    }

    @Override
    public double[][] pairwiseMarginal(FiniteChain q, int s, int t) {
        return q.pairwiseMarginal(s, t);
    }

    @Override
    public double[][] cumulative(FiniteChain q, int t) {
        return q.transitionProduct(0, t);
    }

    @Override
    public double[] posterior(FiniteChain q, int t, int x0, int xt) {
        return q.posterior(t, x0, xt);
    }

    @Override
    public double probability(FiniteChain q, int[] path) {
        return q.probability(path);
    }

    @Override
    public double probability(ReverseChain p, int[] path) {
        return p.probability(path);
    }

    @Override
    public double vlb(FiniteChain q, ReverseChain p, int x0) {
        return VariationalBound.of(q, p).vlb(x0);
    }

    @Override
    public double[] vlbTerms(FiniteChain q, ReverseChain p, int x0) {
        return VariationalBound.of(q, p).terms(x0);
    }

    @Override
    public double logLikelihood(ReverseChain p, int x0) {
        return p.logLikelihoods()[x0];
    }

    @Override
    public double totalVlb(FiniteChain q, ReverseChain p) {
        return VariationalBound.of(q, p).totalVlb();
    }

    @Override
    public double crossEntropy(FiniteChain q, ReverseChain p) {
        return VariationalBound.of(q, p).crossEntropy();
    }

    @Override
    public double klDivergence(FiniteChain a, FiniteChain b) {
        return a.klDivergence(b);
    }
}
