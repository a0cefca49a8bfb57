package org.probity.diffusion;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import org.probity.chain.ReverseChain;
import org.probity.chain.Stochastic;
import org.probity.chain.TransitionSource;
import org.probity.math.NeumaierSum;

/**
 * A reverse (generative) model for D3PM: a prior \( p(x_T) \) and reverse matrices
 * \( P_t[i][j] = p_\theta(x_{t-1} = j \mid x_t = i) \), either given as matrices or derived from an
 * \( x_0 \)-prediction \( \tilde{p}_\theta(\tilde{x}_0 \mid x_t) \) ({@link X0Predictor}) in one of two
 * forms ({@link Form}). At \( t = 1 \) both forms use the prediction itself,
 * \( p_\theta(x_0 \mid x_1) = \tilde{p}_\theta(x_0 \mid x_1) \) (as the reference code does). Rows for
 * states \( x_t \) that the forward process cannot reach from any predicted \( \tilde{x}_0 \) are set to
 * the uniform distribution (they carry q-probability 0 in the bound).
 *
 * <p>As a {@link TransitionSource}, {@code fill(t, out)} writes \( P_t \), computed on demand.
 */
public final class D3pmReverseModel implements TransitionSource {
    /** How the reverse step is built from an \( x_0 \)-prediction. */
    public enum Form {
        /**
         * Austin et al. 2021, eq. 4 and reference code:
         * \( p_\theta(x_{t-1} \mid x_t) \propto \sum_{\tilde{x}_0} q(x_{t-1}, x_t \mid \tilde{x}_0)\, \tilde{p}_\theta(\tilde{x}_0 \mid x_t)
         * = Q_t[x_{t-1}][x_t] \, [\tilde{p}_\theta(\cdot \mid x_t) \bar{Q}_{t-1}]_{x_{t-1}} \), normalised over \( x_{t-1} \).
         */
        JOINT,
        /**
         * The mixture of posteriors
         * \( p_\theta(x_{t-1} \mid x_t) = \sum_{\tilde{x}_0} q(x_{t-1} \mid x_t, \tilde{x}_0)\, \tilde{p}_\theta(\tilde{x}_0 \mid x_t) \)
         * over the \( \tilde{x}_0 \) from which \( x_t \) is reachable (weights renormalised over those).
         */
        MIXTURE
    }

    /** From this many states on, the rows of a reverse matrix are computed in parallel (K^2 or K^3 work each). */
    private static final int PARALLEL_STATES = 64;
    private static final String MSG_SHAPE = "reverse: expected %d states and %d steps, got %d states and %d steps";

    private final double[] prior;
    private final int k;
    private final int steps;
    private final ReverseChain chain;
    private final DiscreteDiffusion q;
    private final X0Predictor predictor;
    private final Form form;

    private D3pmReverseModel(double[] prior, int k, int steps, ReverseChain chain, DiscreteDiffusion q,
                             X0Predictor predictor, Form form) {
        this.prior = prior;
        this.k = k;
        this.steps = steps;
        this.chain = chain;
        this.q = q;
        this.predictor = predictor;
        this.form = form;
    }

    /** A reverse model given by its matrices. */
    public static D3pmReverseModel of(ReverseChain reverse) {
        Objects.requireNonNull(reverse, "reverse");
        return new D3pmReverseModel(reverse.prior(), reverse.states(), reverse.steps(), reverse, null, null, null);
    }

    /** The reverse model of {@code forward} given by its matrices, checked against the forward shape. */
    public static D3pmReverseModel of(DiscreteDiffusion forward, ReverseChain reverse) {
        if (reverse.states() != forward.states() || reverse.steps() != forward.steps()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SHAPE, forward.states(), forward.steps(),
                reverse.states(), reverse.steps()));
        }
        return of(reverse);
    }

    /**
     * An \( x_0 \)-parameterised reverse model.
     *
     * @param forward the forward diffusion it inverts
     * @param prior \( p(x_T) \) (usually the stationary distribution: uniform, or the mask)
     * @param predictor \( \tilde{p}_\theta(\tilde{x}_0 \mid x_t) \); each prediction is validated
     * @param form {@link Form#JOINT} (the paper's) or {@link Form#MIXTURE}
     */
    public static D3pmReverseModel x0Parameterised(DiscreteDiffusion forward, double[] prior, X0Predictor predictor,
                                                   Form form) {
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(form, "form");
        double[] pr = Stochastic.probabilityVector("prior", prior, forward.states());
        return new D3pmReverseModel(pr, forward.states(), forward.steps(), null, forward, predictor, form);
    }

    /** \( p(x_T) \) (a copy). */
    public double[] prior() {
        return prior.clone();
    }

    @Override
    public int states() {
        return k;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public void fill(int t, double[][] out) {
        Stochastic.index("t", t, 1, steps);
        if (chain != null) {
            chain.fill(t, out);
            return;
        }
        double[] pred = new double[k];
        if (t == 1) {
            for (int xt = 0; xt < k; xt++) {
                System.arraycopy(predict(1, xt, pred), 0, out[xt], 0, k);
            }
            return;
        }
        double[][] qt = q.transition(t);
        double[][] prevRows = form == Form.MIXTURE ? q.cumulative(t - 1) : null;
        double[][] preds = new double[k][];
        for (int xt = 0; xt < k; xt++) {
            preds[xt] = predict(t, xt, new double[k]); // the predictor is called in order, on this thread
        }
        IntStream rows = IntStream.range(0, k);
        (k >= PARALLEL_STATES ? rows.parallel() : rows).forEach(xt -> {
            double[] row = out[xt];
            if (form == Form.JOINT) {
                double[] v = q.timesCumulative(t - 1, preds[xt]);
                for (int i = 0; i < k; i++) {
                    row[i] = qt[i][xt] * v[i];
                }
                normalise(row);
            } else {
                mixture(qt, prevRows, xt, preds[xt], row);
            }
        });
    }

    @Override
    public void fillLog(int t, double[][] out) {
        if (chain != null) {
            chain.fillLog(t, out);
            return;
        }
        TransitionSource.super.fillLog(t, out);
    }

    private void mixture(double[][] qt, double[][] prevRows, int xt, double[] pred, double[] row) {
        java.util.Arrays.fill(row, 0.0);
        NeumaierSum weight = NeumaierSum.create();
        double[] post = new double[k];
        for (int x0 = 0; x0 < k; x0++) {
            if (pred[x0] == 0) {
                continue;
            }
            NeumaierSum z = NeumaierSum.create();
            for (int i = 0; i < k; i++) {
                post[i] = qt[i][xt] * prevRows[x0][i];
                z.add(post[i]);
            }
            double norm = z.sum();
            if (!(norm > 0)) {
                continue;
            }
            weight.add(pred[x0]);
            for (int i = 0; i < k; i++) {
                row[i] += pred[x0] * (post[i] / norm);
            }
        }
        double w = weight.sum();
        if (w > 0) {
            for (int i = 0; i < k; i++) {
                row[i] = Math.min(1.0, row[i] / w); // a probability: rounding above 1 is clamped
            }
        } else {
            java.util.Arrays.fill(row, 1.0 / k);
        }
    }

    /** Whether this is an x₀-parameterised model of the JOINT form over exactly {@code forward}. */
    boolean isJointOver(DiscreteDiffusion forward) {
        return predictor != null && form == Form.JOINT && q == forward;
    }

    /** The prediction for (t, xt) into {@code pred}, not validated (see {@link D3pmKernels#checkedSum}). */
    void predictUnchecked(int t, int xt, double[] pred) {
        predictor.predict(t, xt, pred);
    }

    /** The prediction for (t, xt) into {@code pred}, validated as a probability vector. */
    double[] predict(int t, int xt, double[] pred) {
        predictor.predict(t, xt, pred);
        if (!Stochastic.isProbabilityVector(pred, k)) {
            Stochastic.probabilityVector("predictor(t=" + t + ", xt=" + xt + ")", pred, k); // throws with the message
        }
        return pred;
    }

    private void normalise(double[] row) {
        double z = NeumaierSum.sum(row);
        if (z > 0) {
            for (int i = 0; i < k; i++) {
                row[i] = Math.min(1.0, row[i] / z);
            }
        } else {
            java.util.Arrays.fill(row, 1.0 / k);
        }
    }
}
