/**
 * The Markdown/LaTeX reader of the spec checker (DERIVATIONS.md): a derivation as researchers write
 * it, Markdown with LaTeX math or a {@code .tex} file, is read into the spec AST by Probity's own
 * LaTeX parser and checked step by step ({@link DerivationDocument}, {@link DocumentResult}).
 * Markdown structure comes from commonmark-java (CommonMark spec 0.31), so that code blocks are
 * skipped and every display keeps its source line.
 *
 * <p>May use: {@code org.probity.spec}, {@code org.probity.spec.ast}, commonmark-java, and what
 * {@code org.probity.spec} may use.
 */
package org.probity.spec.latex;
