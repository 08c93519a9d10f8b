package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The cache gives back the text of the bytes, whatever it held before, and one instance for text it keeps. */
class StringCacheTest {
    /**
     * Byte strings of every length around the eight-byte words and the cached limit, few letters so that they
     * repeat; text beyond ASCII, and bytes that are no UTF-8 at all (one stray byte in ASCII, or any bytes).
     */
    @Provide
    Arbitrary<List<byte[]>> texts() {
        Arbitrary<String> ascii = Arbitraries.strings().withChars("ab/.{} ").ofMaxLength(20);
        Arbitrary<String> longer = Arbitraries.strings().withChars("ab").ofMinLength(250).ofMaxLength(262);
        Arbitrary<String> beyondAscii = Arbitraries.strings().withChars("a\u00e9\u0416\u20ac").ofMaxLength(9);
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().list().ofMaxSize(20).map(list -> {
            byte[] bytes = new byte[list.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = list.get(i);
            }
            return bytes;
        });
        Arbitrary<byte[]> oneStray = Arbitraries.strings().withChars("ab").ofMinLength(1).ofMaxLength(20)
                .map(StringCacheTest::utf8).flatMap(plain -> Arbitraries.integers().between(0, plain.length - 1)
                        .flatMap(at -> Arbitraries.integers().between(0x80, 0xFF).map(stray -> {
                            byte[] bytes = plain.clone();
                            bytes[at] = stray.byteValue();
                            return bytes;
                        })));
        return Arbitraries.frequencyOf(Tuple.of(2, oneStray),
                Tuple.of(8, ascii.map(StringCacheTest::utf8)), Tuple.of(1, longer.map(StringCacheTest::utf8)),
                Tuple.of(2, beyondAscii.map(StringCacheTest::utf8)), Tuple.of(2, anyBytes)).list().ofMaxSize(60);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Property(tries = 300)
    void givesTheTextOfTheBytesAndReusesWhatItKeeps(@ForAll("texts") List<byte[]> texts) {
        StringCache cache = new StringCache(16); // small: entries collide and are replaced
        for (byte[] text : texts) {
            byte[] bytes = new byte[text.length + 3];
            System.arraycopy(text, 0, bytes, 1, text.length);
            String expected = new String(text, StandardCharsets.UTF_8);
            String got = cache.get(bytes, 1, text.length);
            assertThat(got).isEqualTo(expected);
            String again = cache.get(bytes.clone(), 1, text.length);
            assertThat(again).isEqualTo(expected);
            boolean ascii = true;
            for (byte b : text) {
                ascii &= b >= 0;
            }
            if (ascii && text.length <= 256) {
                assertThat(again).isSameAs(got);
            }
        }
    }
}
