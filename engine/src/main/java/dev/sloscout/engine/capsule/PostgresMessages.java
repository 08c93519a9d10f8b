package dev.sloscout.engine.capsule;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How PostgreSQL writes a message to its log: the server's prefix ({@code log_line_prefix}, which the administrator
 * sets: Debian's {@code %m [%p] %q%u@%d }, pgBadger's {@code %t [%p]: user=%u,db=%d,app=%a,client=%h }), then the
 * severity in capitals with a colon and two spaces ({@code ERROR:  duplicate key ...}), and under it, each on a line
 * of its own with the same prefix, the message's parts ({@code DETAIL:  }, {@code STATEMENT:  }). The two spaces set
 * these words apart from a message's own.
 */
public final class PostgresMessages {
    /**
     * What PostgreSQL writes under a message, each on a line of its own with the server's prefix: in English, then as
     * its own translations write them when {@code lc_messages} names another language (German, Spanish, French,
     * Italian, Japanese, Korean, Russian, Swedish, Ukrainian, Chinese: the catalogs PostgreSQL 15 ships), French's
     * with a space before the colon ({@code INSTRUCTION :  select 1}).
     */
    private static final String[] PARTS = {"DETAIL", "HINT", "CONTEXT", "QUERY", "LOCATION", "STATEMENT",
        "TIPP", "ANFRAGE", "ZUSAMMENHANG", "ANWEISUNG", "DETALLE", "CONSULTA", "CONTEXTO", "SENTENCIA",
        "DÉTAIL", "ASTUCE", "REQUÊTE", "CONTEXTE", "INSTRUCTION", "DETTAGLI", "SUGGERIMENTO", "CONTESTO", "ISTRUZIONE",
        "詳細", "ヒント", "問い合わせ", "文脈", "文", "상세정보", "힌트", "내용", "명령 구문", "ПОДРОБНОСТИ", "ПОДСКАЗКА",
        "ЗАПРОС", "КОНТЕКСТ", "ОПЕРАТОР", "DETALJ", "TIPS", "FRÅGA", "KONTEXT", "SATS", "ВІДОМОСТІ", "УКАЗІВКА",
        "ЗАПИТ", "ІНСТРУКЦІЯ", "详细信息", "提示", "查询", "上下文", "语句"};
    /**
     * PostgreSQL's severities, which open a message. The server writes {@code DEBUG} at every debug level, as
     * Pgpool-II does; {@code DEBUG1} to {@code DEBUG5} are the levels' names in its settings.
     */
    private static final String[] SEVERITIES = {"ERROR", "FATAL", "PANIC", "WARNING", "LOG", "NOTICE", "INFO",
        "DEBUG", "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5"};
    /**
     * The severities as PostgreSQL's translations write them ({@link #PARTS}' languages; Japanese keeps English's),
     * each with its level: debugging, the server's log and information, notices (information, as English's), warnings,
     * errors, fatal errors and panics.
     */
    private static final Map<String, Severity> TRANSLATED = translated(Map.of(
            Severity.DEBUG, List.of("ОТЛАДКА", "НАЛАГОДЖЕННЯ", "调试", "디버그"),
            Severity.INFO, List.of("LOGG", "СООБЩЕНИЕ", "ЗАПИСУВАННЯ", "日志", "로그", "ИНФОРМАЦИЯ", "ІНФОРМАЦІЯ", "信息",
                    "정보", "HINWEIS", "NOTIFICA", "NOTIS", "ЗАМЕЧАНИЕ", "ПОВІДОМЛЕННЯ", "注意", "알림"),
            Severity.WARN, List.of("WARNUNG", "ATTENTION", "ATTENZIONE", "VARNING", "ПРЕДУПРЕЖДЕНИЕ", "ПОПЕРЕДЖЕННЯ",
                    "警告", "경고"),
            Severity.ERROR, List.of("FEHLER", "ERREUR", "ERRORE", "FEL", "ОШИБКА", "ПОМИЛКА", "错误", "오류"),
            Severity.FATAL, List.of("FATALE", "FATALT", "ВАЖНО", "ФАТАЛЬНО", "致命错误", "치명적오류", "PANIK", "PANICO",
                    "ПАНИКА", "ПАНІКА", "比致命错误还过分的错误", "손상")));
    /** Every severity's word, English's and the translations'. */
    private static final String[] ALL_SEVERITIES = Stream.concat(Arrays.stream(SEVERITIES),
            TRANSLATED.keySet().stream().sorted()).toArray(String[]::new);
    /** How far into a line the server's prefix may reach. */
    private static final int MAX_PREFIX = 256;
    private static final String MARK = ":  ";
    private static final String LOG = "LOG";
    private static final String DEBUG = "DEBUG";

    private PostgresMessages() {
    }

    /**
     * Where the severity of a message's first line starts ({@code ERROR:  ...} after the server's prefix): the word
     * before the line's first colon and two spaces, when that is one of PostgreSQL's severities; else -1.
     */
    public static int severityTag(String line) {
        return tagOf(line, ALL_SEVERITIES, MAX_PREFIX);
    }

    /** As {@link #severityTag(String)}, the colon before {@code within}: a line is looked at no further. */
    public static int severityTag(String line, int within) {
        return tagOf(line, ALL_SEVERITIES, Math.min(within, MAX_PREFIX));
    }

    /** Where a message part's tag starts ({@code STATEMENT:  SELECT ...} after the prefix), else -1. */
    public static int partTag(String line) {
        return tagOf(line, PARTS, MAX_PREFIX);
    }

    /** Where the message after the tag starting at {@code tag} starts, past the colon and the spaces. */
    public static int messageStart(String line, int tag) {
        int i = line.indexOf(MARK, tag) + MARK.length();
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * The level a PostgreSQL severity names: {@code LOG}, what the server reports of its own work, and
     * {@code NOTICE} information; {@code DEBUG1} to {@code DEBUG5} debug; a translation as its English word; the
     * others by their words. Null for any other word.
     */
    public static Severity severity(String text, int from, int to) {
        if (to - from == LOG.length() && text.startsWith(LOG, from)) {
            return Severity.INFO;
        }
        if (to - from == DEBUG.length() + 1 && text.startsWith(DEBUG, from)
                && text.charAt(to - 1) >= '1' && text.charAt(to - 1) <= '5') {
            return Severity.DEBUG;
        }
        Severity english = Severity.fromWord(text, from, to);
        return english != null || to - from < 2 ? english : TRANSLATED.get(text.substring(from, to));
    }

    /** The first colon and two spaces, the colon at {@code within} at most; -1 when there is none so early. */
    private static int indexOf(String line, int within) {
        int last = Math.min(within, line.length() - MARK.length());
        for (int i = 0; i <= last; i++) {
            if (line.charAt(i) == ':' && line.charAt(i + 1) == ' ' && line.charAt(i + 2) == ' ') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where the word of {@code words} that ends at the first colon and two spaces starts, a space before the colon
     * aside (French's {@code INSTRUCTION :}), the word at the line's start or after a space; -1 if none does.
     */
    private static int tagOf(String line, String[] words, int within) {
        int colon = indexOf(line, within);
        if (colon < 0) {
            return -1;
        }
        int end = colon > 0 && line.charAt(colon - 1) == ' ' ? colon - 1 : colon;
        for (String word : words) {
            int tag = end - word.length();
            if (tag >= 0 && line.startsWith(word, tag) && (tag == 0 || line.charAt(tag - 1) == ' ')) {
                return tag;
            }
        }
        return -1;
    }

    private static Map<String, Severity> translated(Map<Severity, List<String>> words) {
        Map<String, Severity> byWord = new HashMap<>();
        words.forEach((severity, list) -> list.forEach(word -> byWord.put(word, severity)));
        return Map.copyOf(byWord);
    }
}
