package dev.sloscout.connectors.otlphttp;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.connectors.files.fixtures.Compressions;
import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.model.Span;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real OTLP/HTTP requests to a receiver on a loopback port. */
@Tag("integration")
class OtlpHttpReceiverTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<OtlpHttpReceiver.Batch> queue = new ArrayBlockingQueue<>(2);
    private OtlpHttpReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new OtlpHttpReceiver(new OtlpHttpReceiver.Settings(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64 * 1024, 2), queue);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private HttpResponse<byte[]> post(String path, String type, byte[] body, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + receiver.address().getPort() + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip ? Compressions.gzip(body) : body));
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(OtlpHttpReceiver.Settings.defaults().listen().getAddress().isLoopbackAddress()).isTrue();
        assertThat(OtlpHttpReceiver.Settings.defaults().listen().getPort()).isEqualTo(4318);
        assertThat(receiver.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void acceptsTracesAsProtobufAndAsGzippedJson() throws Exception {
        List<Span> spans = TraceFixtures.spans(3, 4);
        HttpResponse<byte[]> proto = post("/v1/traces", "application/x-protobuf", OtlpProtoWriter.bare(spans), false);
        assertThat(proto.statusCode()).isEqualTo(200);
        assertThat(proto.headers().firstValue("Content-Type")).contains("application/x-protobuf");
        assertThat(ExportTraceServiceResponse.parseFrom(proto.body()).hasPartialSuccess()).isFalse();
        assertThat(queue.take().spans()).hasSameSizeAs(spans);

        byte[] json = new OtlpJsonWriter().request(spans, false).getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> gz = post("/v1/traces", "application/json", json, true);
        assertThat(gz.statusCode()).isEqualTo(200);
        assertThat(new String(gz.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(queue.take().spans()).extracting(Span::spanId)
                .containsExactlyInAnyOrderElementsOf(spans.stream().map(Span::spanId).toList());
    }

    @Test
    void acceptsLogsAsProtobufAndJson() throws Exception {
        ExportLogsServiceRequest request = ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs
                .newBuilder().setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder()
                        .setKey("service.name").setValue(AnyValue.newBuilder().setStringValue("cart"))))
                .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(LogRecord.newBuilder()
                        .setTimeUnixNano(1_700_000_000_000_000_000L).setSeverityNumberValue(17)
                        .setBody(AnyValue.newBuilder().setStringValue("cart 7 not found"))
                        .setTraceId(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                            16}))))).build();
        assertThat(post("/v1/logs", "application/x-protobuf", request.toByteArray(), true).statusCode())
                .isEqualTo(200);
        LogEvent event = queue.take().logs().get(0);
        assertThat(event.service()).isEqualTo("cart");
        assertThat(event.severity()).isEqualTo(Severity.ERROR);
        assertThat(event.text()).isEqualTo("cart 7 not found");
        assertThat(event.traceId().toHex()).isEqualTo("0102030405060708090a0b0c0d0e0f10");

        String json = "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
                + "{\"stringValue\":\"auth\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":"
                + "\"login failed\"},\"severityText\":\"WARN\"}]}]}]}";
        assertThat(post("/v1/logs", "application/json", json.getBytes(StandardCharsets.UTF_8), false).statusCode())
                .isEqualTo(200);
        assertThat(queue.take().logs()).singleElement().satisfies(l -> assertThat(l.service()).isEqualTo("auth"));
    }

    @Test
    void aFullPipelineAnswers429WithRetryAfterAndDropsNothingSilently() throws Exception {
        byte[] body = OtlpProtoWriter.bare(TraceFixtures.spans(5, 1));
        assertThat(post("/v1/traces", "application/x-protobuf", body, false).statusCode()).isEqualTo(200);
        assertThat(post("/v1/traces", "application/x-protobuf", body, false).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> third = post("/v1/traces", "application/x-protobuf", body, false);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).contains("1");
        assertThat(receiver.throttledRequests()).isEqualTo(1);
        queue.take();
        assertThat(post("/v1/traces", "application/x-protobuf", body, false).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesWhatItCannotTakeWithTheRightStatus() throws Exception {
        byte[] huge = new byte[100 * 1024];
        assertThat(post("/v1/traces", "application/x-protobuf", huge, false).statusCode()).isEqualTo(413);
        assertThat(post("/v1/traces", "application/x-protobuf", new byte[200 * 1024], true).statusCode())
                .as("the decompressed size counts").isEqualTo(413);
        assertThat(post("/v1/traces", "text/plain", "x".getBytes(StandardCharsets.UTF_8), false).statusCode())
                .isEqualTo(415);
        HttpResponse<byte[]> garbage = post("/v1/traces", "application/json",
                "{\"resourceSpans\": [ nope".getBytes(StandardCharsets.UTF_8), false);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(new String(garbage.body(), StandardCharsets.UTF_8)).startsWith("otlp-http ");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + receiver.address().getPort() + "/v1/traces")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(queue).isEmpty();
    }

    @Test
    void aCompressedBodySentAsPlainIsHeldToTheLimitAfterDecompression() throws Exception {
        byte[] bomb = Compressions.zstd(new byte[50 << 20]); // 50 MB of zeros in a few KB
        assertThat(bomb.length).isLessThan(64 * 1024);
        HttpResponse<byte[]> answer = post("/v1/traces", "application/x-protobuf", bomb, false);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("decompressed");
        assertThat(queue).isEmpty();
    }

    @Test
    void stoppingWaitsForTheRequestInFlightAnswers503ToNewOnesAndNoLonger() throws Exception {
        List<Span> spans = TraceFixtures.spans(1, 3);
        byte[] body = new OtlpJsonWriter().request(spans, false).getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket slow = new java.net.Socket(InetAddress.getLoopbackAddress(),
                receiver.address().getPort())) {
            java.io.OutputStream out = slow.getOutputStream();
            out.write(("POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 5); // the handler is reading the rest
            out.flush();
            Thread.sleep(300);
            java.util.concurrent.CompletableFuture<Void> stopped = java.util.concurrent.CompletableFuture.runAsync(
                    () -> {
                        try {
                            receiver.stop(java.time.Duration.ofSeconds(30));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
            Thread.sleep(300);
            assertThat(stopped).as("waits for the request in flight").isNotDone();
            assertThat(post("/v1/traces", "application/json", body, false).statusCode()).isEqualTo(503);

            out.write(body, 5, body.length - 5);
            out.flush();
            String answer = new String(slow.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 200");
            assertThat(queue.take().spans()).hasSameSizeAs(spans); // answered 200: kept
            stopped.get(10, java.util.concurrent.TimeUnit.SECONDS); // at once, not after the 30 s grace
        }
    }

    @Test
    void stoppingWithNothingInFlightDoesNotWaitTheGrace() {
        // Java 17's HttpServer.stop(grace) waits the whole grace even then (JDK-8304065)
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> receiver.stop(java.time.Duration.ofSeconds(60)));
    }

    @Test
    void everyRequestGetsAnAnswerAndOnlyTheExactPathsTakeData() throws Exception {
        HttpRequest notGzip = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.address().getPort()
                        + "/v1/traces")).header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceSpans\":[]}")).build();
        HttpResponse<String> declaredWrong = http.send(notGzip, HttpResponse.BodyHandlers.ofString());
        assertThat(declaredWrong.statusCode()).isEqualTo(400);
        assertThat(declaredWrong.body()).contains("Content-Encoding");

        assertThat(post("/v1/tracesXYZ", "application/json", "{}".getBytes(StandardCharsets.UTF_8), false)
                .statusCode()).isEqualTo(404);
        assertThat(post("/v1/traces/extra", "application/json", "{}".getBytes(StandardCharsets.UTF_8), false)
                .statusCode()).isEqualTo(404);
        assertThat(queue).isEmpty();
    }

    @Test
    void aBodyTimeoutThatIsNotPositiveIsRefused() {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        assertThatThrownBy(() -> new OtlpHttpReceiver.Settings(any, 1024, 1, java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new OtlpHttpReceiver.Settings(any, 1024, 1, java.time.Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OtlpHttpReceiver.Settings(any, 1024, 1, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("body timeout");
        assertThat(OtlpHttpReceiver.Settings.defaults().bodyTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
    }

    @Test
    void aClientThatNeverFinishesItsBodyIsCutOffAndOthersAreServed() throws Exception {
        receiver.close();
        java.time.Duration timeout = java.time.Duration.ofMillis(1500); // the default's 10 s would only slow the test
        receiver = new OtlpHttpReceiver(new OtlpHttpReceiver.Settings(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64 * 1024, 2, timeout), queue);
        int port = receiver.address().getPort();
        java.util.List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) { // as many as the receiver has workers
                java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port);
                socket.getOutputStream().write(("POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                        + "\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            long started = System.nanoTime();
            HttpResponse<byte[]> answer = post("/v1/traces", "application/json",
                    "{\"resourceSpans\":[]}".getBytes(StandardCharsets.UTF_8), false);
            assertThat(answer.statusCode()).as("answered (an empty request is a 400)").isEqualTo(400);
            java.time.Duration waited = java.time.Duration.ofNanos(System.nanoTime() - started);
            assertThat(waited).as("served once a slow client was cut off, not before: both workers were held")
                    .isGreaterThanOrEqualTo(timeout.minusMillis(200))
                    .isLessThan(timeout.plusSeconds(5)); // the default 10 s would not be: the setting holds
        } finally {
            for (java.net.Socket socket : slow) {
                socket.close();
            }
        }
    }
}
