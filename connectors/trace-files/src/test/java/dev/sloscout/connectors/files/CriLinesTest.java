package dev.sloscout.connectors.files;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CriLinesTest {
    /** What {@link CriLines#contentStart} leaves of a line: the container's line, or null when it is none. */
    private static String content(String line) {
        byte[] bytes = ("##" + line + "##").getBytes(StandardCharsets.UTF_8); // offsets inside a larger buffer
        int at = CriLines.contentStart(bytes, 2, bytes.length - 2);
        return at < 0 ? null : new String(bytes, at, bytes.length - 2 - at, StandardCharsets.UTF_8);
    }

    @Test
    void theRuntimesPrefixIsTakenOff() {
        assertThat(content("2024-03-01T12:00:00.123456789Z stdout F GET /cart 200")).isEqualTo("GET /cart 200");
        assertThat(content("2024-03-01T12:00:00Z stderr P \tat a.B.run(B.java:10)"))
                .isEqualTo("\tat a.B.run(B.java:10)");
        assertThat(content("2024-03-01T13:00:00.5+01:00 stdout F {\"msg\":\"x\"}")).isEqualTo("{\"msg\":\"x\"}");
        assertThat(content("2024-03-01T12:00:00.123-05:30 stdout F")).isEmpty();
    }

    /** The runtime's time of a line, or null when it has none. */
    private static java.time.Instant time(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        long millis = CriLines.epochMillis(bytes, 0, CriLines.contentStart(bytes, 0, bytes.length));
        return millis == dev.sloscout.engine.capsule.LogHeader.NO_TIME ? null : java.time.Instant.ofEpochMilli(millis);
    }

    @Test
    void theRuntimesTimeIsReadToTheMillisecond() {
        assertThat(time("2024-03-01T12:00:00.123456789Z stdout F x")).isEqualTo("2024-03-01T12:00:00.123Z");
        assertThat(time("2024-02-29T23:59:59Z stdout F x")).isEqualTo("2024-02-29T23:59:59Z");
        assertThat(time("2024-03-01T13:30:00.5+01:30 stdout F x")).isEqualTo("2024-03-01T12:00:00.500Z");
        assertThat(time("2024-03-01T06:00:00.07-06:00 stdout F x")).isEqualTo("2024-03-01T12:00:00.070Z");
        assertThat(time("2023-02-29T12:00:00Z stdout F no such day")).isNull();
        assertThat(time("2024-03-01 12:00:00 INFO not a CRI line")).isNull();
    }

    @Test
    void linesThatOnlyLookLikeItAreLeftAlone() {
        assertThat(content("2024-03-01 12:00:00.123Z stdout F no T")).isNull();
        assertThat(content("2024-03-01T12:00:00.123 stdout F no zone")).isNull();
        assertThat(content("2024-03-01T12:00:00.Z stdout F no fraction digits")).isNull();
        assertThat(content("2024-03-01T12:00:00Z stdin F another stream")).isNull();
        assertThat(content("2024-03-01T12:00:00Z stdout X another tag")).isNull();
        assertThat(content("2024-03-01T12:00:00Z stdout Fx")).isNull();
        assertThat(content("2024-03-01T12:00:00Z INFO stdout F app")).isNull();
        assertThat(content("2024-03-01T12:00")).isNull();
    }
}
