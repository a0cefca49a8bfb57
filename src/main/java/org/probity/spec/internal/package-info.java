/**
 * The implementation of the spec checker: lexer and recursive-descent parser
 * ({@link Lexer}, {@link Parser}, {@link ExpressionParser}, {@link DistributionParser}), the printer
 * back to source notation ({@link Printer}, {@link StatementPrinter}), meaning checks
 * ({@link Semantics}; walks over values share {@link OperandVisitor}), the
 * markov and gaussian model instances and their generators, the evaluators (exact enumeration;
 * closed forms with {@link Closed} and {@link Quad}; Monte Carlo with the policy of
 * {@link MonteCarlo}) and the check of one relation on the engine ({@link ItemCheck}).
 *
 * <p>May use: {@code org.probity.spec} and what it may use. Used only by
 * {@code org.probity.spec} and its sub-packages.
 */
package org.probity.spec.internal;
