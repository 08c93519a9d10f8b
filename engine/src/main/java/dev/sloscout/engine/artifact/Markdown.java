package dev.sloscout.engine.artifact;

/** Markdown from data: text with every markup character escaped, code in fences longer than any backtick run in it. */
public final class Markdown {
    private static final String SPECIAL = "\\`*_{}[]()<>#+-.!|~";

    private Markdown() {
    }

    public static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            if (c == '\n' || c == '\r') {
                out.append(' ');
            } else {
                if (SPECIAL.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String codeBlock(String language, String code) {
        int longest = 0;
        int run = 0;
        for (char c : code.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + language + "\n" + code + "\n" + fence + "\n";
    }
}
