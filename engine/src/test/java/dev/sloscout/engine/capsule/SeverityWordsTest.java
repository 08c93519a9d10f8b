package dev.sloscout.engine.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

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

    /** Against the plain reading: the word copied, upper-cased and looked up. */
    @Test
    void randomWordsReadAsTheirUpperCaseCopy() {
        String[] words = {"trace", "finest", "finer", "verbose", "debug", "fine", "dbg", "info", "information",
            "notice", "config", "inf", "warn", "warning", "wrn", "error", "err", "severe", "crit", "critical",
            "failure", "fatal", "alert", "emerg", "emergency", "panic", "infos", "war", "errors", "main", "trac",
            "trce", "dbug", "fail", "fails", "success", "succeed", "silly", "debg", "erro", "blat", "errr", "trc",
            "vrb", "ftl", "pnc", "ftp", "dpanic", "dpanics"};
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
        return switch (upper.toString()) {
            case "TRACE", "FINEST", "FINER", "VERBOSE", "TRCE", "SILLY", "TRAC", "BLAT", "TRC", "VRB" ->
                    Severity.TRACE;
            case "DEBUG", "FINE", "DBG", "DBUG", "DEBG" -> Severity.DEBUG;
            case "INFO", "INFORMATION", "NOTICE", "CONFIG", "INF", "NOTE", "SUCCESS" -> Severity.INFO;
            case "WARN", "WARNING", "WRN" -> Severity.WARN;
            case "ERROR", "ERR", "ERRO", "EROR", "SEVERE", "CRIT", "CRITICAL", "FAILURE", "FAIL" -> Severity.ERROR;
            case "FATAL", "ALERT", "EMERG", "EMERGENCY", "PANIC", "FTL", "PNC", "DPANIC" -> Severity.FATAL;
            default -> null;
        };
    }
}
