package dev.sloscout.engine.sli;

/**
 * Safe PromQL text from data: label values are escaped as PromQL string literals (backslash, quote, newline), and
 * regex matchers escape every RE2 metacharacter, so a service called {@code pay"ments\} cannot break or change a
 * query. Two characters are written as hex escapes although PromQL would take them raw: {@code $} (Grafana
 * substitutes {@code $name} inside queries) and the first brace of {@code {{} (the rule generator substitutes
 * {@code {{.window}}}, and Sloth runs queries through Go templates). The replacement character U+FFFD (what a
 * lone surrogate or bad UTF-8 became) is written as {@code ?}: promtool's unit tests print and re-parse queries, and
 * Go's lexer refuses that character raw or escaped, so such a name selects nothing until it is fixed at its source.
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
                case '$' -> out.append("\\x24");
                case '\uFFFD' -> out.append('?');
                case '{' -> out.append(i + 1 < value.length() && value.charAt(i + 1) == '{' ? "\\x7b" : "{");
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
            if (c == '$') {
                out.append("\\x24"); // RE2's hex escape: no $ for Grafana to substitute
                continue;
            }
            if ("\\.+*?()|[]{}^".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** What a placeholder of an operation template stands for: an RE2 pattern, and a value it matches (for tests). */
    private record Placeholder(String regex, String example) {
    }

    /**
     * Placeholders an operation template may hold where the real span names differ: ids ({@code <NUM>},
     * {@code <UUID>}, {@code <HEX>}, {@code <ID>}, {@code <TOKEN>}) and what redaction put there ({@code <EMAIL>},
     * {@code <IP>}, {@code <CARD>}, {@code <SSN>}, {@code <SECRET:kind>}). Each matches what it replaced and no
     * more, so {@code /orders/<NUM>} does not take in {@code /orders/recent}.
     */
    private static final java.util.Map<String, Placeholder> PLACEHOLDERS = java.util.Map.of(
            "NUM", new Placeholder("[0-9]+", "1"),
            "UUID", new Placeholder("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                    "00000000-0000-0000-0000-000000000001"),
            "HEX", new Placeholder("[0-9a-fA-F]{8,}", "abcdef12"),
            "ID", new Placeholder("[^/]*[0-9][^/]*", "id1"),
            "TOKEN", new Placeholder("[A-Za-z0-9._~+=-]{12,}", "t0kenExample0001"),
            "EMAIL", new Placeholder("[^/@]+@[^/]+", "user@example.com"),
            "IP", new Placeholder("[0-9a-fA-F.:]+", "192.0.2.1"),
            "CARD", new Placeholder("[0-9 -]+", "4111111111111111"),
            "SSN", new Placeholder("[0-9-]+", "000-00-0000"),
            "SECRET", new Placeholder("[^/]+", "redacted"));
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile(
            "<(NUM|UUID|HEX|ID|TOKEN|EMAIL|IP|CARD|SSN|SECRET)(?::[a-z-]+)?>");

    /**
     * A matcher for an operation template: exact when it has no placeholders, otherwise a regex in which each
     * placeholder matches what it stands for and the rest is literal.
     */
    public static String operationMatcher(String label, String template) {
        java.util.regex.Matcher m = PLACEHOLDER.matcher(template);
        if (!m.find()) {
            return label + "=" + quote(template);
        }
        StringBuilder pattern = new StringBuilder();
        int i = 0;
        do {
            pattern.append(regexLiteral(template.substring(i, m.start()))).append(PLACEHOLDERS.get(m.group(1)).regex);
            i = m.end();
        } while (m.find());
        pattern.append(regexLiteral(template.substring(i)));
        return label + "=~" + quote(pattern.toString());
    }

    /** An operation name the template's matcher selects: each placeholder replaced by a value of its kind. */
    public static String example(String template) {
        return PLACEHOLDER.matcher(template).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                PLACEHOLDERS.get(m.group(1)).example));
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
