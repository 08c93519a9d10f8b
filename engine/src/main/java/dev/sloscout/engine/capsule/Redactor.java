package dev.sloscout.engine.capsule;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data and secrets from text before it is stored or leaves the machine, keeping what kind of thing
 * was there: {@code <EMAIL>}, {@code <IP>}, {@code <CARD>} (Luhn-checked 13-19 digits), {@code <JWT>},
 * {@code Bearer <TOKEN>}, {@code <API_KEY>} (well-known key prefixes and {@code api_key=}-style fields) and
 * {@code <PASSWORD>} (password fields in {@code key=value}, {@code key: value} and JSON form).
 *
 * <p>Samples are short and few (a reservoir per capsule), so clarity wins over speed here: one pass per rule.
 * Placeholders already in the text ({@code <NUM>}) are left alone.
 */
public final class Redactor {
    private record Rule(Pattern pattern, String replacement) {
    }

    private static final String PASSWORD_KEYS = "password|passwd|pwd|pass|passphrase|secret|client_secret";
    private static final String API_KEYS = "api[_-]?key|apikey|access[_-]?key|access[_-]?token|auth[_-]?token"
            + "|x-api-key|private[_-]?key";
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"), "<JWT>"),
            new Rule(Pattern.compile("(?i)\\b(bearer|basic|token)\\s+[A-Za-z0-9._~+/=-]{8,}"), "$1 <TOKEN>"),
            quoted(PASSWORD_KEYS, "<PASSWORD>"), bare(PASSWORD_KEYS, "<PASSWORD>"),
            quoted(API_KEYS, "<API_KEY>"), bare(API_KEYS, "<API_KEY>"),
            new Rule(Pattern.compile("\\b(?:sk-[A-Za-z0-9_-]{16,}|sk_(?:live|test)_[A-Za-z0-9]{10,}"
                    + "|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abpr]-[A-Za-z0-9-]{10,}"
                    + "|AIza[0-9A-Za-z_-]{30,}|glpat-[A-Za-z0-9_-]{20})"), "<API_KEY>"),
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"), "<EMAIL>"),
            new Rule(Pattern.compile("(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)"
                    + "(?![\\d.]*\\d)"), "<IP>"),
            // IPv6: hex groups with "::" or all eight groups (a time of day has neither)
            new Rule(Pattern.compile("(?i)(?<![0-9a-z:])(?=[0-9a-f:]*::|(?:[0-9a-f]{1,4}:){7})[0-9a-f]{0,4}"
                    + "(?::[0-9a-f]{0,4}){2,7}(?![0-9a-z:])"), "<IP>"));

    /** {@code "password": "x"} and {@code password="x"}: the quotes stay, the value goes. */
    private static Rule quoted(String keys, String kind) {
        return new Rule(Pattern.compile("(?i)(\"?(?:" + keys + ")\"?\\s*[=:]\\s*)\"[^\"]*\""), "$1\"" + kind + "\"");
    }

    /** {@code password=x}, {@code password: x}. */
    private static Rule bare(String keys, String kind) {
        return new Rule(Pattern.compile("(?i)(\\b(?:" + keys + ")\\s*[=:]\\s*)(?![\"<])[^\\s,;&\"'}]+"), "$1" + kind);
    }

    private static final Pattern CARD = Pattern.compile("(?<!\\d)(?:\\d[ -]?){12,18}\\d(?!\\d)");

    /** The text with every secret and piece of personal data replaced by its kind. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = cards(text);
        for (Rule rule : RULES) {
            result = rule.pattern.matcher(result).replaceAll(rule.replacement);
        }
        return result;
    }

    private static String cards(String text) {
        Matcher m = CARD.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, last, m.start()).append("<CARD>");
                last = m.end();
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
