package dev.sloscout.engine.capsule;

/** Log severity on one scale for every source: syslog names, Java/Python levels, single letters, OTLP numbers. */
public enum Severity {
    UNKNOWN, TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    /** The severity a level word names, or null when the word is not a level (so callers can tell). */
    public static Severity fromWord(CharSequence word) {
        return fromWord(word, 0, word.length());
    }

    /**
     * The severity {@code text[from..to)} names, ignoring case, or null: without copying the word (header fields are
     * asked this for every line). The words that are levels only in capitals ({@link #CAPITALS_ONLY}) are no level
     * with a lower-case letter.
     */
    public static Severity fromWord(CharSequence text, int from, int to) {
        int length = to - from;
        if (length < SHORTEST || length >= WORDS_BY_LENGTH.length) {
            return null;
        }
        String[] names = WORDS_BY_LENGTH[length];
        for (int i = 0; i < names.length; i++) {
            if (sameIgnoringCase(text, from, names[i])) {
                return CAPITALS_BY_LENGTH[length][i] && hasLowerCase(text, from, to) ? null
                        : LEVELS_BY_LENGTH[length][i];
            }
        }
        return null;
    }

    private static boolean hasLowerCase(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameIgnoringCase(CharSequence text, int from, String upper) {
        for (int k = 0; k < upper.length(); k++) {
            char c = text.charAt(from + k);
            char expected = upper.charAt(k);
            if (c != expected && (c < 0x80 ? c - ('a' - 'A') : Character.toUpperCase(c)) != expected) {
                return false; // ASCII folded by hand: the table look-up is for the rest (the dotless i is an I)
            }
        }
        return true;
    }

    /** Android/glog style single letters (V D I W E F A), capnslog's N (notice) and C (critical), or null. */
    public static Severity fromLetter(char c) {
        return switch (c) {
            case 'V' -> TRACE;
            case 'D' -> DEBUG;
            case 'I', 'N' -> INFO;
            case 'W' -> WARN;
            case 'E', 'C' -> ERROR; // C: critical, an error as the word is
            case 'F', 'A' -> FATAL;
            default -> null;
        };
    }

    /**
     * The symbol a command-line tool's logger writes for a level (log-symbols' and consola's {@code ℹ ✔ ⚠ ✖}, their
     * variants {@code ✓ ✗ ✘}, consola's {@code ⚙} for debugging, apex/log's {@code ⨯} for errors, as goreleaser
     * prints them), or null: a success is information. apex/log's {@code •} stands for debug, info and warn alike.
     */
    static Severity fromSymbol(char c) {
        return switch (c) {
            case '\u2699' -> DEBUG; // ⚙
            case '\u2139', '\u2714', '\u2713' -> INFO; // ℹ ✔ ✓
            case '\u26A0' -> WARN; // ⚠
            case '\u2716', '\u2717', '\u2718', '\u2A2F' -> ERROR; // ✖ ✗ ✘ ⨯
            default -> null;
        };
    }

    /**
     * A syslog severity (0 emergency .. 7 debug, as journald's {@code PRIORITY} and RFC 5424's {@code <PRI>} carry it,
     * the facility taken off), or null out of range.
     */
    public static Severity fromSyslog(int severity) {
        if (severity < 0 || severity > 7) {
            return null;
        }
        return severity <= 2 ? FATAL : severity == 3 ? ERROR : severity == 4 ? WARN : severity <= 6 ? INFO : DEBUG;
    }

    /** OTLP {@code SeverityNumber} (1-24), 0 or out of range is unknown. */
    public static Severity fromOtlpNumber(int number) {
        if (number <= 0 || number > 24) {
            return UNKNOWN;
        }
        return values()[1 + (number - 1) / 4];
    }

    /**
     * The severity an HTTP status says of the request it answered, by its class: a 5xx is an error, a 4xx a
     * warning, 1xx to 3xx information; unknown for a number that is no status.
     */
    public static Severity ofHttpStatus(int status) {
        return status >= 500 && status < 600 ? ERROR : status >= 400 && status < 500 ? WARN
                : status >= 100 && status < 400 ? INFO : UNKNOWN;
    }

    /** The level words, upper case. */
    private static final java.util.Map<String, Severity> LEVELS = levels();
    /** The shortest level word: two characters, Japanese's, Chinese's and Korean's. */
    private static final int SHORTEST = 2;
    /** The level words by length, for {@link #fromWord(CharSequence, int, int)}. */
    private static final String[][] WORDS_BY_LENGTH = byLength(LEVELS.keySet());
    /** The severity of each word in {@link #WORDS_BY_LENGTH}, at the same place. */
    private static final Severity[][] LEVELS_BY_LENGTH = java.util.Arrays.stream(WORDS_BY_LENGTH)
            .map(words -> java.util.Arrays.stream(words).map(LEVELS::get).toArray(Severity[]::new))
            .toArray(Severity[][]::new);
    /**
     * The level words no logger writes in lower case and prose often opens with: java.util.logging's CONFIG in each
     * language it names it in ({@code config item x is 0} is ptp4l's message, no level), PgBouncer's NOISE.
     */
    private static final java.util.Set<String> CAPITALS_ONLY = java.util.Set.of("CONFIG", "KONFIGURATION",
            "CONFIGURAR", "CONFIGURAZIONE", "CONFIGURAÇÃO", "KONFIG", "NOISE");
    /** Whether each word in {@link #WORDS_BY_LENGTH} is in {@link #CAPITALS_ONLY}, at the same place. */
    private static final boolean[][] CAPITALS_BY_LENGTH = capitalsByLength();

    private static boolean[][] capitalsByLength() {
        boolean[][] out = new boolean[WORDS_BY_LENGTH.length][];
        for (int length = 0; length < out.length; length++) {
            out[length] = new boolean[WORDS_BY_LENGTH[length].length];
            for (int i = 0; i < out[length].length; i++) {
                out[length][i] = CAPITALS_ONLY.contains(WORDS_BY_LENGTH[length][i]);
            }
        }
        return out;
    }

    private static java.util.Map<String, Severity> levels() {
        java.util.Map<String, Severity> levels = new java.util.HashMap<>();
        // .NET's console: trce, dbug, fail; silly: winston's npm levels and tslog, below debug; supervisord's four
        // letters: blat (blather, below trace), trac, debg, erro; three letters: zerolog's trc, ftl, pnc (panic),
        // Serilog's vrb (verbose) and ftl; log15's and go-ethereum's eror; PgBouncer's noise, below its debug
        name(levels, TRACE, "TRACE", "FINEST", "FINER", "VERBOSE", "TRCE", "SILLY", "TRAC", "BLAT", "TRC", "VRB",
                "NOISE");
        name(levels, DEBUG, "DEBUG", "FINE", "DBG", "DBUG", "DEBG");
        name(levels, INFO, "INFO", "INFORMATION", "NOTICE", "CONFIG", "INF", "NOTE", "SUCCESS"); // loguru's
        name(levels, WARN, "WARN", "WARNING", "WRN");
        name(levels, ERROR, "ERROR", "ERR", "ERRO", "EROR", "SEVERE", "CRIT", "CRITICAL", "FAILURE", "FAIL");
        // zap's dpanic: an error that panics in development, fatal as OpenTelemetry's zap bridge reads it
        name(levels, FATAL, "FATAL", "ALERT", "EMERG", "EMERGENCY", "PANIC", "FTL", "PNC", "DPANIC");
        // java.util.logging's names in the JVM's language (a JVM's default locale): German, French, Spanish, Italian,
        // Brazilian Portuguese, Swedish, Japanese, Chinese, Korean; of the finer levels, those no other word means
        name(levels, ERROR, "SCHWERWIEGEND", "GRAVE", "ALLVARLIG", "重大", "严重", "심각");
        name(levels, WARN, "WARNUNG", "AVERTISSEMENT", "ADVERTENCIA", "AVVERTENZA", "ADVERTÊNCIA", "VARNING", "警告",
                "경고");
        name(levels, INFO, "INFOS", "INFORMACIÓN", "INFORMAZIONI", "INFORMAÇÕES", "情報", "信息", "정보", "KONFIGURATION",
                "CONFIGURAR", "CONFIGURAZIONE", "CONFIGURAÇÃO", "KONFIG", "構成", "配置", "구성");
        name(levels, DEBUG, "FEIN", "PRÉCIS", "DETALLADO", "DETALHADO", "详细");
        name(levels, TRACE, "FEINER", "FINARE", "FINASTE", "詳細");
        return java.util.Map.copyOf(levels);
    }

    private static void name(java.util.Map<String, Severity> levels, Severity level, String... words) {
        for (String word : words) {
            levels.put(word, level);
        }
    }

    private static String[][] byLength(java.util.Set<String> words) {
        int longest = words.stream().mapToInt(String::length).max().orElse(0);
        String[][] out = new String[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int l = length;
            out[length] = words.stream().filter(w -> w.length() == l).sorted().toArray(String[]::new);
        }
        return out;
    }
}
