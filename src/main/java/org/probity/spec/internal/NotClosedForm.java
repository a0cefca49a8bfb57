package org.probity.spec.internal;

/** Thrown when an expression has no closed form on the gaussian family; the evaluator then estimates it. */
final class NotClosedForm extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotClosedForm(String why) {
        super(why, null, false, false);
    }
}
