package dev.sloscout.connectors.files;

import com.google.protobuf.ByteString;
import dev.sloscout.connectors.files.fixtures.Compressions;
import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogSink;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.model.Problem;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OTLP logs written in protobuf, bare or as the Collector's file exporter frames them, read as logs. */
class OtlpProtoLogFilesTest {
    private final List<LogEvent> events = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    @TempDir
    Path dir;

    private static ExportLogsServiceRequest request(String service, int first, int count) {
        ScopeLogs.Builder scope = ScopeLogs.newBuilder();
        for (int i = first; i < first + count; i++) {
            LogRecord.Builder record = LogRecord.newBuilder()
                    .setTimeUnixNano(1_700_000_000_000_000_000L + i * 1_000_000_000L)
                    .setSeverityNumber(i % 3 == 0 ? SeverityNumber.SEVERITY_NUMBER_ERROR
                            : SeverityNumber.SEVERITY_NUMBER_INFO)
                    .setBody(AnyValue.newBuilder().setStringValue("order " + i + (i % 3 == 0 ? " failed" : " placed")));
            if (i % 2 == 0) {
                record.setTraceId(ByteString.copyFrom(ByteBuffer.allocate(16).putLong(7).putLong(i).array()));
            }
            scope.addLogRecords(record);
        }
        return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                        .setValue(AnyValue.newBuilder().setStringValue(service))))
                .addScopeLogs(scope)).build();
    }

    private static byte[] frame(byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private long read(String source, byte[] bytes) {
        return new LogFileReader(new LogSink() {
            @Override
            public void accept(LogEvent event) {
                events.add(event);
            }

            @Override
            public void sourceWritten(String s, long epochMillis) {
            }
        }, problems::add).read(source, new ByteArrayInputStream(bytes));
    }

    @Test
    void aBareRequestIsReadAsItsRecords() {
        long read = read("logs.binpb", request("checkout", 1, 6).toByteArray());

        assertThat(problems).isEmpty();
        assertThat(read).isEqualTo(6);
        assertThat(events).extracting(e -> e.service() + " " + e.severity() + " " + e.text()).containsExactly(
                "checkout INFO order 1 placed", "checkout INFO order 2 placed", "checkout ERROR order 3 failed",
                "checkout INFO order 4 placed", "checkout INFO order 5 placed", "checkout ERROR order 6 failed");
        assertThat(events.get(1).traceId()).isNotNull();
        assertThat(events.get(0).epochMillis()).isEqualTo(1_700_000_001_000L);
    }

    @Test
    void fileExporterFramesReadInOrderPastACorruptOneUntilTheFramingBreaks() {
        byte[] corrupt = {0x0A, 0x7F, 0x01};
        String json = "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
                + "{\"stringValue\":\"cart\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":"
                + "\"1700000100000000000\",\"severityText\":\"WARN\",\"body\":{\"stringValue\":\"cart 9 slow\"}}]}]}]}";
        byte[] file = concat(frame(request("checkout", 1, 2).toByteArray()),
                frame(Compressions.zstd(request("payment", 3, 1).toByteArray())),
                frame(corrupt),
                frame(json.getBytes(StandardCharsets.UTF_8)),
                new byte[] {0, 0, 0x10, 0, 0x0A}); // a frame cut short
        int corruptAt = 4 + request("checkout", 1, 2).toByteArray().length + 4
                + Compressions.zstd(request("payment", 3, 1).toByteArray()).length;

        read("logs.pb", file);

        assertThat(events).extracting(e -> e.service() + " " + e.severity() + " " + e.text()).containsExactly(
                "checkout INFO order 1 placed", "checkout INFO order 2 placed", "payment ERROR order 3 failed",
                "cart WARN cart 9 slow");
        assertThat(problems).extracting(p -> p.location() + ": " + p.reason().replaceAll(": .*", ""))
                .containsExactly("frame 2 (byte " + corruptAt + "): not a valid OTLP protobuf logs request",
                        "frame 4 (byte " + (corruptAt + 4 + 3 + 4 + json.length()) + "): truncated frame");
    }

    @Test
    void logsInProtobufGoToTheLogReaderAndTracesStayTraces() throws IOException {
        Path bare = Files.write(dir.resolve("logs.binpb"), request("checkout", 1, 3).toByteArray());
        Path framed = Files.write(dir.resolve("logs-framed.pb"), Compressions.gzip(
                frame(request("checkout", 1, 3).toByteArray())));
        Path traces = Files.write(dir.resolve("traces.binpb"), OtlpProtoWriter.bare(TraceFixtures.spans(3, 2)));
        Path framedTraces = Files.write(dir.resolve("traces-framed.pb"),
                OtlpProtoWriter.framed(TraceFixtures.spans(3, 2), 3));

        InputKinds.Split split = InputKinds.split(List.of(bare.toString(), framed.toString(), traces.toString(),
                framedTraces.toString()));

        assertThat(split.logs()).containsExactly(bare, framed);
        assertThat(split.traces()).containsExactly(traces.toString(), framedTraces.toString());
        List<Problem> traceProblems = new ArrayList<>();
        new TraceFileReader(span -> { }, traceProblems::add).read(bare);
        assertThat(traceProblems).extracting(Problem::reason).containsExactly(
                "OTLP logs in protobuf, not traces: read as a log file (analyze and search do)");
    }

    /** A request of one service whose records are the given lines, as the {@code filelog} receiver sends them. */
    private static ExportLogsServiceRequest lines(String service, LogRecord.Builder... records) {
        ScopeLogs.Builder scope = ScopeLogs.newBuilder();
        for (LogRecord.Builder record : records) {
            scope.addLogRecords(record.setObservedTimeUnixNano(1_709_294_400_000_000_000L));
        }
        return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                        .setValue(AnyValue.newBuilder().setStringValue(service))))
                .addScopeLogs(scope)).build();
    }

    private static LogRecord.Builder line(String text) {
        return LogRecord.newBuilder().setBody(AnyValue.newBuilder().setStringValue(text));
    }

    /**
     * The Collector's {@code filelog} receiver writing to its file exporter in protobuf sends a line a record: bare
     * lines are folded as the JSON encoding's are, per service and across frames; a record with a severity, a trace
     * or an exception attribute stays a record.
     */
    @Test
    void bareLineRecordsAreFoldedPerServiceAcrossFrames() {
        byte[] first = lines("shop",
                line("2024-03-01 12:00:00,000 ERROR [main] c.a.Shop - could not save order 7"),
                line("java.lang.IllegalStateException: save failed"),
                line("\tat c.a.Shop.save(Shop.java:12)"),
                line("\tat not a frame: a record of its own").setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO),
                line("\tat traced").setTraceId(ByteString.copyFrom(ByteBuffer.allocate(16).putLong(7).putLong(1)
                        .array())),
                line("\tat excepted").addAttributes(KeyValue.newBuilder().setKey("exception.type")
                        .setValue(AnyValue.newBuilder().setStringValue("java.lang.Error")))).toByteArray();
        byte[] cart = lines("cart", line("cart 7 emptied")).toByteArray();
        byte[] second = lines("shop", line("\tat c.a.Shop.main(Shop.java:5)"),
                line("2024-03-01 12:00:01,000 INFO [main] c.a.Shop - order 8 placed")).toByteArray();

        long read = read("filelog.pb", concat(frame(first), frame(cart), frame(second)));

        assertThat(problems).isEmpty();
        assertThat(events).extracting(e -> e.service() + " " + e.text()).containsExactlyInAnyOrder(
                "shop \tat not a frame: a record of its own", "shop \tat traced", "shop \tat excepted",
                "shop 2024-03-01 12:00:00,000 ERROR [main] c.a.Shop - could not save order 7",
                "cart cart 7 emptied", "shop 2024-03-01 12:00:01,000 INFO [main] c.a.Shop - order 8 placed");
        assertThat(read).isEqualTo(events.size());
        assertThat(events).filteredOn(e -> e.text().contains("could not save")).singleElement().satisfies(e -> {
            assertThat(e.continuation()).isEqualTo("java.lang.IllegalStateException: save failed"
                    + "\n\tat c.a.Shop.save(Shop.java:12)\n\tat c.a.Shop.main(Shop.java:5)");
            assertThat(e.raw()).as("a line whose header is read when mined").isTrue();
            assertThat(e.epochMillis()).isEqualTo(1_709_294_400_000L);
        });
    }

    @Test
    void theSignalIsToldByTheFirstItemNotByTheEnvelope() {
        assertThat(OtlpProtoSignal.ofFile(request("a", 1, 1).toByteArray())).isEqualTo(OtlpProtoSignal.Signal.LOGS);
        assertThat(OtlpProtoSignal.ofFile(OtlpProtoWriter.bare(TraceFixtures.spans(1, 1))))
                .isEqualTo(OtlpProtoSignal.Signal.TRACES);
        assertThat(OtlpProtoSignal.ofFile(OtlpProtoWriter.framed(TraceFixtures.spans(1, 1), 2)))
                .isEqualTo(OtlpProtoSignal.Signal.TRACES);
        byte[] metrics = ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
                .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(Metric.newBuilder()
                        .setName("http.server.duration").setDescription("how long")))).build().toByteArray();
        assertThat(OtlpProtoSignal.ofFile(metrics)).isEqualTo(OtlpProtoSignal.Signal.UNKNOWN);
        byte[] logs = request("a", 1, 1).toByteArray();
        for (int cut = 0; cut < logs.length; cut++) { // a head cut anywhere never throws
            OtlpProtoSignal.ofFile(java.util.Arrays.copyOf(logs, cut));
        }
    }
}
