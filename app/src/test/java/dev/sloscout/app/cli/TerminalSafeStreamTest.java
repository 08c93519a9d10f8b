package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing a file or a server supplies reaches the terminal as an escape sequence or a bidi override. */
class TerminalSafeStreamTest {
    /** Clear screen, a window title ending in BEL, 8-bit CSI, a right-to-left override, DEL. */
    private static final String HOSTILE = "a\u001b[2Jb\u001b]0;owned\u0007c\u009b31md\u202ee\u007ff";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new TerminalSafeStream(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printedTextHasEveryControlShownAsAQuestionMark() {
        stream.println(HOSTILE);
        stream.print((Object) "\u2066x\u2069");
        stream.printf("%s%n", "\u0000");

        assertThat(written()).isEqualTo("a?[2Jb?]0;owned?c?31md?e?f\n?x??\n");
    }

    @Test
    void tabsLineEndsAndEveryOtherCharacterGoThroughUnchanged() {
        String text = "naïve\tcafé\r日本 ✓ 🙂 \u00a0\u2014\u2070 ok\n";
        stream.print(text);
        stream.write('x');

        assertThat(written()).isEqualTo(text + "x");
    }

    @Test
    void bytesWrittenAsUtf8AreCleanedToo() {
        PrintWriter writer = new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
        writer.println(HOSTILE + " ©\u2019\u2026");

        assertThat(written()).isEqualTo("a?[2Jb?]0;owned?c?31md?e?f ©\u2019\u2026" + System.lineSeparator());
    }

    @Test
    void aSequenceSplitAcrossWritesIsStillRecognised() {
        byte[] override = "\u202e".getBytes(StandardCharsets.UTF_8);
        byte[] csi = "\u009b".getBytes(StandardCharsets.UTF_8);
        for (byte b : override) {
            stream.write(new byte[] {b}, 0, 1);
        }
        stream.write(csi, 0, 1);
        stream.write(csi, 1, 1);
        stream.write("\u00e9".getBytes(StandardCharsets.UTF_8), 0, 2);
        stream.flush();

        assertThat(written()).isEqualTo("??é");
    }

    @Test
    void aLoneLeadByteIsLetThroughOnFlush() {
        stream.write(0xE2);
        stream.flush();

        assertThat(bytes.toByteArray()).containsExactly((byte) 0xE2);
    }

    @Test
    void theCliNeverPassesAnEscapeFromAFileNameOrAnArgumentToStderr(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("dump\u001b]52;c;ZWNobyBvd25lZA==\u0007\u202e.json"), "not json");

        CliRun stats = CliRun.of("ingest-stats", file.toString());
        CliRun usage = CliRun.of("journeys", file.toString(), "--\u001b[8mhidden");

        assertThat(stats.err()).contains("dump?]52;c;ZWNobyBvd25lZA==??.json").contains("not a trace file");
        assertThat(usage.exitCode()).isEqualTo(SloScoutCommand.EXIT_UNUSABLE);
        assertThat(usage.err()).contains("--?[8mhidden");
        assertThat(stats.err() + usage.err()).doesNotContain("\u001b").doesNotContain("\u0007")
                .doesNotContain("\u202e");
    }
}
