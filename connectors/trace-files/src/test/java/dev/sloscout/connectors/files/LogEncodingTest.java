package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LogEncodingTest {

    /** Text of any characters, surrogate pairs included, in any UTF-16 form, read a few bytes at a time or many. */
    @Property(tries = 300)
    void utf16TextBecomesExactlyItsUtf8Bytes(@ForAll("text") String text, @ForAll("utf16") Charset charset,
            @ForAll @IntRange(min = 1, max = 20_000) int readSize) throws IOException {
        byte[] utf16 = text.getBytes(charset);
        LogEncoding.Kind kind = charset.equals(StandardCharsets.UTF_16) ? LogEncoding.Kind.UTF_16_MARKED
                : charset.equals(StandardCharsets.UTF_16BE) ? LogEncoding.Kind.UTF_16BE : LogEncoding.Kind.UTF_16LE;

        assertThat(readAll(LogEncoding.utf8(new ByteArrayInputStream(utf16), kind), readSize))
                .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars('a', 'z').withChars('\n', ' ', '\u00e9', '\u20ac', '\ud7ff')
                .withCharRange('\u4e00', '\u4e10').ofMaxLength(30_000)
                .map(s -> s.replace("\u4e05", "\ud83d\ude00").replace("\u4e06", "\ud800\udc00"));
    }

    @Provide
    Arbitrary<Charset> utf16() {
        return Arbitraries.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);
    }

    @Test
    void textAcrossTheTranscodersBufferWithAPairOfSurrogatesAtItsEdgeIsWhole() throws IOException {
        String text = "x".repeat(8191) + "\ud83d\ude00" + "y".repeat(9000); // the pair's halves at 8191 and 8192
        byte[] read = readAll(LogEncoding.utf8(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_16LE)),
                LogEncoding.Kind.UTF_16LE), 4096);

        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void aFileCutInTheMiddleOfACharacterEndsInOneReplacementCharacter() throws IOException {
        byte[] utf16 = "ok \u00e9".getBytes(StandardCharsets.UTF_16LE);
        byte[] cut = java.util.Arrays.copyOf(utf16, utf16.length - 1);

        assertThat(new String(readAll(LogEncoding.utf8(new ByteArrayInputStream(cut), LogEncoding.Kind.UTF_16LE), 64),
                StandardCharsets.UTF_8)).isEqualTo("ok \ufffd");
    }

    @Test
    void utf16IsToldByItsMarkOrByTheZerosBesideAsciiAndBinaryFromText() {
        String line = "2024-03-01 10:00:00 INFO started\n";
        assertThat(LogEncoding.sniff(line.getBytes(StandardCharsets.UTF_16))).isEqualTo(LogEncoding.Kind.UTF_16_MARKED);
        assertThat(LogEncoding.sniff(line.getBytes(StandardCharsets.UTF_16LE))).isEqualTo(LogEncoding.Kind.UTF_16LE);
        assertThat(LogEncoding.sniff(line.getBytes(StandardCharsets.UTF_16BE))).isEqualTo(LogEncoding.Kind.UTF_16BE);
        assertThat(LogEncoding.sniff(line.getBytes(StandardCharsets.UTF_8))).isEqualTo(LogEncoding.Kind.TEXT);
        assertThat(LogEncoding.sniff("\u001b[31mred\u001b[0m caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(LogEncoding.Kind.TEXT);
        byte[] random = new byte[8192];
        new java.util.Random(3).nextBytes(random);
        assertThat(LogEncoding.sniff(random)).isEqualTo(LogEncoding.Kind.BINARY);
        assertThat(LogEncoding.sniff(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0})).isEqualTo(LogEncoding.Kind.BINARY);
        assertThat(LogEncoding.sniff(new byte[0])).isEqualTo(LogEncoding.Kind.TEXT);
    }

    private static byte[] readAll(InputStream in, int readSize) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[readSize];
        for (int n; (n = in.read(buffer, 0, readSize)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
