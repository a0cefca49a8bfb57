package org.probity.identities.gen;

import java.util.Objects;
import org.probity.chain.FiniteChain;
import org.probity.chain.ReverseChain;

/**
 * A generated instance of the finite-chain identities: a forward process {@code q} (its initial
 * distribution is the data distribution \( q(x_0) \)) and a reverse chain {@code p} on the same K
 * and T. Printed in full in counterexample reports.
 *
 * @param forward \( q(x_0) \prod_t q(x_t \mid x_{t-1}) \)
 * @param reverse \( p(x_T) \prod_t p(x_{t-1} \mid x_t) \)
 */
public record ChainPair(FiniteChain forward, ReverseChain reverse) {
    /** Requires both and equal shapes. */
    public ChainPair {
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(reverse, "reverse");
        if (forward.states() != reverse.states() || forward.steps() != reverse.steps()) {
            throw new IllegalArgumentException("reverse: expected the shape of forward (K=" + forward.states()
                + ", T=" + forward.steps() + "), got K=" + reverse.states() + ", T=" + reverse.steps());
        }
    }

    /** K. */
    public int states() {
        return forward.states();
    }

    /** T. */
    public int steps() {
        return forward.steps();
    }

    @Override
    public String toString() {
        return "K=" + states() + ", T=" + steps() + "\n  q: " + forward + "\n  p: " + reverse;
    }
}
