package org.probity.conformance.internal;

import java.util.EnumSet;
import java.util.function.DoubleUnaryOperator;
import org.probity.conformance.DdimSteps;
import org.probity.conformance.Description;
import org.probity.conformance.Implementation;
import org.probity.conformance.MeanVariance;
import org.probity.conformance.Op;
import org.probity.conformance.Precision;

/**
 * The schedule ops as conventional float32 diffusion code writes them (the Stable Diffusion-era
 * style): β and ᾱ stored in float32, ᾱ by a running product, 1 − ᾱ by subtraction, the posterior
 * from ᾱ_{t−1}, x̂_0 from √(1/ᾱ) and √(1/ᾱ − 1), the DDIM step as Diffusers' DDIMScheduler writes it
 * (σ = η √((1 − ᾱ')/(1 − ᾱ)) √(1 − ᾱ/ᾱ'), the direction's root clamped at 0). Correct code: its only
 * errors are float32's. A {@code bug} rewrites (variance, log-variance) of q(x_t | x_0) to plant a
 * fault; {@code sigmaFactor} scales the DDIM σ (1: correct).
 */
class ConventionalFloat32 implements Implementation {
    /** Rewrites q(x_t | x_0)'s variance and log-variance: {variance, logVariance} → new pair. */
    interface QBug {
        float[] apply(float variance, float logVariance);
    }

    private final QBug bug;
    private final float sigmaFactor;

    ConventionalFloat32(QBug bug, float sigmaFactor) {
        this.bug = bug;
        this.sigmaFactor = sigmaFactor;
    }

    ConventionalFloat32(QBug bug) {
        this(bug, 1f);
    }

    ConventionalFloat32() {
        this((v, lv) -> new float[] {v, lv});
    }

    /** The same code with its DDIM σ multiplied by {@code factor}. */
    static ConventionalFloat32 withSigmaFactor(float factor) {
        return new ConventionalFloat32((v, lv) -> new float[] {v, lv}, factor);
    }

    @Override
    public Description describe() {
        return Description.of("conventional-float32", EnumSet.of(Op.ALPHAS_CUMPROD, Op.Q_MEAN_VARIANCE,
            Op.Q_POSTERIOR_MEAN_VARIANCE, Op.PREDICT_X0_FROM_EPS, Op.DDIM_STEP), Precision.FLOAT32);
    }

    /** ᾱ_1..ᾱ_T in float32, by cumprod. */
    private static float[] alphaBar(double[] betas) {
        float[] ab = new float[betas.length];
        float a = 1f;
        for (int i = 0; i < betas.length; i++) {
            a = a * (1f - (float) betas[i]);
            ab[i] = a;
        }
        return ab;
    }

    private static float f(DoubleUnaryOperator op, float x) {
        return (float) op.applyAsDouble(x);
    }

    @Override
    public double[] alphasCumprod(double[] betas) {
        float[] ab = alphaBar(betas);
        double[] out = new double[ab.length];
        for (int i = 0; i < ab.length; i++) {
            out[i] = ab[i];
        }
        return out;
    }

    @Override
    public MeanVariance qMeanVariance(double[] betas, double[] x0, int[] t) {
        float[] ab = alphaBar(betas);
        int n = t.length;
        double[] m = new double[n];
        double[] v = new double[n];
        double[] lv = new double[n];
        for (int i = 0; i < n; i++) {
            float a = ab[t[i] - 1];
            float om = 1f - a;
            float[] bugged = bug.apply(om, f(Math::log, om));
            m[i] = f(Math::sqrt, a) * (float) x0[i];
            v[i] = bugged[0];
            lv[i] = bugged[1];
        }
        return MeanVariance.of(m, v, lv);
    }

    @Override
    public MeanVariance qPosteriorMeanVariance(double[] betas, double[] x0, double[] xt, int[] t) {
        float[] ab = alphaBar(betas);
        int n = t.length;
        double[] m = new double[n];
        double[] v = new double[n];
        double[] lv = new double[n];
        for (int i = 0; i < n; i++) {
            float b = (float) betas[t[i] - 1];
            float a = ab[t[i] - 1];
            float ap = ab[t[i] - 2];
            float var = b * (1f - ap) / (1f - a);
            float c1 = b * f(Math::sqrt, ap) / (1f - a);
            float c2 = (1f - ap) * f(Math::sqrt, 1f - b) / (1f - a);
            m[i] = c1 * (float) x0[i] + c2 * (float) xt[i];
            v[i] = var;
            lv[i] = f(Math::log, var);
        }
        return MeanVariance.of(m, v, lv);
    }

    @Override
    public double[] predictX0FromEps(double[] betas, double[] xt, int[] t, double[] eps) {
        float[] ab = alphaBar(betas);
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            float a = ab[t[i] - 1];
            out[i] = f(Math::sqrt, 1f / a) * (float) xt[i] - f(Math::sqrt, 1f / a - 1f) * (float) eps[i];
        }
        return out;
    }

    @Override
    public DdimSteps ddimStep(double[] betas, int[] t, int[] tPrev, double[] xt, double[] eps, double eta, double[] noise) {
        float[] ab = alphaBar(betas);
        int n = t.length;
        double[] m = new double[n];
        double[] sd = new double[n];
        double[] xp = new double[n];
        for (int i = 0; i < n; i++) {
            float at = ab[t[i] - 1];
            float ap = tPrev[i] > 0 ? ab[tPrev[i] - 1] : 1f;
            float x0 = ((float) xt[i] - f(Math::sqrt, 1f - at) * (float) eps[i]) / f(Math::sqrt, at);
            float sigma = (float) eta * f(Math::sqrt, (1f - ap) / (1f - at)) * f(Math::sqrt, 1f - at / ap) * sigmaFactor;
            float mean = f(Math::sqrt, ap) * x0 + f(Math::sqrt, Math.max(1f - ap - sigma * sigma, 0f)) * (float) eps[i];
            m[i] = mean;
            sd[i] = sigma;
            xp[i] = mean + sigma * (float) noise[i];
        }
        return DdimSteps.of(m, sd, xp);
    }

    @Override
    public double[] normalKl(double[] mean1, double[] logvar1, double[] mean2, double[] logvar2) {
        throw new UnsupportedOperationException();
    }

    @Override
    public double[] discretizedGaussianLogLikelihood(double[] x, double[] mean, double[] logScale) {
        throw new UnsupportedOperationException();
    }

    @Override
    public double[] priorKl(double[] betas, double[] x0) {
        throw new UnsupportedOperationException();
    }

    @Override
    public double[] vbTerm(double[] betas, double[] x0, double[] xt, int[] t, double[] modelMean, double[] modelLogVariance) {
        throw new UnsupportedOperationException();
    }

    @Override
    public double[] categoricalKl(double[][] p, double[][] q) {
        throw new UnsupportedOperationException();
    }

    @Override
    public double[] categoricalEntropy(double[][] p) {
        throw new UnsupportedOperationException();
    }

    @Override
    public double[] categoricalCrossEntropy(double[][] p, double[][] q) {
        throw new UnsupportedOperationException();
    }
}
