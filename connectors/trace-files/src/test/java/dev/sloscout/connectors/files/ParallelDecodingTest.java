package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.connectors.files.fixtures.Compressions;
import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Decoding on several threads hands over the same spans in the same order, and the same problems at the same places,
 * as one thread: JSON lines cut into blocks, framed protobuf frame by frame, compressed input read ahead.
 */
class ParallelDecodingTest {
    private static final List<Span> SPANS = ShopTraffic.spans(3, 4_000);

    private record Read(List<Span> spans, List<Problem> problems, SourceReport report) {
    }

    private static Read read(byte[] bytes, int threads) {
        List<Span> spans = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        SourceReport report = new TraceFileReader(spans::add, problems::add, () -> false, InputStream.nullInputStream(),
                threads).read("input", new ByteArrayInputStream(bytes));
        return new Read(spans, problems, report);
    }

    private static void assertSameAtAnyThreadCount(byte[] bytes) {
        Read serial = read(bytes, 1);
        for (int threads : new int[] {2, 5}) {
            Read parallel = read(bytes, threads);
            assertThat(parallel.spans()).as("spans at %d threads", threads).isEqualTo(serial.spans());
            assertThat(parallel.problems()).as("problems at %d threads", threads).isEqualTo(serial.problems());
            assertThat(parallel.report()).isEqualTo(serial.report());
        }
    }

    @Test
    void jsonLinesWithBadLinesBlankLinesAndCrlfGiveTheSameSpansAndProblemLines() {
        List<String> lines = new ArrayList<>(new OtlpJsonWriter().jsonLines(SPANS, 25).lines().toList());
        lines.add(3, "{not json");
        lines.add(150, "   ");
        lines.add(151, "{\"resourceSpans\": 5}");
        lines.set(200, lines.get(200) + "\r");
        lines.add("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"traceId\": \"zz\"}]}]}]}");
        byte[] bytes = ("\uFEFF" + String.join("\n", lines)).getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(3 * LineChunk.TARGET_BYTES);

        Read serial = read(bytes, 1);
        assertThat(serial.spans()).hasSize(SPANS.size());
        assertThat(serial.problems()).extracting(Problem::location).contains("line 4", "line 152");
        assertSameAtAnyThreadCount(bytes);
    }

    @Test
    void framedProtobufWithATruncatedLastFrameGivesTheSameSpansAndProblems() {
        byte[] framed = OtlpProtoWriter.framed(SPANS, 40);
        byte[] cut = Arrays.copyOf(framed, framed.length - 100);
        assertThat(read(cut, 1).problems()).extracting(Problem::reason)
                .anySatisfy(r -> assertThat(r).startsWith("truncated frame"));
        assertSameAtAnyThreadCount(framed);
        assertSameAtAnyThreadCount(cut);
    }

    @Test
    void aTruncatedGzipReadAheadKeepsTheSpansBeforeTheCutAndSaysSo() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new OtlpJsonWriter().jsonLines(SPANS, 25).getBytes(StandardCharsets.UTF_8));
        }
        byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() * 2 / 3);
        Read serial = read(cut, 1);
        assertThat(serial.spans()).isNotEmpty().hasSizeLessThan(SPANS.size());
        assertThat(serial.problems()).extracting(Problem::reason)
                .anySatisfy(r -> assertThat(r).contains("compressed stream is truncated"));
        assertSameAtAnyThreadCount(cut);
        assertSameAtAnyThreadCount(gz.toByteArray());

        Read nothing = read(Arrays.copyOf(gz.toByteArray(), 12), 1);
        assertThat(nothing.spans()).isEmpty();
        assertThat(nothing.problems()).extracting(Problem::reason)
                .containsExactly("the compressed stream is truncated before anything in it could be read");

        byte[] corrupt = Compressions.bzip2(new OtlpJsonWriter().jsonLines(SPANS, 25).getBytes(StandardCharsets.UTF_8));
        corrupt[4] ^= 0x55; // the first block's magic
        Read failed = read(corrupt, 1);
        assertThat(failed.spans()).isEmpty();
        assertThat(failed.problems()).extracting(Problem::reason).singleElement().satisfies(reason -> assertThat(reason)
                .startsWith("read failed: ").endsWith("; nothing in it could be read before the failure"));
    }

    /**
     * Decoding and assembly under random thread counts and random damage: the traces the assembler closes, in
     * order, are those of one thread.
     */
    @Property(tries = 5)
    void assembledTracesDoNotDependOnTheThreadCount(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 9) int threads) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(new OtlpJsonWriter().jsonLines(SPANS, 1 + random.nextInt(60)).lines()
                .toList());
        for (int i = 0; i < 5; i++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            lines.set(at, line.substring(0, random.nextInt(line.length()))); // cut short: a bad line
        }
        java.util.Collections.shuffle(lines.subList(0, lines.size() / 3), random); // spans of traces interleaved
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        assertThat(assembled(bytes, threads)).isEqualTo(assembled(bytes, 1));
    }

    private static List<String> assembled(byte[] bytes, int threads) {
        List<String> traces = new ArrayList<>();
        dev.sloscout.engine.trace.TraceAssembler assembler = new dev.sloscout.engine.trace.TraceAssembler(
                new dev.sloscout.engine.trace.AssemblySettings(50, 2_000, 1_000, 10_000),
                t -> traces.add(t.traceId() + " " + t.completion() + " " + t.spans()));
        List<Problem> problems = new ArrayList<>();
        new TraceFileReader(assembler, problems::add, () -> false, InputStream.nullInputStream(), threads)
                .read("input", new ByteArrayInputStream(bytes));
        assembler.finish();
        traces.add(problems.toString());
        return traces;
    }

    /** The word-at-a-time newline search finds what a byte loop finds, wherever the newlines fall. */
    @Property(tries = 200)
    void newlinesAreFoundWhereTheyAre(@ForAll long seed, @ForAll @IntRange(min = 0, max = 70) int length) {
        Random random = new Random(seed);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(6);
            bytes[i] = (byte) (pick == 0 ? '\n' : pick == 1 ? 0x0B : pick == 2 ? 0x8A : pick == 3 ? 0x09 : random.nextInt());
        }
        for (int from = 0; from <= length; from++) {
            int expected = -1;
            for (int i = from; i < length; i++) {
                if (bytes[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertThat(LineChunk.indexOf(bytes, from, length)).isEqualTo(expected);
        }
    }

    /** Blocks cut after newlines give the lines a line reader gives: the same numbers, bytes and overlong ones. */
    @Property(tries = 25)
    void blocksHoldTheLinesALineReaderReads(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400_000) int maxLine,
            @ForAll boolean finalNewline) throws IOException {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextBoolean()) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        int lines = 1 + random.nextInt(300);
        for (int i = 0; i < lines; i++) {
            int length = random.nextInt(10) == 0 ? random.nextInt(600_000) : random.nextInt(3_000);
            for (int b = 0; b < length; b++) {
                out.write('a' + random.nextInt(26));
            }
            if (random.nextInt(5) == 0) {
                out.write('\r');
            }
            if (i < lines - 1 || finalNewline) {
                out.write('\n');
            }
        }
        byte[] bytes = out.toByteArray();

        List<String> expected = new ArrayList<>();
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes), maxLine);
        while (reader.next()) {
            expected.add(reader.lineNumber() + (reader.isOverlong() ? " overlong"
                    : " " + new String(reader.buffer(), reader.start(), reader.length(), StandardCharsets.ISO_8859_1)));
        }
        List<String> actual = new ArrayList<>();
        LineChunk.Reader chunks = new LineChunk.Reader(new ByteArrayInputStream(bytes), maxLine);
        long[] before = {0};
        for (LineChunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
            if (chunk.isOverlong()) {
                actual.add((before[0] + 1) + " overlong");
            }
            before[0] += chunk.forEachLine((b, start, length, readLength, number) -> actual.add((before[0] + number)
                    + (readLength > maxLine ? " overlong" : " " + new String(b, start, length, StandardCharsets.ISO_8859_1))));
        }
        assertThat(actual).isEqualTo(expected);
    }
}
