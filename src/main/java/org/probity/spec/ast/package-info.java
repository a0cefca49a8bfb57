/**
 * The one AST of the spec language ({@link Expr}, {@link Statement}, {@link VarItem}): immutable
 * records compared structurally, produced by every reader (the {@code .prob} parser, the
 * Markdown/LaTeX reader) and consumed by every evaluator.
 *
 * <p>May use: what {@code org.probity.spec} may use (in practice nothing but the JDK).
 */
package org.probity.spec.ast;
