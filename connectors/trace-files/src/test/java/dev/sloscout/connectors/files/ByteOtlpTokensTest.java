package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast tokenizer agrees with Jackson on valid JSON and refuses what Jackson refuses. */
class ByteOtlpTokensTest {

    private static List<String> jackson(String json) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json.getBytes(StandardCharsets.UTF_8))) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                tokens.add(t + (t == JsonToken.FIELD_NAME ? "=" + p.currentName() : t.isScalarValue() ? "=" + p.getText() : ""));
            }
        }
        return tokens;
    }

    private static List<String> ours(String json) throws IOException {
        List<String> tokens = new ArrayList<>();
        ByteOtlpTokens t = new ByteOtlpTokens(new StringCache(64));
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        t.reset(bytes, 0, bytes.length);
        for (JsonToken token = t.nextToken(); token != null; token = t.nextToken()) {
            tokens.add(token + (token == JsonToken.FIELD_NAME ? "=" + t.currentName() : token.isScalarValue() ? "=" + t.text("v") : ""));
        }
        return tokens;
    }

    @Property(tries = 300)
    void agreesWithJacksonOnValidJson(@ForAll("json") String json) throws IOException {
        assertThat(ours(json)).isEqualTo(jackson(json));
    }

    @Provide
    Arbitrary<String> json() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars('é', '€', '\n', '\t', '"', '\\', '/', '\u0001', '😀')
                .ofMaxLength(40).map(ByteOtlpTokensTest::quote);
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().filter(Double::isFinite).map(String::valueOf));
        Arbitrary<String> scalar = Arbitraries.oneOf(text, number, Arbitraries.of("true", "false", "null"));
        return Arbitraries.recursive(() -> scalar, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(5).map(items -> "[" + String.join(", ", items) + "]"),
                Arbitraries.maps(text, inner).ofMaxSize(5).map(fields -> {
                    List<String> parts = new ArrayList<>();
                    fields.forEach((k, v) -> parts.add(k + ":" + v));
                    return "{" + String.join(",\n ", parts) + "}";
                })), 4);
    }

    private static String quote(String raw) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '/' -> out.append("\\/");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,}", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{a:1}", "[tru]", "[nul",
            "{\"a\":\"x", "[\"tab\there\"]", "[-]", "[1.]", "[1e]", "{\"a\":1}}", "{\"a\":1} x", "[\"\\q\"]", "{,}", "]"})
    void refusesMalformedJsonAsJacksonDoes(String json) {
        assertThatThrownBy(() -> jackson(json)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> {
            List<String> tokens = ours(json);
            // escapes are validated when a string's text is read
            tokens.forEach(String::length);
        }).isInstanceOf(IOException.class).hasMessageStartingWith("at line 1, column ");
    }

    @Property(tries = 200)
    void anyPrefixOfAValidDocumentIsRefusedNotMisread(@ForAll("json") String json, @ForAll int cutSeed) throws IOException {
        if (json.length() < 2 || !(json.startsWith("{") || json.startsWith("["))) {
            return;
        }
        int cut = Math.floorMod(cutSeed, json.length() - 1) + 1;
        String prefix = json.substring(0, cut);
        boolean jacksonRefuses;
        try {
            jackson(prefix);
            jacksonRefuses = false;
        } catch (IOException e) {
            jacksonRefuses = true;
        }
        if (jacksonRefuses) {
            assertThatThrownBy(() -> ours(prefix)).isInstanceOf(IOException.class);
        }
    }
}
