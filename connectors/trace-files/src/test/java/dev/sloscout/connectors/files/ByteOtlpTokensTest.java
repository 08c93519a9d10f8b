package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
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
    @Tag("slow") // 300 documents against Jackson, ~8 s: in the slow profile, which .ci/run runs too
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

    /**
     * Blocks of lines as a file holds them: JSON values (whose objects have newlines inside: a pretty-printed value
     * broken over lines), cut values, and junk heavy in what ends or escapes a string or a literal, joined by LF or
     * CRLF, sometimes with a stray CR or none at the end.
     */
    @Provide
    Arbitrary<String> lineBlocks() {
        Arbitrary<String> json = json();
        Arbitrary<String> cut = json.flatMap(value -> Arbitraries.integers().between(0, value.length())
                .map(at -> value.substring(0, at)));
        Arbitrary<String> junk = Arbitraries.strings().withChars("\"\\{}[],:tuelrnf0123 \t\ru\u00e9").ofMaxLength(12);
        Arbitrary<String> line = Arbitraries.oneOf(json, cut, junk, cut.map(value -> value + "\\"));
        return Arbitraries.oneOf(Arbitraries.just("\n"), Arbitraries.just("\r\n")).flatMap(separator -> line.list()
                .ofMinSize(1).ofMaxSize(6).flatMap(lines -> Arbitraries.of("", "\n", "\r", "\r\n")
                        .map(ending -> String.join(separator, lines) + ending)));
    }

    /** Each line read in line mode from the block gives what reading the line alone gives: tokens, errors, columns. */
    @Property(tries = 150)
    void aLineReadInItsBlockReadsAsTheLineAlone(@ForAll("lineBlocks") String block) {
        byte[] bytes = ("xx" + block).getBytes(StandardCharsets.UTF_8);
        List<String> alone = new ArrayList<>();
        ByteOtlpTokens t = new ByteOtlpTokens(new StringCache(64));
        for (int from = 2; from < bytes.length; ) {
            int newline = LineChunk.indexOf(bytes, from, bytes.length);
            int end = newline < 0 ? bytes.length : newline;
            int stop = end > from && bytes[end - 1] == '\r' ? end - 1 : end; // as a line reader gives the line
            t.reset(bytes, from, stop - from);
            from = newline < 0 ? bytes.length : newline + 1;
            alone.add(readAll(t) + ", next line at " + from);
        }
        List<String> inBlock = new ArrayList<>();
        for (int from = 2; from < bytes.length; ) {
            t.resetLine(bytes, from, bytes.length);
            String tokens = readAll(t);
            from = t.nextLineStart();
            inBlock.add(tokens + ", next line at " + from);
        }
        assertThat(inBlock).isEqualTo(alone);
    }

    private static String readAll(ByteOtlpTokens t) {
        List<String> tokens = new ArrayList<>();
        try {
            for (JsonToken token = t.nextToken(); token != null; token = t.nextToken()) {
                tokens.add(token + (token == JsonToken.FIELD_NAME ? "=" + t.currentName()
                        : token.isScalarValue() ? "=" + t.text("v") : ""));
                if (tokens.size() % 3 == 2 && token.isStructStart()) {
                    t.skipChildren(); // some values skipped unread, as the decoder skips what it does not use
                    tokens.add("skipped");
                }
            }
        } catch (IOException e) {
            tokens.add("error " + e.getMessage());
        }
        return String.join(" ", tokens);
    }

    /**
     * Arrays of objects whose fields come in one order, as an exporter writes them, so that the tokenizer learns
     * which name follows which; in some objects one name is written otherwise: one character longer or shorter, with
     * another last character, with an escape (the same name), or as another word; some objects end early, and some
     * hold an object where the others hold a number.
     */
    @Provide
    Arbitrary<String> recordsInFieldOrder() {
        Arbitrary<List<String>> order = Arbitraries.of(OtlpFieldNames.names()).list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<int[]> record = Arbitraries.integers().between(0, 5).array(int[].class).ofSize(3);
        return order.flatMap(fields -> record.list().ofMinSize(1).ofMaxSize(12).map(records -> {
            List<String> objects = new ArrayList<>();
            for (int[] r : records) {
                int variant = r[0] % fields.size();
                List<String> parts = new ArrayList<>();
                for (int f = 0; f < fields.size() - (r[1] == 5 ? 1 : 0); f++) {
                    String name = fields.get(f);
                    String key = f != variant ? name : switch (r[2]) {
                        case 0 -> name + "s";
                        case 1 -> name.substring(0, name.length() - 1);
                        case 2 -> name.substring(0, name.length() - 1) + "Q";
                        case 3 -> "\\u00" + Integer.toHexString(name.charAt(0)) + name.substring(1);
                        case 4 -> "other";
                        default -> name;
                    };
                    parts.add("\"" + key + "\":" + (f == r[1] ? "{\"key\":1}" : "1"));
                }
                objects.add("{" + String.join(",", parts) + "}");
            }
            return "[" + String.join(",", objects) + "]";
        }));
    }

    @Property(tries = 300)
    void namesTakenAsExpectedAreTheNamesThere(@ForAll("recordsInFieldOrder") String json) throws IOException {
        assertThat(ours(json)).isEqualTo(jackson(json));
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
