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
     * Placeholders an operation template may hold where the real span names differ: ids ({@code <NUM>},
     * {@code <UUID>}, {@code <HEX>}, {@code <ID>}, {@code <TOKEN>}) and what redaction put there ({@code <EMAIL>},
     * {@code <IP>}, {@code <CARD>}, {@code <SSN>}, {@code <SECRET:kind>}).
     */
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile(
            "<(?:NUM|UUID|HEX|ID|TOKEN|EMAIL|IP|CARD|SSN|SECRET:[a-z-]+)>");

    /**
     * A matcher for an operation template: exact when it has no placeholders, a regex with {@code [^/]+} for each
     * placeholder otherwise (one path segment, or one word's worth of a name).
     */
    public static String operationMatcher(String label, String template) {
        java.util.regex.Matcher m = PLACEHOLDER.matcher(template);
        if (!m.find()) {
            return label + "=" + quote(template);
        }
        StringBuilder pattern = new StringBuilder();
        int i = 0;
        do {
            pattern.append(regexLiteral(template.substring(i, m.start()))).append("[^/]+");
            i = m.end();
        } while (m.find());
        pattern.append(regexLiteral(template.substring(i)));
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
