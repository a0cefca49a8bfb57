package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * The math of a Markdown document, read with commonmark-java: a block extension makes
 * {@code $$ … $$} and {@code \[ … \]} display blocks (so that Markdown does not read their lines as
 * lists, headings or hard breaks), code blocks and code spans are skipped, inline {@code $…$} and
 * {@code \(…\)} are found in the raw text of paragraphs and headings, and HTML comments
 * {@code <!-- probity: … -->} are options. Every fragment keeps the source line and column of each
 * of its characters.
 */
public final class MarkdownSource {
    private static final Pattern OPTION = Pattern.compile("<!--\\s*probity:(.*?)-->", Pattern.DOTALL);

    private MarkdownSource() {
    }

    /** The fragments of a Markdown text, in document order. */
    public static List<Fragment> read(String text) {
        String[] lines = text.split("\r?\n", -1);
        Parser parser = Parser.builder().customBlockParserFactory(new MathBlockFactory())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
        Node doc = parser.parse(text);
        List<Fragment> out = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof MathBlock m) {
                    if (!m.closed) {
                        // the display ran on to the end of the document, swallowing the prose after it as math
                        throw LatexProblem.inFile(m.line, m.column, m.close + " closing the display opened at "
                            + m.line + ":" + m.column, "the end of the file");
                    }
                    out.add(new Fragment(Fragment.Kind.DISPLAY, m.positions, tail(prose), "", m.line, m.column));
                    prose.setLength(0);
                }
            }

            @Override
            public void visit(Paragraph p) {
                inline(p);
            }

            @Override
            public void visit(Heading h) {
                inline(h);
            }

            @Override
            public void visit(HtmlBlock h) {
                Matcher m = OPTION.matcher(h.getLiteral());
                SourceSpan s = h.getSourceSpans().isEmpty() ? null : h.getSourceSpans().get(0);
                while (m.find()) {
                    int line = s == null ? 1 : s.getLineIndex() + 1;
                    int col = s == null ? 1 : s.getColumnIndex() + 1;
                    out.add(new Fragment(Fragment.Kind.OPTION, new SourcePositions().add(m.group(1).strip(), line, col),
                        "", "", line, col));
                }
            }

            private void inline(Block b) {
                SourcePositions text = new SourcePositions();
                for (SourceSpan s : b.getSourceSpans()) {
                    String raw = lines[s.getLineIndex()].substring(s.getColumnIndex(), s.getColumnIndex() + s.getLength());
                    text.add(raw, s.getLineIndex() + 1, s.getColumnIndex() + 1);
                }
                InlineMath.scan(text, prose, out);
                Matcher m = OPTION.matcher(text.text());
                while (m.find()) {
                    int[] lc = text.at(m.start());
                    out.add(new Fragment(Fragment.Kind.OPTION, text.slice(m.start(1), m.end(1)), "", "", lc[0], lc[1]));
                }
                prose.append('\n');
            }
        });
        return InlineMath.withProseAfter(out, prose);
    }

    static String tail(StringBuilder prose) {
        String s = prose.toString().strip();
        return s.length() > 400 ? s.substring(s.length() - 400) : s;
    }

    /** A display block: the lines between the delimiters, with their source positions. */
    static final class MathBlock extends CustomBlock {
        final SourcePositions positions = new SourcePositions();
        int line;
        int column;
        String close;
        boolean closed;
    }

    private static final class MathBlockParser extends AbstractBlockParser {
        private final MathBlock block = new MathBlock();
        private final String close;
        private boolean closed;
        private int currentLine;

        MathBlockParser(String close, String rest, int line, int contentColumn, int column) {
            this.close = close;
            block.close = close;
            block.line = line;
            block.column = column;
            currentLine = line;
            int end = rest.indexOf(close);
            if (end >= 0) {
                closed = true;
                block.closed = true;
                rest = rest.substring(0, end);
            }
            if (!rest.isBlank()) {
                block.positions.add(rest, line, contentColumn);
            }
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (closed) {
                return BlockContinue.none();
            }
            SourceLine l = state.getLine();
            currentLine = l.getSourceSpan() == null ? currentLine + 1 : l.getSourceSpan().getLineIndex() + 1;
            String content = l.getContent().toString();
            int end = content.indexOf(close, state.getIndex());
            if (end >= 0) {
                closed = true;
                block.closed = true;
                String piece = content.substring(state.getIndex(), end);
                if (!piece.isBlank()) {
                    SourceSpan s = l.getSourceSpan();
                    block.positions.add(piece, s.getLineIndex() + 1, s.getColumnIndex() + 1 + state.getIndex());
                }
                return BlockContinue.finished();
            }
            return BlockContinue.atIndex(state.getIndex());
        }

        @Override
        public void addLine(SourceLine line) {
            SourceSpan s = line.getSourceSpan();
            if (s == null) {
                // an empty rest of line carries no span; it adds nothing to the formula but a line break
                block.positions.add("", currentLine, 1);
                return;
            }
            block.positions.add(line.getContent().toString(), s.getLineIndex() + 1, s.getColumnIndex() + 1);
        }
    }

    private static final class MathBlockFactory extends AbstractBlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            int i = state.getNextNonSpaceIndex();
            SourceLine l = state.getLine();
            String content = l.getContent().toString();
            String close;
            if (content.startsWith("$$", i)) {
                close = "$$";
            } else if (content.startsWith("\\[", i)) {
                close = "\\]";
            } else {
                return BlockStart.none();
            }
            SourceSpan s = l.getSourceSpan();
            int line = s.getLineIndex() + 1;
            int column = s.getColumnIndex() + 1 + i;
            MathBlockParser p = new MathBlockParser(close, content.substring(i + 2), line, column + 2, column);
            return BlockStart.of(p).atIndex(content.length());
        }
    }
}
