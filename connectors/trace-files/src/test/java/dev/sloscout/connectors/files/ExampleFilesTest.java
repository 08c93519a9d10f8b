package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.fixtures.Decoding;
import dev.sloscout.connectors.files.fixtures.ExampleFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed example dumps decode, each in its own format, to the traces they were written from. */
class ExampleFilesTest {
    private static final Path EXAMPLES = Path.of("../../examples");

    @Test
    void everyExampleDecodesToTheSameSpans() throws IOException {
        Map<String, TraceFormat> expected = Map.of("shop.otlp.jsonl", TraceFormat.OTLP_JSON,
                "shop.otlp.pb", TraceFormat.OTLP_FRAMED, "shop.jaeger.json", TraceFormat.JAEGER_JSON,
                "shop.zipkin.json", TraceFormat.ZIPKIN_JSON);
        for (Map.Entry<String, TraceFormat> example : expected.entrySet()) {
            Decoding decoded = Decoding.of(example.getKey(), Files.readAllBytes(EXAMPLES.resolve(example.getKey())));
            assertThat(decoded.problems).as(example.getKey()).isEmpty();
            assertThat(decoded.report.format()).as(example.getKey()).isEqualTo(example.getValue());
            assertThat(new HashSet<>(decoded.spans.stream().map(s -> s.spanId()).toList()))
                    .as(example.getKey())
                    .isEqualTo(new HashSet<>(ExampleFiles.spans().stream().map(s -> s.spanId()).toList()));
        }
    }
}
