package dev.sloscout.engine.sli;

/**
 * Safe PromQL text from data: label values are escaped as PromQL string literals (backslash, quote, newline), and
 * regex matchers escape every RE2 metacharacter, so a service called {@code pay"ments\} cannot break or change a
 * query.
 */
public final class PromQl {
    /** Where queries take their range; substituted per window by the rule generator (Sloth's convention). */
    public static final String WINDOW = "{{.window}}";

    private PromQl() {
    }

    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** An RE2 pattern matching the literal text. */
    public static String regexLiteral(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A matcher for an operation template: exact when it has no placeholders, a regex with {@code [^/]+} for each
     * {@code <NUM>}, {@code <UUID>}, {@code <HEX>}, {@code <ID>} otherwise.
     */
    public static String operationMatcher(String label, String template) {
        if (!template.matches(".*<(NUM|UUID|HEX|ID)>.*")) {
            return label + "=" + quote(template);
        }
        StringBuilder pattern = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('<', i);
            int close = open < 0 ? -1 : template.indexOf('>', open);
            if (open < 0 || close < 0 || !template.substring(open + 1, close).matches("NUM|UUID|HEX|ID")) {
                int end = open < 0 ? template.length() : open + 1;
                pattern.append(regexLiteral(template.substring(i, end)));
                i = end;
                continue;
            }
            pattern.append(regexLiteral(template.substring(i, open))).append("[^/]+");
            i = close + 1;
        }
        return label + "=~" + quote(pattern.toString());
    }

    /** {@code sum(rate(metric{selectors}[{{.window}}]))}. */
    public static String sumRate(String metric, String selectors) {
        return "sum(rate(" + metric + "{" + selectors + "}[" + WINDOW + "]))";
    }

    /** A bucket bound as Prometheus prints it: no trailing zeros, no float noise ({@code 0.1}, {@code 250}). */
    public static String le(double bound) {
        return dev.sloscout.engine.slo.SloMath.plain(bound);
    }
}
