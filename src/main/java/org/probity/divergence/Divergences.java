package org.probity.divergence;

import org.probity.dist.DiagonalGaussian;

/**
 * The divergence calculus as an interface: the subject of {@code DivergenceIdentities} (identities as
 * contracts, STYLE.md 7). {@link #library()} is Probity's implementation ({@link Kl}, {@link Entropy},
 * {@link CrossEntropy}, {@link org.probity.dist.DiscretizedGaussian}); a test or an adapter supplies
 * another implementation (or a deliberately broken subclass of {@link LibraryDivergences}) and runs
 * the same identities against it. All quantities in nats.
 */
public interface Divergences {
    /** \( \mathrm{KL}(p\|q) \) of probability vectors. */
    double klCategorical(double[] p, double[] q);

    /** \( H(p) \) of a probability vector. */
    double entropyCategorical(double[] p);

    /** \( H(p, q) = -\sum_i p_i \ln q_i \). */
    double crossEntropyCategorical(double[] p, double[] q);

    /** \( \mathrm{KL}(\mathcal N(m_1, v_1) \| \mathcal N(m_2, v_2)) \). */
    double klGaussian(double m1, double v1, double m2, double v2);

    /** \( H(\mathcal N(m, v)) \) (it does not depend on m). */
    double entropyGaussian(double v);

    /** \( H(\mathcal N(m_1, v_1), \mathcal N(m_2, v_2)) \). */
    double crossEntropyGaussian(double m1, double v1, double m2, double v2);

    /** KL of diagonal Gaussians. */
    double klDiagonalGaussian(DiagonalGaussian p, DiagonalGaussian q);

    /** Entropy of a diagonal Gaussian. */
    double entropyDiagonalGaussian(DiagonalGaussian p);

    /** Cross-entropy of diagonal Gaussians. */
    double crossEntropyDiagonalGaussian(DiagonalGaussian p, DiagonalGaussian q);

    /** Binary cross-entropy of target y against \( \sigma(\ell) \). */
    double binaryCrossEntropyWithLogit(double y, double logit);

    /** Multi-class cross-entropy of a target distribution against \( \operatorname{softmax}(\ell) \). */
    double crossEntropyWithLogits(double[] target, double[] logits);

    /** The 256 log probabilities of the discretized Gaussian decoder with mean and log-scale. */
    double[] decoderLogProbabilities(double mean, double logScale);

    /** Probity's implementation. */
    static Divergences library() {
        return new LibraryDivergences();
    }
}
