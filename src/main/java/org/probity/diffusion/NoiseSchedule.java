package org.probity.diffusion;

import org.probity.math.DoubleDouble;
import java.util.Arrays;
import java.util.Locale;
import org.probity.diffusion.internal.ScheduleTables;

/**
 * A variance schedule \( \beta_1, \dots, \beta_T \) of a Gaussian diffusion
 * \( q(x_t \mid x_{t-1}) = \mathcal N(\sqrt{1-\beta_t}\, x_{t-1}, \beta_t) \) and every quantity
 * derived from it. Timesteps are 1-based; \( t = 0 \) denotes the data, with \( \bar\alpha_0 = 1 \).
 *
 * <p>Definitions (Ho et al. 2020, §2 and eq. 7): \( \alpha_t = 1 - \beta_t \),
 * \( \bar\alpha_t = \prod_{s \le t} \alpha_s \), \( \mathrm{SNR}_t = \bar\alpha_t / (1 - \bar\alpha_t) \),
 * \( \tilde\beta_t = \beta_t (1 - \bar\alpha_{t-1}) / (1 - \bar\alpha_t) \), posterior mean
 * \( \tilde\mu_t = c^{(0)}_t x_0 + c^{(t)}_t x_t \) with
 * \( c^{(0)}_t = \sqrt{\bar\alpha_{t-1}}\, \beta_t / (1 - \bar\alpha_t) \) and
 * \( c^{(t)}_t = \sqrt{\alpha_t}\, (1 - \bar\alpha_{t-1}) / (1 - \bar\alpha_t) \).
 *
 * <p>Accuracy: every quantity is computed in double-double arithmetic from the β array (see
 * {@link ScheduleTables}: \( 1 - \bar\alpha_t \) by a recurrence of non-negative terms, never as a
 * difference) and rounded once. Against 50-digit {@code Dfp} references computed from the same β
 * array ({@code NoiseScheduleAccuracyTest}), \( \bar\alpha_t \), \( 1 - \bar\alpha_t \),
 * \( \tilde\beta_t \) and both mean coefficients are within 1 ulp, and the logs within 2 ulps, on the
 * linear and cosine schedules at T = 50, 1000, 4000 and 100000.
 *
 * <p>\( \beta_t = 1 \) is allowed (zero terminal SNR): from then on \( \bar\alpha = 0 \),
 * \( \log\bar\alpha = \log\mathrm{SNR} = -\infty \), \( 1 - \bar\alpha = 1 \). Instances are immutable.
 */
public final class NoiseSchedule {
    private static final String MSG_EMPTY = "betas: expected at least one step, got %d";
    private static final String MSG_BETA = "betas[%d]: expected a finite number in (0, 1], got %s";
    private static final String MSG_STEP = "t: expected a timestep in %d..%d, got %d";
    private static final String MSG_KEPT = "kept[%d]: expected a timestep in %d..%d (strictly increasing), got %d";
    private static final String MSG_KEPT_EMPTY = "kept: expected at least one timestep, got %d";

    private final double[] betas;
    private final double[] betaTails; // null, or the double-double tails of a respaced schedule's β
    private final double[] alphaHi;   // null, or a respaced schedule's α as double-double (hi, lo)
    private final double[] alphaLo;
    private final ScheduleTables tab;

    private NoiseSchedule(double[] betas, double[] betaTails, double[] alphaHi, double[] alphaLo) {
        this.betas = betas;
        this.betaTails = betaTails;
        this.alphaHi = alphaHi;
        this.alphaLo = alphaLo;
        this.tab = new ScheduleTables(betas, betaTails, alphaHi, alphaLo);
    }

    /**
     * A schedule with the given β values.
     *
     * @param betas \( \beta_1, \dots, \beta_T \): non-empty, each finite and in \( (0, 1] \)
     * @return the schedule (the array is copied)
     * @throws IllegalArgumentException naming the first offending entry
     */
    public static NoiseSchedule of(double... betas) {
        if (betas == null || betas.length == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_EMPTY, 0));
        }
        double[] b = betas.clone();
        for (int i = 0; i < b.length; i++) {
            if (!(b[i] > 0 && b[i] <= 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_BETA, i, b[i]));
            }
        }
        return new NoiseSchedule(b, null, null, null);
    }

    /** The number of steps T. */
    public int steps() {
        return betas.length;
    }

    /** A copy of \( \beta_1..\beta_T \). */
    public double[] betas() {
        return betas.clone();
    }

    /** \( \beta_t \), \( t \in 1..T \). */
    public double beta(int t) {
        return betas[step(t, 1) - 1];
    }

    /** \( \alpha_t = 1 - \beta_t \) correctly rounded, \( t \in 1..T \). */
    public double alpha(int t) {
        return tab.alpha[step(t, 1)];
    }

    /** \( \log \alpha_t = \mathrm{log1p}(-\beta_t) \), \( t \in 1..T \); within 1 ulp. */
    public double logAlpha(int t) {
        return tab.logAlpha[step(t, 1)];
    }

    /** \( \bar\alpha_t = \prod_{s \le t}(1-\beta_s) \), \( t \in 0..T \); within 1 ulp (0 after a β = 1). */
    public double alphaBar(int t) {
        return tab.alphaBar[step(t, 0)];
    }

    /** \( \sqrt{\bar\alpha_t} \), \( t \in 0..T \); within 1 ulp. */
    public double sqrtAlphaBar(int t) {
        return tab.sqrtAlphaBar[step(t, 0)];
    }

    /** \( \log \bar\alpha_t \), \( t \in 0..T \); within 2 ulps; \( -\infty \) when \( \bar\alpha_t = 0 \). */
    public double logAlphaBar(int t) {
        return tab.logAlphaBar[step(t, 0)];
    }

    /**
     * \( 1 - \bar\alpha_t = \sum_{s \le t} \beta_s \bar\alpha_{s-1} \), \( t \in 0..T \); within 1 ulp,
     * also when it is tiny (never formed as a difference).
     */
    public double oneMinusAlphaBar(int t) {
        return tab.oneMinusAlphaBar[step(t, 0)];
    }

    /** \( \sqrt{1 - \bar\alpha_t} \), \( t \in 0..T \); within 1 ulp. */
    public double sqrtOneMinusAlphaBar(int t) {
        return tab.sqrtOneMinusAlphaBar[step(t, 0)];
    }

    /**
     * \( \log(1 - \bar\alpha_t) \), \( t \in 0..T \): {@code log1p} of the smaller of
     * \( -\bar\alpha_t \) and \( -(1-\bar\alpha_t) \) in double-double (the log1mExp idea without
     * going through \( \log\bar\alpha_t \)); within 2 ulps; \( -\infty \) at t = 0.
     */
    public double logOneMinusAlphaBar(int t) {
        return tab.logOneMinusAlphaBar[step(t, 0)];
    }

    /** \( \mathrm{SNR}_t = \bar\alpha_t / (1 - \bar\alpha_t) \), \( t \in 0..T \); \( +\infty \) at t = 0, 0 when \( \bar\alpha_t = 0 \). */
    public double snr(int t) {
        return tab.snr[step(t, 0)];
    }

    /** \( \log \mathrm{SNR}_t \), \( t \in 0..T \); within 2 ulps; \( -\infty \) when \( \bar\alpha_t = 0 \). */
    public double logSnr(int t) {
        return tab.logSnr[step(t, 0)];
    }

    /**
     * Posterior variance \( \tilde\beta_t = \beta_t (1 - \bar\alpha_{t-1}) / (1 - \bar\alpha_t) \),
     * \( t \in 1..T \) (Ho et al. 2020, eq. 7); exactly 0 at t = 1; within 1 ulp.
     */
    public double posteriorVariance(int t) {
        return tab.posteriorVariance[step(t, 1)];
    }

    /** \( \log \tilde\beta_t \), \( t \in 1..T \); \( -\infty \) at t = 1; within 2 ulps. */
    public double logPosteriorVariance(int t) {
        return tab.logPosteriorVariance[step(t, 1)];
    }

    /**
     * Posterior mean coefficient on \( x_0 \): \( \sqrt{\bar\alpha_{t-1}}\,\beta_t / (1 - \bar\alpha_t) \),
     * \( t \in 1..T \); exactly 1 at t = 1; within 1 ulp.
     */
    public double posteriorMeanCoefX0(int t) {
        return tab.coefX0[step(t, 1)];
    }

    /**
     * Posterior mean coefficient on \( x_t \): \( \sqrt{\alpha_t}\,(1 - \bar\alpha_{t-1}) / (1 - \bar\alpha_t) \),
     * \( t \in 1..T \); exactly 0 at t = 1; within 1 ulp.
     */
    public double posteriorMeanCoefXt(int t) {
        return tab.coefXt[step(t, 1)];
    }

    /** \( \bar\alpha_t \) in double-double (the trailing part loses bits once \( \bar\alpha_t \) is subnormal). */
    DoubleDouble alphaBarDd(int t) {
        int i = step(t, 0);
        return DoubleDouble.of(tab.alphaBar[i], tab.alphaBarLo[i]);
    }

    /** \( \sqrt{\bar\alpha_t} \) in double-double. */
    DoubleDouble sqrtAlphaBarDd(int t) {
        int i = step(t, 0);
        return DoubleDouble.of(tab.sqrtAlphaBar[i], tab.sqrtAlphaBarLo[i]);
    }

    /** \( 1 - \bar\alpha_t \) in double-double. */
    DoubleDouble oneMinusAlphaBarDd(int t) {
        int i = step(t, 0);
        return DoubleDouble.of(tab.oneMinusAlphaBar[i], tab.oneMinusAlphaBarLo[i]);
    }

    /** \( \sqrt{1 - \bar\alpha_t} \) in double-double. */
    DoubleDouble sqrtOneMinusAlphaBarDd(int t) {
        int i = step(t, 0);
        return DoubleDouble.of(tab.sqrtOneMinusAlphaBar[i], tab.sqrtOneMinusAlphaBarLo[i]);
    }

    /**
     * \( r = \bar\alpha_t / \bar\alpha_{t'} = \prod_{t' < s \le t} \alpha_s \) and \( 1 - r \) (a sum of
     * non-negative terms), both in double-double, for \( 0 \le t' \le t \le T \).
     *
     * @return {@code {r, 1 - r}}
     */
    DoubleDouble[] segment(int tPrev, int t) {
        step(t, 0);
        step(tPrev, 0);
        return ScheduleTables.segment(betas, betaTails, alphaHi, alphaLo, tPrev + 1, t);
    }

    /** Whether \( \bar\alpha_T = 0 \) (zero terminal SNR). */
    public boolean hasZeroTerminalSnr() {
        return tab.alphaBar[betas.length] == 0;
    }

    /**
     * The schedule restricted to the steps {@code kept} (Nichol &amp; Dhariwal 2021, respacing): step
     * i of the result has \( \beta'_i = 1 - \bar\alpha_{k_i} / \bar\alpha_{k_{i-1}} \) with
     * \( k_0 = 0 \), so \( \bar\alpha'_i = \bar\alpha_{k_i} \) on every kept step. Computed as a sum of
     * non-negative terms in double-double. The result keeps each \( \beta'_i \) and
     * \( \alpha'_i = \prod_{s} \alpha_s \) (the segment product, never \( 1 - \beta'_i \)) to
     * double-double precision internally ({@link #betas()} returns the rounded β), so
     * \( \bar\alpha'_i \) matches \( \bar\alpha_{k_i} \) to an ulp or two even when \( \beta'_i \)
     * rounds to 1 ({@code NoiseScheduleProperties}).
     *
     * @param kept strictly increasing timesteps in 1..T, non-empty
     * @return the respaced schedule
     * @throws IllegalArgumentException naming the first bad entry
     */
    public NoiseSchedule respace(int... kept) {
        if (kept == null || kept.length == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_KEPT_EMPTY, 0));
        }
        int prev = 0;
        for (int i = 0; i < kept.length; i++) {
            if (!(kept[i] > prev && kept[i] <= betas.length)) {
                throw new IllegalArgumentException(
                    String.format(Locale.ROOT, MSG_KEPT, i, prev + 1, betas.length, kept[i]));
            }
            prev = kept[i];
        }
        int k = kept.length;
        double[] nb = new double[k];
        double[] tails = new double[k];
        double[] ah = new double[k];
        double[] al = new double[k];
        ScheduleTables.respacedBetas(betas, betaTails, alphaHi, alphaLo, kept, nb, tails, ah, al);
        return new NoiseSchedule(nb, tails, ah, al);
    }

    /**
     * A schedule from validated β together with \( \alpha_t \) computed independently to full relative
     * accuracy (for β close to 1, where \( 1 - \beta \) in double would lose digits).
     */
    static NoiseSchedule ofBetasAndAlphas(double[] betas, double[] alphas) {
        NoiseSchedule checked = of(betas);
        int n = betas.length;
        double[] b = new double[n];
        double[] bt = new double[n];
        double[] ah = new double[n];
        double[] al = new double[n];
        for (int i = 0; i < n; i++) {
            // keep the smaller of the pair as given and the larger as its exact complement, so that
            // alpha + beta = 1 exactly (in double-double) at every step
            DoubleDouble c = DoubleDouble.difference(1, alphas[i] < 0.5 ? alphas[i] : checked.betas[i]);
            if (alphas[i] < 0.5) {
                b[i] = c.hi();
                bt[i] = c.lo();
                ah[i] = alphas[i];
            } else {
                b[i] = checked.betas[i];
                ah[i] = c.hi();
                al[i] = c.lo();
            }
        }
        return new NoiseSchedule(b, bt, ah, al);
    }

    /** This schedule with \( \beta_T = 1 \) (tails of the other steps kept). */
    NoiseSchedule withLastBetaOne() {
        double[] b = betas.clone();
        b[b.length - 1] = 1;
        double[] tails = betaTails == null ? null : betaTails.clone();
        double[] ah = alphaHi == null ? null : alphaHi.clone();
        double[] al = alphaLo == null ? null : alphaLo.clone();
        if (tails != null) {
            tails[tails.length - 1] = 0;
        }
        if (ah != null) {
            ah[ah.length - 1] = 0;
            al[al.length - 1] = 0;
        }
        return new NoiseSchedule(b, tails, ah, al);
    }

    private int step(int t, int min) {
        if (!(t >= min && t <= betas.length)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_STEP, min, betas.length, t));
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoiseSchedule && Arrays.equals(betas, ((NoiseSchedule) o).betas)
            && Arrays.equals(betaTails, ((NoiseSchedule) o).betaTails) && Arrays.equals(alphaHi, ((NoiseSchedule) o).alphaHi)
            && Arrays.equals(alphaLo, ((NoiseSchedule) o).alphaLo);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(betas) + Arrays.hashCode(betaTails);
    }

    @Override
    public String toString() {
        int n = betas.length;
        return n <= 6 ? "NoiseSchedule" + Arrays.toString(betas)
            : String.format(Locale.ROOT, "NoiseSchedule[T=%d, beta_1=%s, beta_T=%s, alphaBar_T=%s]",
                n, betas[0], betas[n - 1], tab.alphaBar[n]);
    }
}
