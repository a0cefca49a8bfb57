package org.probity.chain;

/**
 * A quadratic function of one step of a path,
 * \( Q(x, y) = q_{xx} x^2 + q_{xy} x y + q_{yy} y^2 + l_x x + l_y y + c \) with \( x = x_{t-1} \),
 * \( y = x_t \): the building block of the quadratic path functionals whose expectations
 * {@link LinearGaussianChain#expectation} computes in closed form (log densities of linear-Gaussian
 * transitions are of this form).
 *
 * @param xx coefficient of \( x_{t-1}^2 \)
 * @param xy coefficient of \( x_{t-1} x_t \)
 * @param yy coefficient of \( x_t^2 \)
 * @param x coefficient of \( x_{t-1} \)
 * @param y coefficient of \( x_t \)
 * @param c constant
 */
public record StepQuadratic(double xx, double xy, double yy, double x, double y, double c) {
    /** The zero function. */
    public static final StepQuadratic ZERO = new StepQuadratic(0, 0, 0, 0, 0, 0);

    /**
     * \( \log \mathcal N(y; g x + h, v) = -\tfrac12\log(2\pi v) - (y - g x - h)^2 / (2v) \), expanded.
     *
     * @param gain g
     * @param offset h
     * @param variance v &gt; 0
     * @return the log density of the step as a quadratic
     */
    public static StepQuadratic logNormalStep(double gain, double offset, double variance) {
        double w = -0.5 / variance;
        // (y - g x - h)^2 = y^2 + g^2 x^2 + h^2 - 2 g x y - 2 h y + 2 g h x
        return new StepQuadratic(w * gain * gain, -2 * w * gain, w, 2 * w * gain * offset, -2 * w * offset,
            w * offset * offset - 0.5 * Math.log(2 * Math.PI * variance));
    }

    /**
     * \( \log \mathcal N(x; g y + h, v) \): a reverse step, the density of \( x = x_{t-1} \) given
     * \( y = x_t \), expanded.
     */
    public static StepQuadratic logNormalReverseStep(double gain, double offset, double variance) {
        double w = -0.5 / variance;
        // (x - g y - h)^2 = x^2 + g^2 y^2 + h^2 - 2 g x y - 2 h x + 2 g h y
        return new StepQuadratic(w, -2 * w * gain, w * gain * gain, -2 * w * offset, 2 * w * gain * offset,
            w * offset * offset - 0.5 * Math.log(2 * Math.PI * variance));
    }

    /** \( \log \mathcal N(x; m, v) \) as a function of \( x = x_{t-1} \) only. */
    public static StepQuadratic logNormalOfPrevious(double mean, double variance) {
        double w = -0.5 / variance;
        return new StepQuadratic(w, 0, 0, -2 * w * mean, 0, w * mean * mean - 0.5 * Math.log(2 * Math.PI * variance));
    }

    /** \( \log \mathcal N(y; m, v) \) as a function of \( y = x_t \) only. */
    public static StepQuadratic logNormalOfCurrent(double mean, double variance) {
        double w = -0.5 / variance;
        return new StepQuadratic(0, 0, w, 0, -2 * w * mean, w * mean * mean - 0.5 * Math.log(2 * Math.PI * variance));
    }

    /** The sum of two quadratics. */
    public StepQuadratic plus(StepQuadratic o) {
        return new StepQuadratic(xx + o.xx, xy + o.xy, yy + o.yy, x + o.x, y + o.y, c + o.c);
    }

    /** {@code k} times this quadratic. */
    public StepQuadratic times(double k) {
        return new StepQuadratic(k * xx, k * xy, k * yy, k * x, k * y, k * c);
    }

    /** \( Q(x_{t-1}, x_t) \). */
    public double value(double previous, double current) {
        return xx * previous * previous + xy * previous * current + yy * current * current + x * previous + y * current + c;
    }
}
