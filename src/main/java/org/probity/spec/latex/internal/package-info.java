/**
 * The implementation of the Markdown/LaTeX reader: display extraction ({@link MarkdownSource} with a
 * commonmark-java block extension for {@code $$…$$} and {@code \[…\]}, {@link TexSource}), the LaTeX
 * lexer and parser into the spec AST ({@link LatexParser}, {@link Distributions}, {@link Sums},
 * {@link Schedule}), rows and relations ({@link Rows}, translated and placed by {@link RowTranslator})
 * and the document's meaning: chains, definitions, not-checkable rows ({@link DocumentReader},
 * {@link DerivationChain}), model inference ({@link ModelInference}), assumptions
 * ({@link Assumptions}).
 *
 * <p>May use: {@code org.probity.spec}, {@code org.probity.spec.ast}, {@code org.probity.spec.latex},
 * commonmark-java. Used only by {@code org.probity.spec.latex}.
 */
package org.probity.spec.latex.internal;
