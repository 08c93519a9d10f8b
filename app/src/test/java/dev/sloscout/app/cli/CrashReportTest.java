package dev.sloscout.app.cli;

import dev.sloscout.app.CrashLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An unexpected failure: one line on stderr, never "slo-scout: null"; the stack trace in an owner-only log file. */
class CrashReportTest {
    @TempDir
    Path home;
    private String previous;

    @BeforeEach
    void useHome() {
        previous = System.getProperty("sloscout.home");
        System.setProperty("sloscout.home", home.toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty("sloscout.home");
        } else {
            System.setProperty("sloscout.home", previous);
        }
    }

    @Test
    void runningOutOfMemoryIsOneLineSayingWhatToRaise() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SloScoutCommand.crashed(new OutOfMemoryError("Java heap space"), new String[] {"analyze", "x.json"},
                new PrintStream(err, true, StandardCharsets.UTF_8), false, java.time.Clock.systemUTC());

        assertThat(exit).isEqualTo(SloScoutCommand.EXIT_UNUSABLE);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().satisfies(line ->
                assertThat(line).startsWith("slo-scout: out of memory (Java heap space)").contains("-Xmx")
                        .contains("--max-open-spans").doesNotContain("\tat "));
    }

    @Test
    void aFailureWithoutMessageSaysWhatItWasAndWhereTheTraceIs() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SloScoutCommand.crashed(new NullPointerException(), new String[] {"analyze", "x.json"},
                new PrintStream(err, true, StandardCharsets.UTF_8), false, java.time.Clock.systemUTC());

        assertThat(exit).isEqualTo(SloScoutCommand.EXIT_UNUSABLE);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .startsWith("slo-scout: unexpected NullPointerException (details in " + home.resolve("logs"))
                .doesNotContain("null ("));
        Path log;
        try (var files = Files.list(home.resolve("logs"))) {
            log = files.findFirst().orElseThrow();
        }
        assertThat(Files.readString(log)).contains("command: slo-scout analyze x.json")
                .contains("java.lang.NullPointerException").contains("at dev.sloscout.app.cli.CrashReportTest");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    }

    @Test
    void debugPrintsTheStackTraceTooAndOutOfMemoryIsExplained() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SloScoutCommand.crashed(new IllegalStateException("broken\nacross lines"), new String[] {"journeys", "--debug"},
                new PrintStream(err, true, StandardCharsets.UTF_8), true, java.time.Clock.systemUTC());
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("slo-scout: broken across lines (details in ");
        assertThat(text).contains("at dev.sloscout.app.cli.CrashReportTest");
        assertThat(CrashLog.oneLine(new OutOfMemoryError("Java heap space")))
                .isEqualTo("out of memory (Java heap space); give the JVM more heap (-Xmx) or read less at once");
    }
}
