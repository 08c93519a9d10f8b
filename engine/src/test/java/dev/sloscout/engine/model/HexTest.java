package dev.sloscout.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Ids read eight bytes at a time give what the digit-by-digit reading gives, errors included. */
class HexTest {
    /** Sixteen hex digits of either case, sometimes with one byte of any value (a stray, a UTF-8 byte) in any place. */
    @Provide
    Arbitrary<byte[]> sixteen() {
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(16);
        Arbitrary<byte[]> clean = hex.map(text -> text.getBytes(StandardCharsets.US_ASCII));
        Arbitrary<byte[]> stray = hex.flatMap(text -> Arbitraries.integers().between(0, 15)
                .flatMap(at -> Arbitraries.integers().between(0, 255).map(value -> {
                    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
                    bytes[at] = value.byteValue();
                    return bytes;
                })));
        return Arbitraries.oneOf(clean, stray);
    }

    @Property(tries = 2000)
    void sixteenDigitsAtOnceReadAsDigitByDigit(@ForAll("sixteen") byte[] digits) {
        byte[] bytes = new byte[digits.length + 3];
        System.arraycopy(digits, 0, bytes, 3, digits.length);
        long expected;
        try {
            expected = Hex.parseLong(bytes, 3, 19);
        } catch (IllegalArgumentException e) {
            assertThatThrownBy(() -> Hex.parseSixteen(bytes, 3)).hasMessage(e.getMessage());
            return;
        }
        assertThat(Hex.parseSixteen(bytes, 3)).isEqualTo(expected);
    }

    @Property(tries = 200)
    void idsReadFromBytesMatchTheirText(@ForAll long high, @ForAll long low) {
        TraceId trace = new TraceId(high | 1, low);
        byte[] bytes = ("{\"" + trace.toHex() + "\"").getBytes(StandardCharsets.US_ASCII);
        assertThat(TraceId.fromHexAscii(bytes, 2)).isEqualTo(trace);
        assertThat(TraceId.fromHexAscii(trace.toHex().toUpperCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII), 0)).isEqualTo(trace);
        SpanId span = new SpanId(low | 1);
        assertThat(SpanId.fromHexAscii(("x" + span.toHex()).getBytes(StandardCharsets.US_ASCII), 1)).isEqualTo(span);
    }
}
