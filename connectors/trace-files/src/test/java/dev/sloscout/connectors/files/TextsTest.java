package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Integers parsed from bytes agree with {@link Long#parseLong}, at every length up to the edges of a long. */
class TextsTest {
    @Provide
    Arbitrary<String> integers() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.longs().between(1_000_000_000_000_000_000L, Long.MAX_VALUE).map(String::valueOf),
                Arbitraries.of("9223372036854775807", "-9223372036854775808", "9223372036854775808",
                        "-9223372036854775809", "18446744073709551615", "99999999999999999999", "+12", "-0",
                        "1700000000000000000", "12a4567890123456789", "1234567890123456789x"),
                Arbitraries.strings().withChars("0123456789").ofMinLength(17).ofMaxLength(20));
    }

    /** Digits with one byte of any value in any place: eight-digit groups must refuse what the digit loop refuses. */
    @Provide
    Arbitrary<String> integersWithOneStrayByte() {
        return Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(20)
                .flatMap(digits -> Arbitraries.integers().between(0, digits.length() - 1)
                        .flatMap(at -> Arbitraries.chars().range('\u0000', '\u00ff')
                                .map(stray -> digits.substring(0, at) + stray + digits.substring(at + 1))));
    }

    @Property(tries = 3000)
    void bytesParseAsLongParseLongDoes(@ForAll("integers") String text) {
        assertParsesAsLongParseLong(text);
    }

    @Property(tries = 3000)
    void aStrayByteAnywhereIsRefusedAsLongParseLongRefusesIt(@ForAll("integersWithOneStrayByte") String text) {
        assertParsesAsLongParseLong(text);
    }

    private static void assertParsesAsLongParseLong(String text) {
        byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.ISO_8859_1);
        Long expected;
        try {
            expected = Long.parseLong(text);
        } catch (NumberFormatException e) {
            expected = null;
        }
        if (expected == null) {
            assertThatThrownBy(() -> Texts.parseLong(bytes, 2, text.length()))
                    .isInstanceOf(NumberFormatException.class);
        } else {
            assertThat(Texts.parseLong(bytes, 2, text.length())).isEqualTo(expected);
        }
    }

    @net.jqwik.api.Example
    void aUrlsPathLeavesItsHostQueryAndFragmentOut() {
        assertThat(Texts.urlPath("https://shop.example/cart/42?session=s3cr3t#top")).isEqualTo("/cart/42");
        assertThat(Texts.urlPath("http://cart:8080/items")).isEqualTo("/items");
        assertThat(Texts.urlPath("https://shop.example")).isEqualTo("/");
        assertThat(Texts.urlPath("https://shop.example/?q=1")).isEqualTo("/");
        assertThat(Texts.urlPath("/cart/42?card=4111")).isEqualTo("/cart/42");
    }
}
