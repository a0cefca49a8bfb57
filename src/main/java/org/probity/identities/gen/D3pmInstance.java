package org.probity.identities.gen;

import java.util.Arrays;
import java.util.Objects;
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

    @Override
    public String toString() {
        return diffusion + "\n  q(x_0) = " + Arrays.toString(data) + "\n  p: " + reverseDescription;
    }
}
