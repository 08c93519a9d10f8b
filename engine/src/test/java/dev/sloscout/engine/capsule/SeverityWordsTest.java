package dev.sloscout.engine.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Level words read in place (no copy) name the levels they name as whole words, in any case. */
class SeverityWordsTest {
    @Test
    void levelWordsAreReadInAnyCaseWhereverTheyStand() {
        assertThat(Severity.fromWord("warning")).isEqualTo(Severity.WARN);
        assertThat(Severity.fromWord("Information")).isEqualTo(Severity.INFO);
        assertThat(Severity.fromWord("eRr")).isEqualTo(Severity.ERROR);
        assertThat(Severity.fromWord("EMERGENCY")).isEqualTo(Severity.FATAL);
        assertThat(Severity.fromWord("finest")).isEqualTo(Severity.TRACE);
        assertThat(Severity.fromWord("fail")).as(".NET's console").isEqualTo(Severity.ERROR);
        assertThat(Severity.fromWord("dbug")).isEqualTo(Severity.DEBUG);
        assertThat(Severity.fromWord("trce")).isEqualTo(Severity.TRACE);
        assertThat(Severity.fromWord("silly")).as("winston's npm levels, tslog's").isEqualTo(Severity.TRACE);
        assertThat(Severity.fromWord("SUCCESS")).as("loguru's, between INFO and WARNING").isEqualTo(Severity.INFO);
        assertThat(Severity.fromWord("DEBG")).as("supervisord's four letters").isEqualTo(Severity.DEBUG);
        assertThat(Severity.fromWord("ERRO")).isEqualTo(Severity.ERROR);
        assertThat(Severity.fromWord("EROR")).as("log15's, go-ethereum's").isEqualTo(Severity.ERROR);
        assertThat(Severity.fromWord("TRAC")).isEqualTo(Severity.TRACE);
        assertThat(Severity.fromWord("BLAT")).isEqualTo(Severity.TRACE);
        assertThat(Severity.fromWord("TRC")).as("zerolog's three letters").isEqualTo(Severity.TRACE);
        assertThat(Severity.fromWord("FTL")).isEqualTo(Severity.FATAL);
        assertThat(Severity.fromWord("PNC")).isEqualTo(Severity.FATAL);
        assertThat(Severity.fromWord("VRB")).as("Serilog's verbose").isEqualTo(Severity.TRACE);
        assertThat(Severity.fromWord("DPANIC")).as("zap's").isEqualTo(Severity.FATAL);
        assertThat(Severity.fromWord("x [DEBUG] y", 3, 8)).isEqualTo(Severity.DEBUG);
        assertThat(Severity.fromWord("x [DEBUG] y", 2, 8)).isNull();
        assertThat(Severity.fromWord("INFORMATIONAL")).isNull();
        assertThat(Severity.fromWord("INF0")).isNull();
        assertThat(Severity.fromWord("")).isNull();
        assertThat(Severity.fromWord("I")).isNull();
    }

    /** Words a logger writes only in capitals, and prose opens with, are levels only so. */
    @Test
    void configAndNoiseAreLevelsOnlyInCapitals() {
        assertThat(Severity.fromWord("CONFIG")).as("java.util.logging's").isEqualTo(Severity.INFO);
        assertThat(Severity.fromWord("config")).as("ptp4l's config item x is 0").isNull();
        assertThat(Severity.fromWord("Config")).isNull();
        assertThat(Severity.fromWord("KONFIGURATION")).isEqualTo(Severity.INFO);
        assertThat(Severity.fromWord("Konfiguration")).isNull();
        assertThat(Severity.fromWord("NOISE")).as("PgBouncer's, below DEBUG").isEqualTo(Severity.TRACE);
        assertThat(Severity.fromWord("x NOISE y", 2, 7)).isEqualTo(Severity.TRACE);
        assertThat(Severity.fromWord("noise")).isNull();
        assertThat(Severity.fromWord("notice")).as("other words in any case").isEqualTo(Severity.INFO);
    }

    /**
     * java.util.logging writes its levels' names in the JVM's language (a server's default locale): each language's
     * names for SEVERE, WARNING, INFO and CONFIG, as the JDK gives them, name the levels they translate.
     */
    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "it", "pt-BR", "sv", "ja", "zh-CN", "ko"})
    void javaUtilLoggingsLevelsInTheJvmsLanguageAreLevels(String language) {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(language));
            assertThat(Severity.fromWord(Level.SEVERE.getLocalizedName())).isEqualTo(Severity.ERROR);
            assertThat(Severity.fromWord(Level.WARNING.getLocalizedName())).isEqualTo(Severity.WARN);
            assertThat(Severity.fromWord(Level.INFO.getLocalizedName())).isEqualTo(Severity.INFO);
            assertThat(Severity.fromWord(Level.CONFIG.getLocalizedName())).isEqualTo(Severity.INFO);
        } finally {
            Locale.setDefault(before);
        }
        assertThat(Severity.fromWord("fin")).as("Swedish FINE is French for end: not read").isNull();
    }

    /** Against the plain reading: the word copied, upper-cased and looked up. */
    @Test
    void randomWordsReadAsTheirUpperCaseCopy() {
        String[] words = {"trace", "finest", "finer", "verbose", "debug", "fine", "dbg", "info", "information",
            "notice", "config", "inf", "warn", "warning", "wrn", "error", "err", "severe", "crit", "critical",
            "failure", "fatal", "alert", "emerg", "emergency", "panic", "infos", "war", "errors", "main", "trac",
            "trce", "dbug", "fail", "fails", "success", "succeed", "silly", "debg", "erro", "blat", "errr", "trc",
            "vrb", "ftl", "pnc", "ftp", "dpanic", "dpanics", "noise", "warnung", "fein", "feiner", "précis", "grave",
            "fin", "información", "finaste", "警告", "情報", "konfiguration"};
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder word = new StringBuilder(words[random.nextInt(words.length)]);
            for (int i = 0; i < word.length(); i++) {
                if (random.nextBoolean()) {
                    word.setCharAt(i, Character.toUpperCase(word.charAt(i)));
                }
            }
            if (random.nextInt(10) == 0) {
                word.setCharAt(random.nextInt(word.length()), (char) ('a' + random.nextInt(26)));
            }
            if (random.nextInt(10) == 0) { // next to the letters, or not ASCII: the dotless i folds to I, long s to S
                word.setCharAt(random.nextInt(word.length()), ODD_CHARS.charAt(random.nextInt(ODD_CHARS.length())));
            }
            String padded = "[" + word + "]";
            Severity expected = reference(word.toString());
            assertThat(Severity.fromWord(word)).as(word.toString()).isEqualTo(expected);
            assertThat(Severity.fromWord(padded, 1, padded.length() - 1)).as(padded).isEqualTo(expected);
        }
    }

    private static final String ODD_CHARS = "@[`{\u0131\u017f\u0130\u00e9\u00ff\u0149";

    /** The word upper-cased a character at a time (as {@link Character#toUpperCase(char)} folds), then looked up. */
    private static Severity reference(String word) {
        StringBuilder upper = new StringBuilder(word.length());
        word.chars().forEach(c -> upper.append(Character.toUpperCase((char) c)));
        boolean capitals = word.chars().noneMatch(Character::isLowerCase);
        return switch (upper.toString()) {
            case "CONFIG", "KONFIGURATION", "CONFIGURAR", "CONFIGURAZIONE", "CONFIGURAÇÃO", "KONFIG" ->
                    capitals ? Severity.INFO : null;
            case "NOISE" -> capitals ? Severity.TRACE : null;
            case "TRACE", "FINEST", "FINER", "VERBOSE", "TRCE", "SILLY", "TRAC", "BLAT", "TRC", "VRB", "FEINER",
                "FINARE", "FINASTE", "詳細" -> Severity.TRACE;
            case "DEBUG", "FINE", "DBG", "DBUG", "DEBG", "FEIN", "PRÉCIS", "DETALLADO", "DETALHADO", "详细" ->
                    Severity.DEBUG;
            case "INFO", "INFORMATION", "NOTICE", "INF", "NOTE", "SUCCESS", "INFOS", "INFORMACIÓN", "INFORMAZIONI",
                "INFORMAÇÕES", "情報", "信息", "정보", "構成", "配置", "구성" -> Severity.INFO;
            case "WARN", "WARNING", "WRN", "WARNUNG", "AVERTISSEMENT", "ADVERTENCIA", "AVVERTENZA", "ADVERTÊNCIA",
                "VARNING", "警告", "경고" -> Severity.WARN;
            case "ERROR", "ERR", "ERRO", "EROR", "SEVERE", "CRIT", "CRITICAL", "FAILURE", "FAIL", "SCHWERWIEGEND",
                "GRAVE", "ALLVARLIG", "重大", "严重", "심각" -> Severity.ERROR;
            case "FATAL", "ALERT", "EMERG", "EMERGENCY", "PANIC", "FTL", "PNC", "DPANIC" -> Severity.FATAL;
            default -> null;
        };
    }
}
