package dev.sloscout.pipeline;

import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import dev.sloscout.engine.sli.MetricsProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineTest {
    @TempDir
    Path dir;

    @Test
    void tracesThenLogsWithStatusPerSourceAndLinkedCapsules() throws Exception {
        Path traces = Analyses.shopTraces(dir, 400);
        Path logs = Analyses.shopLogs(dir, 200);
        Path garbage = Files.writeString(dir.resolve("broken.json"), "{\"resourceSpans\": [ {\"scopeSpans\": [ {");
        Map<Integer, List<Pipeline.SourceStatus>> seen = new ConcurrentHashMap<>();
        Analysis a = new Pipeline(PipelineOptions.defaults(), () -> false,
                (i, s) -> seen.computeIfAbsent(i, k -> new ArrayList<>()).add(s)).files(List.of(traces, logs, garbage));

        assertThat(a.sources()).extracting(Pipeline.SourceStatus::kind).containsExactly("traces", "traces", "logs");
        Pipeline.SourceStatus shop = a.sources().stream().filter(s -> s.name().endsWith("shop.jsonl")).findFirst().orElseThrow();
        assertThat(shop.state()).isEqualTo(Pipeline.SourceState.DONE);
        assertThat(shop.format()).containsIgnoringCase("OTLP");
        assertThat(shop.items()).isEqualTo(a.summary().spans());
        Pipeline.SourceStatus broken = a.sources().stream().filter(s -> s.name().endsWith("broken.json")).findFirst().orElseThrow();
        assertThat(broken.state()).isIn(Pipeline.SourceState.PROBLEMS, Pipeline.SourceState.FAILED);
        assertThat(broken.problems()).isPositive();
        assertThat(a.problems()).anySatisfy(p -> assertThat(p.toLine()).contains("broken.json"));
        assertThat(seen.get(0).get(0).state()).isEqualTo(Pipeline.SourceState.WAITING);

        assertThat(a.journeys()).isNotEmpty();
        assertThat(a.candidates()).isNotEmpty();
        assertThat(a.logEvents()).isEqualTo(200);
        // every journey's sample traces were kept whole for the waterfall
        a.journeys().forEach(j -> assertThat(a.sampleTraces()).containsKeys(j.sampleTraceIds().toArray(String[]::new)));
        // the log events carry shop trace ids, so their capsules know the journeys
        assertThat(a.capsules()).anySatisfy(c -> {
            assertThat(c.template()).contains("declined");
            assertThat(c.journeys()).isNotEmpty();
        });
    }

    @Test
    void anArchiveIsReadAsTheFilesInItEachASourceWithItsOwnTimeOfWriting() throws Exception {
        Path traces = Analyses.shopTraces(dir, 300);
        Path logs = Analyses.shopLogs(dir, 120);
        String syslog = "Jun 14 15:16:01 combo sshd[19939]: session opened for user root\n"
                + "Jun 14 15:16:02 combo sshd[19940]: session opened for user admin\n";
        Path loose = Files.writeString(Files.createDirectories(dir.resolve("loose")).resolve("auth.log"), syslog);
        Files.setLastModifiedTime(loose, java.nio.file.attribute.FileTime.fromMillis(1_561_000_000_000L)); // 2019-06-20
        byte[] tar = new dev.sloscout.connectors.files.fixtures.Archives.Tar(
                dev.sloscout.connectors.files.fixtures.Archives.LongNames.PAX)
                .file("bundle/shop.jsonl", Files.readAllBytes(traces), 1_700_000_000L)
                .file("bundle/checkout.log", Files.readAllBytes(logs), 1_700_000_000L)
                .file("bundle/auth.log", syslog.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1_561_000_000L)
                .bytes();
        Path archive = Files.write(dir.resolve("bundle.tar.gz"),
                dev.sloscout.connectors.files.fixtures.Compressions.gzip(tar));

        for (int threads : new int[] {1, 2}) {
            PipelineOptions options = PipelineOptions.defaults().withThreads(threads);
            Analysis unpacked = new Pipeline(options, () -> false, (i, st) -> { }).files(List.of(traces, logs, loose));
            Analysis packed = new Pipeline(options, () -> false, (i, st) -> { }).files(List.of(archive));

            assertThat(packed.sources()).extracting(st -> st.name() + " " + st.kind() + " " + st.state())
                    .containsExactly(archive + "!/bundle/shop.jsonl traces DONE",
                            archive + "!/bundle/checkout.log logs DONE", archive + "!/bundle/auth.log logs DONE");
            assertThat(packed.problems()).isEmpty();
            assertThat(packed.summary().spans()).isEqualTo(unpacked.summary().spans());
            assertThat(packed.journeys()).extracting(j -> j.id() + " " + j.traces())
                    .containsExactlyElementsOf(unpacked.journeys().stream().map(j -> j.id() + " " + j.traces())
                            .toList());
            assertThat(packed.capsules()).extracting(c -> c.template() + " " + c.count() + " " + c.firstSeenMillis())
                    .containsExactlyInAnyOrderElementsOf(unpacked.capsules().stream()
                            .map(c -> c.template() + " " + c.count() + " " + c.firstSeenMillis()).toList());
            assertThat(packed.capsules()).anySatisfy(c -> assertThat(java.time.Instant.ofEpochMilli(c.firstSeenMillis())
                    .toString()).as("the year from the packed file's own time").startsWith("2019-06-14T15:16"));
        }
    }

    @Test
    void plainTextLogsNamingTheirTraceLinkToTheJourneys() throws Exception {
        Path traces = Analyses.shopTraces(dir, 200);
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            String traceId = String.format(java.util.Locale.ROOT, "%016x%016x", 0x5b0bL, n + 1L);
            lines.add(n % 2 == 0 // OpenTelemetry's MDC keys, and Sleuth's bracket
                    ? String.format(java.util.Locale.ROOT, "2023-11-14 22:13:%02d INFO trace_id=%s span_id=%016x "
                            + "c.a.Checkout - order %d placed", n % 60, traceId, n + 7L, 1000 + n)
                    : String.format(java.util.Locale.ROOT, "2023-11-14 22:13:%02d INFO [checkout,%s,%016x] "
                            + "c.a.Checkout - order %d placed", n % 60, traceId, n + 7L, 1000 + n));
        }
        Path logs = Files.write(dir.resolve("checkout.log"), lines);

        Analysis a = new Pipeline(PipelineOptions.defaults(), () -> false, (i, st) -> { }).files(List.of(traces, logs));

        assertThat(a.capsules()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.eventsWithTrace()).isEqualTo(c.count());
            assertThat(c.journeys()).isNotEmpty();
        });
    }

    @Test
    void aSourceIsReportedReadingAsSoonAsItOpensHoweverSmall() throws Exception {
        Path traces = Analyses.shopTraces(dir, 20); // far under the megabyte between progress reports
        Path logs = Analyses.shopLogs(dir, 10);
        Map<Integer, List<Pipeline.SourceState>> seen = new ConcurrentHashMap<>();
        new Pipeline(PipelineOptions.defaults().withThreads(1), () -> false,
                (i, s) -> seen.computeIfAbsent(i, k -> new ArrayList<>()).add(s.state())).files(List.of(traces, logs));

        for (int source = 0; source < 2; source++) {
            assertThat(seen.get(source)).as("source %d", source).containsSubsequence(Pipeline.SourceState.WAITING,
                    Pipeline.SourceState.READING, Pipeline.SourceState.DONE);
        }
    }

    @Test
    void aTraceFileSaysHowManySpansItHasGivenWhileItIsRead() throws Exception {
        Path first = ShopTraffic.writeJsonLines(dir.resolve("first.jsonl"), 7, 1_500); // megabytes: several reports
        Path second = ShopTraffic.writeJsonLines(dir.resolve("second.jsonl"), 8, 1_500);
        for (int threads : new int[] {1, 2}) { // at two threads both files are read ahead, on threads of their own
            Map<Integer, List<Pipeline.SourceStatus>> seen = new ConcurrentHashMap<>();
            Analysis a = new Pipeline(PipelineOptions.defaults().withThreads(threads), () -> false,
                    (i, s) -> seen.computeIfAbsent(i, k -> new ArrayList<>()).add(s)).files(List.of(first, second));

            for (int source = 0; source < 2; source++) {
                long total = a.sources().get(source).items();
                List<Long> whileReading = seen.get(source).stream()
                        .filter(s -> s.state() == Pipeline.SourceState.READING).map(Pipeline.SourceStatus::items)
                        .toList();
                assertThat(whileReading).as("source %d at %d threads", source, threads).isSorted()
                        .anySatisfy(n -> assertThat(n).isPositive().isLessThan(total))
                        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(total));
            }
        }
    }

    @Test
    void cancellingLeavesTheRestUnreadAndSaysSo() throws Exception {
        Path traces = Analyses.shopTraces(dir, 50);
        Path logs = Analyses.shopLogs(dir, 10);
        Analysis a = new Pipeline(PipelineOptions.defaults(), () -> true, (i, s) -> { }).files(List.of(traces, logs));
        assertThat(a.cancelled()).isTrue();
        assertThat(a.sources()).extracting(Pipeline.SourceStatus::state)
                .containsOnly(Pipeline.SourceState.CANCELLED);
        assertThat(a.summary().spans()).isZero();
    }

    @Test
    void aMissingFileFailsAloneAndTheOthersAreRead() throws Exception {
        Path traces = Analyses.shopTraces(dir, 50);
        Analysis a = new Pipeline(PipelineOptions.defaults(), () -> false, (i, s) -> { })
                .files(List.of(dir.resolve("nope.json"), traces));
        assertThat(a.sources()).extracting(Pipeline.SourceStatus::state)
                .containsExactly(Pipeline.SourceState.FAILED, Pipeline.SourceState.DONE);
        assertThat(a.journeys()).isNotEmpty();
    }
}
