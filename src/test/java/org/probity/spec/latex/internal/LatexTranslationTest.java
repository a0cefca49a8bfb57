package org.probity.spec.latex.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probity.spec.Spec;

/** Every construct of DERIVATIONS.md's table ("Reading the math"): a fragment and its translation. */
class LatexTranslationTest {
    private static String read(String latex) {
        return Spec.notation(LatexParser.translate(latex, ReadingContext.of(Set.of("L_CE"), false)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
        # variables: \\mathbf, \\boldsymbol, \\bm, plain, ranges
        q(\\mathbf{x}_t) => q(x_t)
        q(\\boldsymbol{x}_{t-1}) => q(x_{t - 1})
        q(\\bm{x}_0) => q(x_0)
        q(x_{1:T}) => q(x_{1:T})
        # p_theta, p_{theta}, q_phi: parameter subscripts dropped
        p_\\theta(\\mathbf{x}_0) => p(x_0)
        p_{\\theta}(x_0) => p(x_0)
        q_\\phi(x_1) => q(x_1)
        # conditioning: \\vert, \\mid, |
        q(x_t \\vert x_{t-1})                          => q(x_t | x_{t - 1})
        p(x_{t-1} \\mid x_t)                           => p(x_{t - 1} | x_t)
        q(x_{t-1} | x_t, x_0)                          => q(x_{t - 1} | x_t, x_0)
        # expectations: E_{q(x_0)}, E_{x_0 \\sim q}, bare E_q over every variable not bound
        \\mathbb{E}_{q(\\mathbf{x}_0)} \\log p(x_0) => E_{q(x_0)}[ log(p(x_0)) ]
        \\mathbb{E}_{\\mathbf{x}_0 \\sim q} \\left[ \\log p(x_0) \\right] => E_{q(x_0)}[ log(p(x_0)) ]
        \\mathbb{E}_q \\left[ \\log p(x_0) \\right] => E_{q(x_{0:T})}[ log(p(x_0)) ]
        \\mathbb{E}_{q(x_0)} \\mathbb{E}_q \\log p(x_0) => E_{q(x_0)}[ E_{q(x_{1:T} | x_0)}[ log(p(x_0)) ] ]
        # scopes: the following product term up to + or -; a bracket where present
        \\mathbb{E}_{q(x_0)} \\log p(x_0) + 1 => E_{q(x_0)}[ log(p(x_0)) ] + 1
        \\sum_{t=2}^T \\log q(x_t) - 1 => sum_{t=2}^{T}( log(q(x_t)) ) - 1
        \\prod_{t=1}^{T} q(x_t \\vert x_{t-1}) p(x_0)  => prod_{t=1}^{T}( q(x_t | x_{t - 1}) * p(x_0) )
        \\log \\left( p(x_0) \\right) q(x_0) => log(p(x_0)) * q(x_0)
        \\log p(x_0) q(x_0) => log(p(x_0) * q(x_0))
        # integrals: \\int ... d x, \\int_{x_0} \\cdots \\int_{x_T}
        \\int p(\\mathbf{x}_{0:T}) \\, d\\mathbf{x}_{1:T} => int_{x_{1:T}}( p(x_{0:T}) )
        \\int_{x_0} \\int_{x_1} \\cdots \\int_{x_T} p(x_{0:T}) dx_0 dx_1 \\cdots dx_T => int_{x_0, x_{1:T}}( p(x_{0:T}) )
        \\int p(x_0, x_1) \\, \\mathrm{d}x_1 => int_{x_1}( p(x_0, x_1) )
        \\sum_{\\mathbf{x}_0} \\sum_{\\mathbf{x}_1} \\cdots \\sum_{\\mathbf{x}_T} p(x_{0:T}) => int_{x_0, x_{1:T}}( p(x_{0:T}) )
        # arithmetic, grouping, product, spacing
        \\frac{q(x_0)}{p(x_0)} => q(x_0) / p(x_0)
        \\left( 1 - q(x_0) \\right) \\cdot p(x_0) => (1 - q(x_0)) * p(x_0)
        2 \\, q(x_0) \\; p(x_0) => 2 * q(x_0) * p(x_0)
        \\frac12 => 1 / 2
        # KL, cross-entropy, entropy
        D_{\\text{KL}}(q(x_0) \\parallel p(x_0)) => KL( q(x_0) || p(x_0) )
        \\mathrm{KL}(q(x_0) \\| p(x_0)) => KL( q(x_0) || p(x_0) )
        D_{KL}(q(x_0)\\|p(x_0)) => KL( q(x_0) || p(x_0) )
        H(q(x_0), p(x_0)) => H( q(x_0), p(x_0) )
        H(q(x_0)) => H( q(x_0) )
        # bare q, p_theta arguments take the variables of the surrounding expectation
        \\mathbb{E}_{q(x_0)} D_{KL}(q \\parallel p_\\theta) => E_{q(x_0)}[ KL( q(x_0) || p(x_0) ) ]
        # Gaussian diffusion notation
        \\mathcal{N}(\\mathbf{x}_t; \\sqrt{\\bar\\alpha_t} \\mathbf{x}_0, (1 - \\bar\\alpha_t) \\mathbf{I}) => N(x_t; sqrt(abar(t)) * x_0, (1 - abar(t)) * I)
        \\beta_t + \\alpha_{t-1} + \\bar{\\alpha}_T => beta(t) + alpha(t - 1) + abar(T)
        \\overline{\\alpha}_t => abar(t)
        \\tilde\\beta_t => (1 - abar(t - 1)) / (1 - abar(t)) * beta(t)
        # z of a VAE is x_1 with T = 1, and x then x_0
        q_\\phi(z \\mid x) => q(x_1 | x_0)
        p_\\theta(\\mathbf{z}) => p(x_1)
        # names, T, numbers
        L_{\\text{CE}} + T + 0.5 => L_CE + T + 0.5
        """)
    void translates(String latex, String expected) {
        assertThat(read(latex)).isEqualTo(expected);
    }

    /** The forms of issue 16 (docs/derivations.md, "Networks, noise, vectors"). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
        # networks recognised from notation: mu_theta, eps_theta, xhat_theta, any f_theta; the last index argument is the step
        \\mu_\\theta(\\mathbf{x}_t, t) => mu_theta(x_t, t)
        \\boldsymbol{\\mu}_\\theta(\\mathbf{x}_t, t) => mu_theta(x_t, t)
        \\boldsymbol{\\epsilon}_\\theta(\\mathbf{x}_t, t) => eps_theta(x_t, t)
        \\epsilon_{\\theta}(\\sqrt{\\bar\\alpha_t} \\mathbf{x}_0, t-1) => eps_theta(sqrt(abar(t)) * x_0, t - 1)
        \\hat{\\mathbf{x}}_\\theta(\\mathbf{x}_t, t) => xhat_theta(x_t, t)
        f_\\theta(\\mathbf{z}) => f_theta(x_1)
        # noise binders: E over eps ~ N(0, I), with substitutions; \\epsilon, \\varepsilon, \\boldsymbol\\epsilon
        \\mathbb{E}_{\\boldsymbol\\epsilon \\sim \\mathcal{N}(\\mathbf{0}, \\mathbf{I})} \\left[ \\|\\boldsymbol\\epsilon\\|^2 \\right] => E_{eps ~ N(0, I)}[ norm2(eps) ]
        \\mathbb{E}_{\\varepsilon \\sim \\mathcal{N}(0, \\mathbf{I})} \\varepsilon => E_{eps ~ N(0, I)}[ eps ]
        \\mathbb{E}_{\\boldsymbol{\\epsilon}} \\boldsymbol{\\epsilon} => E_{eps ~ N(0, I)}[ eps ]
        \\mathbb{E}_{\\epsilon \\sim \\mathcal{N}(\\mathbf{0}, \\mathbf{I}), \\mathbf{x}_t = \\sqrt{\\bar\\alpha_t}\\mathbf{x}_0 + \\sqrt{1-\\bar\\alpha_t}\\epsilon} \\left[ \\mathbf{x}_t \\right] => E_{eps ~ N(0, I), x_t = sqrt(abar(t)) * x_0 + sqrt(1 - abar(t)) * eps}[ x_t ]
        \\mathbb{E}_{\\epsilon_1} \\mathbb{E}_{\\epsilon_2} \\langle \\epsilon_1, \\epsilon_2 \\rangle => E_{eps1 ~ N(0, I)}[ E_{eps2 ~ N(0, I)}[ dot(eps1, eps2) ] ]
        # vectors: squared norms, inner products, transposes, 1^T v, traces, determinants, diag, I, d
        \\left\\| \\mathbf{x}_0 - \\mathbf{x}_1 \\right\\|_2^2 => norm2(x_0 - x_1)
        \\lVert \\mathbf{x}_0 \\rVert^2 / 2 => norm2(x_0) / 2
        \\langle \\mathbf{x}_0, \\mathbf{x}_1 \\rangle => dot(x_0, x_1)
        \\mathbf{x}_0^\\top \\mathbf{x}_1 => dot(x_0, x_1)
        \\mathbf{1}^\\top \\mathbf{x}_0 => sumdims(x_0)
        (\\mathbf{x}_t - \\mathbf{x}_0)^\\top (\\beta_t \\mathbf{I})^{-1} (\\mathbf{x}_t - \\mathbf{x}_0) => dot(x_t - x_0, (beta(t) * I)^-1 * (x_t - x_0))
        \\mathbf{x}_0^\\top \\operatorname{diag}(\\mathbf{x}_1) \\mathbf{x}_0 => dot(x_0, diag(x_1) * x_0)
        \\mathbf{x}_0^\\top \\mathbf{x}_1 \\beta_t => dot(x_0, x_1) * beta(t)
        \\operatorname{tr}(2 \\mathbf{I}) + \\det(\\operatorname{diag}(\\mathbf{x}_0)) => tr(2 * I) + det(diag(x_0))
        \\frac{d}{2} \\log(2 \\pi) => dims / 2 * log(2 * 3.141592653589793)
        # the stationary distribution of Sohl-Dickstein et al. 2015 (a bare \\pi stays the number)
        \\frac{q(\\mathbf{x}_1 \\mid \\mathbf{x}_0) \\, \\pi(\\mathbf{x}_0)}{\\pi(\\mathbf{x}_1)} => q(x_1 | x_0) * pi(x_0) / pi(x_1)
        \\log \\pi\\left( \\mathbf{x}_{t-1} \\right) - \\pi => log(pi(x_{t - 1})) - 3.141592653589793
        \"\\mathcal{N}(\\mathbf{x}_{t-1}; \\mu_\\theta(\\mathbf{x}_t, t), \\beta_t \\mathbf{I})\" => N(x_{t - 1}; mu_theta(x_t, t), beta(t) * I)
        \"\\mathcal{N}(\\mathbf{x}_{t-1}; \\mu_\\theta(\\mathbf{x}_t, t), \\beta_t I)\" => N(x_{t - 1}; mu_theta(x_t, t), beta(t) * I)
        """)
    void translatesTheModelFeatures(String latex, String expected) {
        assertThat(read(latex)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
        \\frac{1}{N} \\sum_{i=1}^N \\log p(\\mathbf{x}_0^{(i)}) => the symbol N
        \\max_\\theta \\log p(x_0) => an optimisation
        (\\mathbf{x}_0, \\mathbf{x}_1, \\dots, \\mathbf{x}_T) => (notation)
        \\mathbb{E}[Y] => the symbol Y
        D_{\\text{KL}}(P \\parallel Q) => abstract distribution
        \\boldsymbol{\\epsilon} => outside an expectation over it
        \\|\\mathbf{x}_0\\| => a norm not squared
        \\mathbb{E}_{\\epsilon \\sim \\mathcal{N}(\\mathbf{0}, 2\\mathbf{I})} \\epsilon => only standard normal noise
        \\mu_\\theta(\\mathbf{x}_t, t) + \\mu_\\theta(\\mathbf{x}_t) => declared mu_theta(x, t)
        """)
    void notCheckable(String latex, String reason) {
        assertThatThrownBy(() -> read(latex)).isInstanceOfSatisfying(LatexProblem.class, p -> {
            assertThat(p.kind()).isEqualTo(LatexProblem.Kind.UNCHECKABLE);
            assertThat(p.getMessage()).contains(reason);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
        \\frac{q(x_0)} => the denominator of \\frac
        D_{KL}(q(x_0) p(x_0)) => '\\parallel' or '\\|'
        \\left( q(x_0) => ')' closing
        q(x_0) + => an expression
        """)
    void malformed(String latex, String expected) {
        assertThatThrownBy(() -> read(latex)).isInstanceOfSatisfying(LatexProblem.class, p -> {
            assertThat(p.kind()).isEqualTo(LatexProblem.Kind.SYNTAX);
            assertThat(p.getMessage()).contains(expected);
        });
    }
}
