package dev.sloscout.app.artifacts;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a bundle file into styled pieces for the preview: YAML (keys, comments, strings, numbers, PromQL braces),
 * JSON (keys, strings, numbers, literals) and Markdown (headings, code, emphasis). Line-based and forgiving: it only
 * colours, so an odd line is shown plain rather than wrong.
 */
public final class Highlighter {
    public enum Style { PLAIN, KEY, STRING, NUMBER, COMMENT, LITERAL, HEADING, CODE, PUNCTUATION }

    public record Piece(String text, Style style) {
    }

    private Highlighter() {
    }

    public static List<Piece> highlight(String fileName, String text) {
        List<Piece> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inFence = false;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (fileName.endsWith(".md")) {
                if (line.startsWith("```")) {
                    inFence = !inFence;
                    out.add(new Piece(line, Style.CODE));
                } else {
                    markdown(line, inFence, out);
                }
            } else if (fileName.endsWith(".json")) {
                jsonLike(line, out, false);
            } else {
                yaml(line, out);
            }
            if (n < lines.length - 1) {
                out.add(new Piece("\n", Style.PLAIN));
            }
        }
        return merge(out);
    }

    private static void markdown(String line, boolean inFence, List<Piece> out) {
        if (inFence || line.startsWith("    ")) {
            out.add(new Piece(line, Style.CODE));
        } else if (line.startsWith("#")) {
            out.add(new Piece(line, Style.HEADING));
        } else {
            int i = 0;
            while (i < line.length()) {
                int tick = line.indexOf('`', i);
                if (tick < 0) {
                    out.add(new Piece(line.substring(i), Style.PLAIN));
                    break;
                }
                int close = line.indexOf('`', tick + 1);
                if (close < 0) {
                    out.add(new Piece(line.substring(i), Style.PLAIN));
                    break;
                }
                out.add(new Piece(line.substring(i, tick), Style.PLAIN));
                out.add(new Piece(line.substring(tick, close + 1), Style.CODE));
                i = close + 1;
            }
        }
    }

    private static void yaml(String line, List<Piece> out) {
        String trimmed = line.stripLeading();
        int indent = line.length() - trimmed.length();
        if (trimmed.startsWith("#")) {
            out.add(new Piece(line, Style.COMMENT));
            return;
        }
        out.add(new Piece(line.substring(0, indent), Style.PLAIN));
        String rest = trimmed;
        if (rest.startsWith("- ")) {
            out.add(new Piece("- ", Style.PUNCTUATION));
            rest = rest.substring(2);
        }
        int colon = keyEnd(rest);
        if (colon > 0) {
            out.add(new Piece(rest.substring(0, colon), Style.KEY));
            out.add(new Piece(":", Style.PUNCTUATION));
            rest = rest.substring(colon + 1);
        }
        jsonLike(rest, out, true);
    }

    /** The colon ending a YAML key: a plain or quoted word before ': ' or a line-ending ':'. */
    private static int keyEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
                return i;
            }
            if (c == ' ' || c == '{' || c == '(' || c == '"' && i > 0) {
                return -1;
            }
        }
        return -1;
    }

    /** Strings, numbers and literals in a JSON line or a YAML value. */
    private static void jsonLike(String s, List<Piece> out, boolean yaml) {
        int i = 0;
        StringBuilder plain = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || yaml && c == '\'') {
                int end = closingQuote(s, i);
                flush(plain, out);
                String str = s.substring(i, end);
                boolean key = !yaml && s.substring(end).stripLeading().startsWith(":");
                out.add(new Piece(str, key ? Style.KEY : Style.STRING));
                i = end;
            } else if ((Character.isDigit(c) || c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))
                    && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)) && s.charAt(i - 1) != '_')) {
                int end = i + 1;
                while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '.')) {
                    end++;
                }
                flush(plain, out);
                out.add(new Piece(s.substring(i, end), Style.NUMBER));
                i = end;
            } else if (yaml && c == '#' && (i == 0 || s.charAt(i - 1) == ' ')) {
                flush(plain, out);
                out.add(new Piece(s.substring(i), Style.COMMENT));
                return;
            } else if (startsWord(s, i, "true") || startsWord(s, i, "false") || startsWord(s, i, "null")) {
                int len = s.startsWith("false", i) ? 5 : 4;
                flush(plain, out);
                out.add(new Piece(s.substring(i, i + len), Style.LITERAL));
                i += len;
            } else {
                plain.append(c);
                i++;
            }
        }
        flush(plain, out);
    }

    private static boolean startsWord(String s, int i, String word) {
        return s.startsWith(word, i) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                && (i + word.length() == s.length() || !Character.isLetterOrDigit(s.charAt(i + word.length())));
    }

    private static int closingQuote(String s, int open) {
        char quote = s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\' && quote == '"') {
                i++;
            } else if (s.charAt(i) == quote) {
                return i + 1;
            }
        }
        return s.length();
    }

    private static void flush(StringBuilder plain, List<Piece> out) {
        if (plain.length() > 0) {
            out.add(new Piece(plain.toString(), Style.PLAIN));
            plain.setLength(0);
        }
    }

    /** Neighbouring pieces of one style become one (fewer nodes to draw); empty pieces go. */
    private static List<Piece> merge(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>();
        for (Piece p : pieces) {
            if (p.text().isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).style() == p.style()) {
                out.set(out.size() - 1, new Piece(out.get(out.size() - 1).text() + p.text(), p.style()));
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
