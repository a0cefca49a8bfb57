package org.probity.diffusion;

import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.chain.LinearGaussianChain;
import org.probity.dist.DiscretizedGaussian;
import org.probity.dist.Gaussian;
import org.probity.divergence.Kl;
import org.probity.divergence.MonteCarlo;
import org.probity.math.Constants;
import org.probity.math.NeumaierSum;

/**
 * The variational bound and the likelihood of a reverse model against a {@link GaussianDiffusion}
 * (Ho et al. 2020, eq. 5): exactly for {@link LinearGaussianReverse} models (every expectation is a
 * Gaussian second moment), by Monte Carlo with a declared half-width for any {@link ReverseModel}.
 * The forward process itself (marginals, posteriors, one term at a given \( x_t \)) stays in
 * {@link GaussianDiffusion}, whose public methods document the formulas and delegate here.
 */
final class ReverseModelBounds {
    private static final String MSG_STEPS = "model: expected a reverse model with %d steps, got %d";
    private static final String MSG_DIM = "%s: expected %d entries (one per dimension), got %d";
    private static final String MSG_SAMPLES = "samples: expected at least 2, got %d";
    private static final String MSG_ALPHA = "falseAlarmRate: expected a number in (0, 1), got %s";
    private static final String MSG_GRID = "x0[%d]: expected a value on the 256-level grid of [-1, 1], got %s";

    private final GaussianDiffusion q;
    private final NoiseSchedule s;

    ReverseModelBounds(GaussianDiffusion q) {
        this.q = q;
        this.s = q.schedule();
    }

    /** See {@link GaussianDiffusion#exactVlb(double[], LinearGaussianReverse)}. */
    VlbTerms exactVlb(double[] x0, LinearGaussianReverse p) {
        int n = requireSteps(p);
        double lt = priorTerm(x0, p);
        DataMoments x = DataMoments.of(x0);
        double[] steps = new double[n - 1];
        for (int t = 2; t <= n; t++) {
            double lv = p.logVariance(t);
            double iv = Math.exp(-lv);
            double b = s.posteriorMeanCoefXt(t) - p.gain(t);
            double u = s.posteriorMeanCoefX0(t) + b * s.sqrtAlphaBar(t);
            // KL of equal means is half of e^x - 1 - x, x the log-variance ratio (no cancellation)
            double constant = 2 * Kl.gaussianLogVariance(0, s.logPosteriorVariance(t), 0, lv) + b * b * s.oneMinusAlphaBar(t) * iv;
            steps[t - 2] = x.halfSum(constant, u, p.offset(t), iv);
        }
        double g = p.gain(1);
        double lv = p.logVariance(1);
        double iv = Math.exp(-lv);
        double constant = Constants.LOG_2PI + lv + g * g * s.oneMinusAlphaBar(1) * iv;
        return new VlbTerms(lt, steps, x.halfSum(constant, 1 - g * s.sqrtAlphaBar(1), p.offset(1), iv), x0.length);
    }

    /** See {@link GaussianDiffusion#exactVlb(double[], List)}. */
    VlbTerms exactVlb(double[] x0, List<LinearGaussianReverse> perDimension) {
        requireOnePerDimension(x0, perDimension);
        int n = s.steps();
        NeumaierSum prior = NeumaierSum.create();
        NeumaierSum dec = NeumaierSum.create();
        NeumaierSum[] steps = new NeumaierSum[n - 1];
        for (int t = 0; t < n - 1; t++) {
            steps[t] = NeumaierSum.create();
        }
        for (int d = 0; d < x0.length; d++) {
            VlbTerms v = exactVlb(new double[] {x0[d]}, perDimension.get(d));
            prior.add(v.priorTerm());
            dec.add(v.decoderTerm());
            double[] st = v.stepTerms();
            for (int t = 0; t < st.length; t++) {
                steps[t].add(st[t]);
            }
        }
        double[] out = new double[n - 1];
        for (int t = 0; t < out.length; t++) {
            out[t] = steps[t].sum();
        }
        return new VlbTerms(prior.sum(), out, dec.sum(), x0.length);
    }

    /** See {@link GaussianDiffusion#logLikelihood(double[], LinearGaussianReverse)}. */
    double logLikelihood(double[] x0, LinearGaussianReverse p) {
        requireSteps(p);
        LinearGaussianChain c = p.asChain();
        int n = c.steps();
        Gaussian marginal0 = Gaussian.of(c.mean(n), c.variance(n));
        NeumaierSum acc = NeumaierSum.create();
        for (double x : x0) {
            acc.add(marginal0.logDensity(x));
        }
        return acc.sum();
    }

    /** See {@link GaussianDiffusion#logLikelihood(double[], List)}. */
    double logLikelihood(double[] x0, List<LinearGaussianReverse> perDimension) {
        requireOnePerDimension(x0, perDimension);
        NeumaierSum acc = NeumaierSum.create();
        for (int d = 0; d < x0.length; d++) {
            acc.add(logLikelihood(new double[] {x0[d]}, perDimension.get(d)));
        }
        return acc.sum();
    }

    /** See {@link GaussianDiffusion#monteCarloVlb}. */
    MonteCarloVlb monteCarloVlb(double[] x0, ReverseModel p, boolean discretizedDecoder, int samples,
                                double falseAlarmRate, UniformRandomProvider rng) {
        if (samples < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SAMPLES, samples));
        }
        if (!(falseAlarmRate > 0 && falseAlarmRate < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_ALPHA, falseAlarmRate));
        }
        if (discretizedDecoder) {
            for (int i = 0; i < x0.length; i++) {
                if (!DiscretizedGaussian.isLevel(x0[i])) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_GRID, i, x0[i]));
                }
            }
        }
        int n = s.steps();
        int d = x0.length;
        double lt = priorTerm(x0, p);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double mean = 0;
        double m2 = 0;
        double[] xt = new double[d];
        for (int i = 1; i <= samples; i++) {
            NeumaierSum total = NeumaierSum.create().add(lt);
            for (int t = 1; t <= n; t++) {
                double sa = s.sqrtAlphaBar(t);
                double sd = s.sqrtOneMinusAlphaBar(t);
                for (int j = 0; j < d; j++) {
                    xt[j] = sa * x0[j] + sd * gauss.sample();
                }
                double[] mu = sized("model mean", p.mean(t, xt), d);
                double[] lv = sized("model logVariance", p.logVariance(t, xt), d);
                for (int j = 0; j < d; j++) {
                    if (t >= 2) {
                        total.add(Kl.gaussianLogVariance(q.posteriorMean(t, x0[j], xt[j]), s.logPosteriorVariance(t), mu[j], lv[j]));
                    } else if (discretizedDecoder) {
                        total.add(q.decoderNll(x0[j], mu[j], 0.5 * lv[j]));
                    } else {
                        total.add(-Gaussian.ofLogVariance(mu[j], lv[j]).logDensity(x0[j]));
                    }
                }
            }
            double v = total.sum();
            double delta = v - mean;
            mean += delta / i;
            m2 += delta * (v - mean);
        }
        double se = Math.sqrt(m2 / (samples - 1) / samples);
        return new MonteCarloVlb(mean, MonteCarlo.twoSidedQuantile(falseAlarmRate) * se, se, samples, falseAlarmRate);
    }

    /** \( L_T \) against the model's prior \( \mathcal N(\mu_p, \sigma_p^2) \), summed over dimensions. */
    private double priorTerm(double[] x0, ReverseModel p) {
        NeumaierSum prior = NeumaierSum.create();
        for (double x : x0) {
            prior.add(q.priorKl(x, p.priorMean(), p.priorVariance()));
        }
        return prior.sum();
    }

    private int requireSteps(LinearGaussianReverse p) {
        if (p.steps() != s.steps()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_STEPS, s.steps(), p.steps()));
        }
        return s.steps();
    }

    private static void requireOnePerDimension(double[] x0, List<LinearGaussianReverse> perDimension) {
        if (perDimension.size() != x0.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DIM, "perDimension", x0.length, perDimension.size()));
        }
    }

    private static double[] sized(String what, double[] xs, int d) {
        if (xs.length != d) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_DIM, what, d, xs.length));
        }
        return xs;
    }
}
