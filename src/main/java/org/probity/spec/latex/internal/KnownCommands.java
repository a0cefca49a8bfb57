package org.probity.spec.latex.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The LaTeX math commands a derivation may use. Commands outside this set are bad input (most are
 * typos: {@code \alpah}, {@code \frobnicate}), refused at their place, rather than read as an unknown
 * symbol whose row would silently be NOT CHECKED. Commands in it that Probity cannot evaluate
 * ({@code \approx}, {@code \nabla}, {@code \infty}, …) stay NOT CHECKED with their reason: they are
 * known, well-formed mathematics outside the model families.
 */
final class KnownCommands {
    private static final Set<String> NAMES = new HashSet<>(Arrays.asList((
        // Greek
        "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa varkappa lambda mu nu xi pi varpi "
        + "rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon "
        + "Phi Psi Omega digamma "
        // operators named in roman
        + "exp log ln lg sin cos tan cot sec csc sinh cosh tanh arcsin arccos arctan lim liminf limsup sup inf max min "
        + "argmax argmin arg det dim ker deg gcd hom Pr mod bmod pmod tr Tr diag "
        // big operators and structures
        + "frac dfrac tfrac cfrac sqrt binom dbinom tbinom sum prod coprod int iint iiint oint bigcup bigcap bigoplus "
        + "bigotimes limits nolimits substack left right middle big Big bigg Bigg bigl Bigl biggl Biggl bigr Bigr "
        + "biggr Biggr bigm Bigm biggm Biggm overbrace underbrace overset underset stackrel sideset "
        // fonts, accents and text
        + "mathbf mathrm mathcal mathbb mathsf mathit mathtt mathfrak mathscr mathnormal mathbold boldsymbol bm "
        + "text textrm textit textbf textnormal textsf texttt textup mbox operatorname hat widehat tilde widetilde bar "
        + "overline underline vec dot ddot breve check acute grave mathring overrightarrow overleftarrow "
        // relations and arrows
        + "le ge leq geq leqslant geqslant ll gg ne neq approx sim simeq cong equiv propto perp mid nmid parallel "
        + "nparallel to gets mapsto rightarrow leftarrow Rightarrow Leftarrow Leftrightarrow leftrightarrow "
        + "Longleftrightarrow longrightarrow Longrightarrow longmapsto implies iff impliedby uparrow downarrow prec "
        + "succ preceq succeq lesssim gtrsim asymp doteq models vdash coloneqq coloneq eqqcolon triangleq defeq "
        + "lessapprox gtrapprox in notin ni subset subseteq supset supseteq sqsubseteq not lt gt colon "
        // symbols and binary operators
        + "infty partial nabla ell hbar emptyset varnothing forall exists nexists neg lnot land lor wedge vee cap cup "
        + "setminus pm mp times div cdot circ bullet star ast oplus otimes odot dagger prime top bot intercal "
        + "ldots cdots vdots ddots dots dotsc dotsb dotsm dotsi "
        // delimiters
        + "langle rangle lvert rvert lVert rVert vert Vert lceil rceil lfloor rfloor lbrace rbrace lbrack rbrack "
        // spacing, style and layout
        + "quad qquad enspace thinspace medspace thickspace negthinspace negmedspace negthickspace hspace hfill "
        + "phantom vphantom hphantom mathstrut displaystyle textstyle scriptstyle scriptscriptstyle "
        + "begin end label tag nonumber notag cr eqref ref"
    ).split(" ")));

    private KnownCommands() {
    }

    /** Whether {@code command} (with its backslash) is a known math command; non-letter commands always are. */
    static boolean known(String command) {
        String name = command.substring(1);
        return !name.chars().allMatch(Character::isLetter) || name.isEmpty() || NAMES.contains(name);
    }
}
