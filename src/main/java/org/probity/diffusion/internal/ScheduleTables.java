package org.probity.diffusion.internal;

import org.probity.math.DoubleDouble;

/**
 * The derived quantities of a noise schedule, computed once in double-double arithmetic and rounded
 * once each. Index {@code t} runs from 0 to T; entry 0 holds the values at \( \bar\alpha_0 = 1 \).
 *
 * <p>Recurrences (all exact in real arithmetic, none with cancellation):
 * \( \bar\alpha_t = \bar\alpha_{t-1}(1-\beta_t) \) with \( 1 - \beta_t \) held exactly;
 * \( 1 - \bar\alpha_t = (1 - \bar\alpha_{t-1}) + \beta_t \bar\alpha_{t-1} \), a sum of non-negative
 * terms, so \( 1 - \bar\alpha_t \) keeps full relative accuracy when it is tiny (t = 1, 2, 3) and
 * \( \bar\alpha_t \) keeps it when \( \bar\alpha_t \) is tiny (t near T). The mantissa of
 * \( \bar\alpha_t \) is rescaled by \( 2^{600} \) when it gets small so it never underflows.
 * Logs use {@code log1p} of the smaller of \( \bar\alpha_t, 1 - \bar\alpha_t \).
 */
public final class ScheduleTables {
    private static final int RESCALE = 600;
    private static final double RESCALE_BELOW = 0x1.0p-600;
    /**
     * The mantissa of alpha-bar stays above 2^-600; an alpha_t above 2^-300 keeps their product above
     * 2^-900, where a double-double still has its full precision. Smaller alpha_t are scaled first.
     */
    private static final double SCALE_ALPHA_BELOW = 0x1.0p-300;
    private static final double LOG_DIRECT_ABOVE = 0x1.0p-960;

    public final double[] alpha;
    public final double[] logAlpha;
    public final double[] alphaBar;
    public final double[] sqrtAlphaBar;
    public final double[] logAlphaBar;
    public final double[] oneMinusAlphaBar;
    public final double[] sqrtOneMinusAlphaBar;
    public final double[] logOneMinusAlphaBar;
    public final double[] snr;
    public final double[] logSnr;
    public final double[] posteriorVariance;
    public final double[] logPosteriorVariance;
    public final double[] coefX0;
    public final double[] coefXt;
    /** Trailing parts: \( \bar\alpha_t \) = {@code alphaBar[t] + alphaBarLo[t]} to about 106 bits (fewer once it is subnormal). */
    public final double[] alphaBarLo;
    /** Trailing parts of \( \sqrt{\bar\alpha_t} \). */
    public final double[] sqrtAlphaBarLo;
    /** Trailing parts of \( 1 - \bar\alpha_t \). */
    public final double[] oneMinusAlphaBarLo;
    /** Trailing parts of \( \sqrt{1 - \bar\alpha_t} \). */
    public final double[] sqrtOneMinusAlphaBarLo;

    /**
     * Computes the tables of a validated β array.
     *
     * @param betas β_1..β_T, each in (0, 1]
     * @param betaTails null, or the trailing parts: step t has \( \beta_t = \) {@code betas[t-1] +
     *     betaTails[t-1]} exactly (a respaced schedule, whose β may sit so close to 1 that a double
     *     would lose \( 1 - \beta \))
     * @param alphaHi null, or \( \alpha_t \) given directly (leading parts): a respaced step's
     *     \( \alpha' = \bar\alpha_{k_i}/\bar\alpha_{k_{i-1}} \) keeps its relative accuracy only if it
     *     is not formed as \( 1 - \beta' \)
     * @param alphaLo the trailing parts of {@code alphaHi} (null with it)
     */
    public ScheduleTables(double[] betas, double[] betaTails, double[] alphaHi, double[] alphaLo) {
        int n = betas.length + 1;
        alpha = new double[n];
        logAlpha = new double[n];
        alphaBar = new double[n];
        sqrtAlphaBar = new double[n];
        logAlphaBar = new double[n];
        oneMinusAlphaBar = new double[n];
        sqrtOneMinusAlphaBar = new double[n];
        logOneMinusAlphaBar = new double[n];
        snr = new double[n];
        logSnr = new double[n];
        posteriorVariance = new double[n];
        logPosteriorVariance = new double[n];
        coefX0 = new double[n];
        coefXt = new double[n];
        alphaBarLo = new double[n];
        sqrtAlphaBarLo = new double[n];
        oneMinusAlphaBarLo = new double[n];
        sqrtOneMinusAlphaBarLo = new double[n];

        alpha[0] = 1;
        alphaBar[0] = 1;
        sqrtAlphaBar[0] = 1;
        logOneMinusAlphaBar[0] = Double.NEGATIVE_INFINITY;
        snr[0] = Double.POSITIVE_INFINITY;
        logSnr[0] = Double.POSITIVE_INFINITY;
        posteriorVariance[0] = Double.NaN;
        logPosteriorVariance[0] = Double.NaN;
        coefX0[0] = Double.NaN;
        coefXt[0] = Double.NaN;

        DoubleDouble a = DoubleDouble.ONE; // mantissa of alphaBar_t; alphaBar_t = a * 2^ea
        int ea = 0;
        DoubleDouble c = DoubleDouble.ZERO; // 1 - alphaBar_t
        for (int t = 1; t < n; t++) {
            double beta = betas[t - 1];
            double tail = betaTails == null ? 0 : betaTails[t - 1];
            DoubleDouble betaDd = DoubleDouble.of(beta, tail);
            DoubleDouble alphaT = alphaHi != null ? DoubleDouble.of(alphaHi[t - 1], alphaLo[t - 1])
                : DoubleDouble.difference(1, beta).subtract(tail);
            DoubleDouble aPrev = a;
            int eaPrev = ea;
            DoubleDouble cPrev = c;

            c = c.add(a.multiply(betaDd).scalb(ea));
            if (alphaT.hi() > 0 && alphaT.hi() < SCALE_ALPHA_BELOW) {
                // a tiny alpha_t (beta_t within rounding of 1, a respaced step) would take the product
                // below the normal range, where it keeps only absolute accuracy: multiply by its
                // mantissa, scaled by an even power of two (the square root halves ea)
                int shift = Math.getExponent(alphaT.hi()) & ~1;
                a = a.multiply(alphaT.scalb(-shift));
                ea += shift;
            } else {
                a = a.multiply(alphaT);
            }
            if (a.hi() != 0 && a.hi() < RESCALE_BELOW) {
                a = a.scalb(RESCALE);
                ea -= RESCALE;
            }

            alpha[t] = alphaT.hi();
            logAlpha[t] = alphaT.hi() == 0 ? Double.NEGATIVE_INFINITY
                : beta <= 0.5 ? betaDd.log1m() : alphaT.log();
            alphaBar[t] = Math.scalb(a.hi(), ea);
            alphaBarLo[t] = Math.scalb(a.lo(), ea);
            DoubleDouble sa = a.sqrt();
            sqrtAlphaBar[t] = Math.scalb(sa.hi(), ea / 2);
            sqrtAlphaBarLo[t] = Math.scalb(sa.lo(), ea / 2);
            oneMinusAlphaBar[t] = c.hi();
            oneMinusAlphaBarLo[t] = c.lo();
            DoubleDouble sc = c.sqrt();
            sqrtOneMinusAlphaBar[t] = sc.hi();
            sqrtOneMinusAlphaBarLo[t] = sc.lo();
            boolean alphaBarIsLarger = c.hi() <= 0.5;
            if (a.hi() == 0) {
                logAlphaBar[t] = Double.NEGATIVE_INFINITY;
            } else {
                logAlphaBar[t] = alphaBarIsLarger ? c.log1m() : a.log(ea);
            }
            logOneMinusAlphaBar[t] = alphaBarIsLarger ? c.log() : a.scalb(ea).log1m();

            DoubleDouble s = a.divide(c);
            snr[t] = Math.scalb(s.hi(), ea);
            logSnr[t] = a.hi() == 0 ? Double.NEGATIVE_INFINITY : s.log(ea);

            DoubleDouble r = cPrev.divide(c); // (1 - alphaBar_{t-1}) / (1 - alphaBar_t), 0 at t = 1
            DoubleDouble pv = r.multiply(betaDd);
            posteriorVariance[t] = pv.hi();
            if (r.hi() == 0) {
                logPosteriorVariance[t] = Double.NEGATIVE_INFINITY;
            } else if (pv.hi() >= LOG_DIRECT_ABOVE) {
                logPosteriorVariance[t] = pv.log();
            } else {
                logPosteriorVariance[t] = betaDd.log() + r.log();
            }
            coefX0[t] = Math.scalb(aPrev.sqrt().multiply(betaDd).divide(c).hi(), eaPrev / 2);
            coefXt[t] = alphaT.sqrt().multiply(r).hi();
        }
    }

    /**
     * The β of each step of a respaced schedule: \( 1 - \bar\alpha_{k_i} / \bar\alpha_{k_{i-1}} \),
     * computed as the segment sum \( \sum_s \beta_s \prod_{s' < s} (1 - \beta_{s'}) \) (no
     * cancellation).
     *
     * @param betas the full β array
     * @param kept strictly increasing 1-based steps (validated by the caller)
     * @param betaTails null, or the trailing parts of {@code betas}
     * @param alphaHi null, or the directly given α of {@code betas} (leading parts)
     * @param alphaLo their trailing parts
     * @param out receives the leading parts of the new β (one per kept step)
     * @param outTails receives the trailing parts
     * @param outAlphaHi receives the new α, the segment products \( \prod_s \alpha_s \) (leading parts)
     * @param outAlphaLo receives their trailing parts
     */
    public static void respacedBetas(double[] betas, double[] betaTails, double[] alphaHi, double[] alphaLo, int[] kept,
                                     double[] out, double[] outTails, double[] outAlphaHi, double[] outAlphaLo) {
        int from = 1;
        for (int i = 0; i < kept.length; i++) {
            DoubleDouble[] seg = segment(betas, betaTails, alphaHi, alphaLo, from, kept[i]);
            DoubleDouble a = seg[0];
            DoubleDouble c = seg[1];
            if (c.hi() > 1 || c.hi() == 1 && c.lo() >= 0) { // 1 - abar' rounded past 1: abar' = 0 exactly
                out[i] = 1;
                outTails[i] = 0;
            } else {
                out[i] = c.hi();
                outTails[i] = c.lo();
            }
            outAlphaHi[i] = a.hi();
            outAlphaLo[i] = a.lo();
            from = kept[i] + 1;
        }
    }

    /**
     * The product \( r = \prod_{s = \text{from}}^{\text{to}} \alpha_s \) and its complement
     * \( 1 - r = \sum_s \beta_s \prod_{\text{from} \le s' < s} \alpha_{s'} \) (a sum of non-negative
     * terms, no cancellation), both in double-double; \( r = 1 \), \( 1 - r = 0 \) for an empty range.
     *
     * @return {@code {r, 1 - r}}
     */
    public static DoubleDouble[] segment(double[] betas, double[] betaTails, double[] alphaHi, double[] alphaLo,
                                         int from, int to) {
        DoubleDouble a = DoubleDouble.ONE;
        DoubleDouble c = DoubleDouble.ZERO;
        for (int s = from; s <= to; s++) {
            double tail = betaTails == null ? 0 : betaTails[s - 1];
            DoubleDouble beta = DoubleDouble.of(betas[s - 1], tail);
            c = c.add(a.multiply(beta));
            a = a.multiply(alphaHi != null ? DoubleDouble.of(alphaHi[s - 1], alphaLo[s - 1])
                : DoubleDouble.difference(1, betas[s - 1]).subtract(tail));
        }
        return new DoubleDouble[] {a, c};
    }
}
