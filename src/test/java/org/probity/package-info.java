/**
 * Tests of the project as a whole: the layer rules of DESIGN.md ({@code ArchitectureTest}) and the
 * package documentation ({@code PackageInfoTest}).
 *
 * <p>May use: any Probity package (test code is outside the layer rules).
 */
package org.probity;
