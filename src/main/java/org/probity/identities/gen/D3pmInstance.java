package org.probity.identities.gen;

import java.util.Arrays;
import java.util.Objects;
import org.probity.chain.FiniteChain;
import org.probity.chain.ReverseChain;
import org.probity.diffusion.D3pmReverseModel;
import org.probity.diffusion.DiscreteDiffusion;

/**
 * A generated instance of the D3PM identities: a forward diffusion, a data distribution
 * \( q(x_0) \) and a reverse model, with a description of how the reverse model was made (its
 * matrices or its \( x_0 \)-prediction table) for counterexample reports.
 */
public final class D3pmInstance {
    private final DiscreteDiffusion diffusion;
    private final double[] data;
    private final D3pmReverseModel reverse;
    private final String reverseDescription;

    D3pmInstance(DiscreteDiffusion diffusion, double[] data, D3pmReverseModel reverse, String reverseDescription) {
        this.diffusion = Objects.requireNonNull(diffusion, "diffusion");
        this.data = data.clone();
        this.reverse = Objects.requireNonNull(reverse, "reverse");
        this.reverseDescription = reverseDescription;
    }

    /**
     * An instance from its parts.
     *
     * @param reverseDescription how the reverse model was made, printed in reports
     */
    public static D3pmInstance of(DiscreteDiffusion diffusion, double[] data, D3pmReverseModel reverse,
                                  String reverseDescription) {
        return new D3pmInstance(diffusion, data, reverse, Objects.requireNonNull(reverseDescription, "reverseDescription"));
    }

    /** The forward diffusion. */
    public DiscreteDiffusion diffusion() {
        return diffusion;
    }

    /** \( q(x_0) \) (a copy). */
    public double[] data() {
        return data.clone();
    }

    /** The reverse model. */
    public D3pmReverseModel reverse() {
        return reverse;
    }

    /** K. */
    public int states() {
        return diffusion.states();
    }

    /** T. */
    public int steps() {
        return diffusion.steps();
    }

    /** The forward process as a materialised chain started from \( q(x_0) \). */
    public FiniteChain forwardChain() {
        return diffusion.forwardChain(data);
    }

    /** The reverse model as a materialised reverse chain (its matrices evaluated at every step). */
    public ReverseChain reverseChain() {
        double[][][] p = new double[steps()][][];
        for (int t = 1; t <= steps(); t++) {
            p[t - 1] = reverse.transition(t);
        }
        return ReverseChain.of(reverse.prior(), p);
    }

    /** The same forward process and data with the true reverse process as the model (the bound is tight). */
    public D3pmInstance withTrueReverse() {
        ReverseChain p = ReverseChain.trueReverse(forwardChain());
        return new D3pmInstance(diffusion, data, D3pmReverseModel.of(diffusion, p), "true reverse process " + p);
    }

    @Override
    public String toString() {
        return diffusion + "\n  q(x_0) = " + Arrays.toString(data) + "\n  p: " + reverseDescription;
    }
}
