package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.fixtures.Compressions;
import dev.sloscout.connectors.files.fixtures.Decoding;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.TraceAssembler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The suite every trace decoder passes: the same logical traces written in its format come back as the same model,
 * compressed or not; truncated or corrupted input never crashes, hangs or invents spans.
 */
abstract class TraceDecoderConformanceTest {
    protected static final List<Span> SPANS = TraceFixtures.spans(42, 30);

    /** The fixture spans in this format. */
    protected abstract byte[] encode(List<Span> spans);

    protected abstract TraceFormat expectedFormat();

    /** What this format can carry of a span; the rest is stripped before comparing. */
    protected Span carried(Span span) {
        return span;
    }

    @Test
    void decodesTheSameLogicalTraces() {
        Decoding decoded = Decoding.of("fixture", encode(SPANS));

        assertThat(decoded.problems).isEmpty();
        assertThat(decoded.report.format()).isEqualTo(expectedFormat());
        assertThat(decoded.spans).containsExactlyInAnyOrderElementsOf(SPANS.stream().map(this::carried).toList());
        assertThat(decoded.report.spans()).isEqualTo(SPANS.size());
    }

    @Test
    void readsGzipAndZstdTransparently() {
        byte[] plain = encode(SPANS);
        for (byte[] compressed : List.of(Compressions.gzip(plain), Compressions.zstd(plain),
                Compressions.gzip(Compressions.zstd(plain)))) {
            Decoding decoded = Decoding.of("fixture.gz", compressed);
            assertThat(decoded.problems).isEmpty();
            assertThat(decoded.report.format()).isEqualTo(expectedFormat());
            assertThat(decoded.spans).hasSize(SPANS.size());
        }
    }

    @Test
    void assemblesIntoCompleteTraces() {
        List<Trace> traces = new ArrayList<>();
        TraceAssembler assembler = new TraceAssembler(AssemblySettings.DEFAULTS, traces::add);
        Decoding decoded = Decoding.of("fixture", encode(SPANS));
        decoded.spans.forEach(assembler::accept);
        assembler.finish();

        assertThat(traces).hasSize(30);
        assertThat(traces).allSatisfy(trace -> {
            assertThat(trace.roots()).hasSize(1);
            assertThat(trace.orphans()).isEmpty();
        });
    }

    @Test
    void truncatedInputKeepsOnlyWholeSpansAndNeverHangs() {
        byte[] full = encode(SPANS);
        Set<Span> originals = new HashSet<>(SPANS.stream().map(this::carried).toList());
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            int cut = random.nextInt(full.length);
            byte[] truncated = java.util.Arrays.copyOf(full, cut);
            Decoding decoded = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Decoding.of("cut", truncated));
            assertThat(originals).as("spans decoded from a cut at byte %d", cut).containsAll(decoded.spans);
            if (cut > 0 && cut < full.length - 4) {
                assertThat(decoded.spans.size() + decoded.problems.size()).as("cut at %d is either reported or yields spans", cut)
                        .isPositive();
            }
        }
    }

    @Test
    void corruptedInputIsReportedNeverThrowsOrHangs() {
        byte[] full = encode(SPANS);
        Random random = new Random(11);
        for (int i = 0; i < 60; i++) {
            byte[] corrupted = full.clone();
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++) {
                corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
            }
            Decoding decoded = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Decoding.of("corrupt", corrupted));
            assertThat(decoded.problems).allSatisfy(p -> {
                assertThat(p.source()).isEqualTo("corrupt");
                assertThat(p.reason()).isNotBlank();
            });
            assertThat(decoded.spans.size()).isLessThanOrEqualTo(SPANS.size() + flips);
        }
    }
}
