package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.model.Problem;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records as structured loggers write them (each shaped as its logger's output). They keep an exception out of the
 * message, in fields of their own: the reader folds it under the message as a text logger prints it, so an error's
 * samples say why.
 */
class StructuredLoggersTest {
    private final List<LogEvent> events = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private void read(String source, String text) {
        new LogFileReader(events::add, problems::add).read(source,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(problems).isEmpty();
    }

    @Test
    void theErrorFieldsOfCommonLoggersAreFoldedUnderTheMessage() {
        read("app.jsonl", """
                {"level":50,"time":1709294400000,"pid":7,"hostname":"web-1","name":"shop","msg":"db down",\
                "err":{"type":"Error","message":"connect ECONNREFUSED",\
                "stack":"Error: connect ECONNREFUSED\\n    at a (/app.js:3:9)"}}
                {"@timestamp":"2024-03-01T12:00:00Z","level":"ERROR","message":"could not save order 7",\
                "stack_trace":"java.lang.IllegalStateException: save failed\\n\\tat a.B.save(B.java:8)\\n"}
                {"@timestamp":"2024-03-01T12:00:00Z","log.level":"ERROR","message":"checkout failed",\
                "error.type":"java.net.ConnectException","error.message":"refused",\
                "error.stack_trace":"java.net.ConnectException: refused\\n\\tat a.C.pay(C.java:9)"}
                {"level":"error","msg":"payment declined","error":{"kind":"CardError","message":"card expired"}}
                {"level":"error","ts":1709294400.5,"msg":"query failed","error":"dial tcp 10.0.0.7:5432: refused",\
                "stacktrace":"main.query\\n\\t/app/db.go:41\\nmain.main\\n\\t/app/main.go:12"}
                {"level":"error","msg":"retry later","error":"context deadline exceeded"}
                {"levelname":"ERROR","message":"order 9 failed",\
                "exc_info":\
                "Traceback (most recent call last):\\n  File \\"/app/o.py\\", line 3, in f\\nKeyError: 'sku'"}
                {"order":9,"event":"order failed","level":"error","timestamp":"2024-03-01T12:00:00Z",\
                "exception":\
                "Traceback (most recent call last):\\n  File \\"/app/o.py\\", line 4, in f\\nValueError: qty"}
                {"@t":"2024-03-01T12:00:00Z","@l":"Error","@m":"Charge failed",\
                "@x":"System.Exception: boom\\n   at Pay()"}
                {"level":"error","message":"request failed","thrown":{"name":"java.io.IOException","message":"reset",\
                "extendedStackTrace":[{"class":"a.Net","method":"read","file":"Net.java","line":12}]}}
                """);
        assertThat(events).extracting(LogEvent::continuation).containsExactly(
                "Error: connect ECONNREFUSED\n    at a (/app.js:3:9)",
                "java.lang.IllegalStateException: save failed\n\tat a.B.save(B.java:8)",
                "java.net.ConnectException: refused\n\tat a.C.pay(C.java:9)",
                "CardError: card expired",
                "dial tcp 10.0.0.7:5432: refused\nmain.query\n\t/app/db.go:41\nmain.main\n\t/app/main.go:12",
                "context deadline exceeded",
                "Traceback (most recent call last):\n  File \"/app/o.py\", line 3, in f\nKeyError: 'sku'",
                "Traceback (most recent call last):\n  File \"/app/o.py\", line 4, in f\nValueError: qty",
                "System.Exception: boom\n   at Pay()",
                "java.io.IOException: reset\n\tat a.Net.read(Net.java:12)");
        assertThat(events).extracting(LogEvent::text).containsExactly("db down", "could not save order 7",
                "checkout failed", "payment declined", "query failed", "retry later", "order 9 failed",
                "order failed", "Charge failed", "request failed");
        assertThat(events.get(0).service()).as("pino's and bunyan's application name").isEqualTo("shop");
    }

    /**
     * log4j2's layouts: GELF (the stack in {@code full_message}, ids as {@code _} fields, the level a syslog number),
     * Logstash's V1 event (an {@code exception} object, the MDC under {@code mdc}) and the legacy JsonLayout (the
     * time as an {@code instant}, the MDC under {@code contextMap}, frames and causes as objects). A logger's name is
     * no service; a {@code full_message} that repeats the short one gives only what follows it.
     */
    @Test
    void log4jLayoutsGiveTheirTimeTraceAndException() {
        read("orders.jsonl", """
                {"version":"1.1","host":"vm","short_message":"could not save order 7",\
                "full_message":"java.lang.IllegalStateException: save failed\\n\\tat a.B(B.java:8)\\n",\
                "timestamp":1709294400.5,"level":3,"_logger":"com.acme.Orders",\
                "_trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"}
                {"mdc":{"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"},\
                "exception":{"exception_class":"java.io.IOException",\
                "exception_message":"reset","stacktrace":"java.io.IOException: reset\\n\\tat a.Net(Net.java:3)"},\
                "message":"request failed","@timestamp":"2024-03-01T12:00:01.000+0000","level":"ERROR",\
                "logger_name":"com.acme.shop.OrderService"}
                {"instant":{"epochSecond":1709294402,"nanoOfSecond":250000000},"level":"ERROR",\
                "message":"charge failed",\
                "thrown":{"name":"java.lang.IllegalStateException","message":"charge failed for order 9",\
                "extendedStackTrace":[{"class":"a.Pay","method":"charge","file":"Pay.java","line":20}],\
                "cause":{"name":"java.net.ConnectException","message":"refused",\
                "extendedStackTrace":[{"class":"a.Net","method":"open","file":"Net.java","line":5}]}},\
                "contextMap":{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}}
                {"short_message":"disk almost full",\
                "full_message":"disk almost full\\n/var at 91%\\n/tmp at 40%","level":4}
                """);
        assertThat(events).extracting(LogEvent::continuation).containsExactly(
                "java.lang.IllegalStateException: save failed\n\tat a.B(B.java:8)",
                "java.io.IOException: reset\n\tat a.Net(Net.java:3)",
                "java.lang.IllegalStateException: charge failed for order 9\n\tat a.Pay.charge(Pay.java:20)\n"
                        + "Caused by: java.net.ConnectException: refused\n\tat a.Net.open(Net.java:5)",
                "/var at 91%\n/tmp at 40%");
        assertThat(events.subList(0, 3)).allSatisfy(
                e -> assertThat(e.traceId().toHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736"));
        assertThat(events).extracting(e -> Instant.ofEpochMilli(e.epochMillis())).startsWith(
                Instant.parse("2024-03-01T12:00:00.500Z"), Instant.parse("2024-03-01T12:00:01Z"),
                Instant.parse("2024-03-01T12:00:02.250Z"));
        assertThat(events).extracting(LogEvent::severity).containsExactly(Severity.ERROR, Severity.ERROR,
                Severity.ERROR, Severity.WARN);
        assertThat(events).extracting(LogEvent::service).containsOnly("orders");
    }

    /**
     * Filebeat without a multiline rule sends each line of a file as a record ({@code log.file.path} beside the
     * message), as Vector's file source does ({@code file}, {@code source_type}): lines that say nothing else are
     * folded as the file's lines would be, in search hits too; a record with a level is a record.
     */
    @Test
    void linesShippedARecordEachFoldTheirStackTraces() {
        read("export.jsonl", """
                {"@timestamp":"2024-03-01T12:00:00Z","message":"2024-03-01 12:00:00,000 ERROR c.a.Shop - save failed",\
                "log":{"file":{"path":"/var/log/shop/app.log"},"offset":0},"agent":{"type":"filebeat"}}
                {"@timestamp":"2024-03-01T12:00:00Z","message":"java.lang.IllegalStateException: db down",\
                "log":{"file":{"path":"/var/log/shop/app.log"},"offset":80}}
                {"_source":{"@timestamp":"2024-03-01T12:00:00Z","message":"\\tat c.a.Shop.save(Shop.java:12)",\
                "log":{"file":{"path":"/var/log/shop/app.log"},"offset":120}}}
                {"@timestamp":"2024-03-01T12:00:01Z","message":"\\tat a record with a level","log.level":"warn",\
                "log":{"file":{"path":"/var/log/shop/app.log"}}}
                {"file":"/var/log/cart.log","source_type":"file","message":"cart 7 emptied",\
                "timestamp":"2024-03-01T12:00:02Z"}
                """);
        assertThat(events).extracting(LogEvent::text).containsExactly("\tat a record with a level",
                "2024-03-01 12:00:00,000 ERROR c.a.Shop - save failed", "cart 7 emptied");
        assertThat(events.get(1).continuation())
                .isEqualTo("java.lang.IllegalStateException: db down\n\tat c.a.Shop.save(Shop.java:12)");
        assertThat(events).extracting(LogEvent::service).containsExactly("app", "app", "cart");
    }

    /** structlog's message is its {@code event}; an object there (ECS's) is none, as before. */
    @Test
    void structlogsEventIsTheMessageWhenItIsText() {
        read("app.jsonl", """
                {"event":"user logged in","level":"info","timestamp":"2024-03-01T12:00:00Z","user_id":7}
                {"@timestamp":"2024-03-01T12:00:00Z","message":"GET /","event":{"dataset":"nginx.access"}}
                """);
        assertThat(events).extracting(LogEvent::text).containsExactly("user logged in", "GET /");
    }

    /**
     * Rust's tracing-subscriber writes the message among the event's fields; its records are read as lines and, a
     * document's array of them, as records.
     */
    @Test
    void tracingSubscribersMessageIsAmongItsFields() {
        read("shop.log", """
                {"timestamp":"2026-12-03T20:25:00.868841Z","level":"INFO","fields":{"message":"starting checkout",\
                "order_id":7},"target":"shop","span":{"method":"GET","name":"request"}}
                {"timestamp":"2026-12-03T20:25:00.868967Z","level":"ERROR","fields":{"message":"payment failed",\
                "error":"connection refused"},"target":"shop"}
                """);
        read("dump.json", """
                [{"timestamp":"2026-12-03T20:25:01Z","level":"WARN","fields":{"message":"slow checkout"}}]
                """);
        assertThat(events).extracting(LogEvent::text).containsExactly("starting checkout", "payment failed",
                "slow checkout");
        assertThat(events).extracting(LogEvent::severity).containsExactly(Severity.INFO, Severity.ERROR,
                Severity.WARN);
    }

    @Test
    void fieldsThatOnlyLookLikeErrorsAndErrorsTheMessageHoldsAreLeftAlone() {
        read("app.jsonl", """
                {"msg":"deployed","stack":"production","exception":"none","error":"-"}
                {"msg":"done","error":false,"err":{"code":0}}
                {"message":"failed\\njava.lang.IllegalStateException: x\\n\\tat a.B(B.java:1)",\
                "stack_trace":"java.lang.IllegalStateException: x\\n\\tat a.B(B.java:1)"}
                {"name":"uvicorn.error","message":"started","process":7}
                """);
        assertThat(events).extracting(LogEvent::continuation).containsExactly("", "",
                "java.lang.IllegalStateException: x\n\tat a.B(B.java:1)", "");
        assertThat(events.get(3).service()).as("a logger's name is no service").isEqualTo("app");
    }

    @Test
    void openTelemetryExceptionAttributesAreFoldedFromJsonAndFromProtobuf() throws Exception {
        read("logs.jsonl", """
                {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"orders"}}]},\
                "scopeLogs":[{"logRecords":[{"severityNumber":17,"body":{"stringValue":"could not save order 7"},\
                "attributes":[{"key":"exception.type","value":{"stringValue":"java.lang.IllegalStateException"}},\
                {"key":"exception.message","value":{"stringValue":"save failed"}},\
                {"key":"exception.stacktrace","value":\
                {"stringValue":"java.lang.IllegalStateException: save failed\\n\\tat a.B(B.java:8)"}}]},\
                {"severityNumber":17,"body":{"stringValue":"lookup failed"},\
                "attributes":[{"key":"exception.type","value":{"stringValue":"KeyError"}},\
                {"key":"exception.message","value":{"stringValue":"'sku'"}}]},\
                {"severityNumber":9,"body":{"stringValue":"fine"},\
                "attributes":[{"key":"user","value":{"stringValue":"x"}}]}]}]}]}
                """);
        assertThat(events).extracting(LogEvent::continuation).containsExactly(
                "java.lang.IllegalStateException: save failed\n\tat a.B(B.java:8)", "KeyError: 'sku'", "");

        LogRecord record = LogRecord.newBuilder().setBody(string("could not save order 8"))
                .addAttributes(attribute("exception.type", "java.lang.IllegalStateException"))
                .addAttributes(attribute("exception.message", "save failed"))
                .addAttributes(attribute("exception.stacktrace", "\tat a.B(B.java:8)"))
                .build();
        byte[] request = ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
                .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(record))).build().toByteArray();
        assertThat(OtlpLogProtoDecoder.decode("peer", request)).singleElement()
                .satisfies(e -> assertThat(e.continuation())
                        .isEqualTo("java.lang.IllegalStateException: save failed\n\tat a.B(B.java:8)"));
    }

    /** The thread a record names, so that a value bound on it pairs with the same thread's statement. */
    @Test
    void theThreadARecordNamesIsKeptFromJsonOtlpJsonAndProtobuf() throws Exception {
        read("app.jsonl", """
                {"@timestamp":"2026-12-08T00:46:01Z","message":"a","logger_name":"x","thread_name":"exec-1"}
                {"timestamp":1796690537350,"level":"TRACE","threadName":"exec-2","message":"b"}
                {"instant":{"epochSecond":1796690537},"level":"INFO","thread":"main","message":"c"}
                {"@timestamp":"2026-12-08T00:46:01Z","message":"d","process":{"thread":{"name":"exec-4"}}}
                {"@timestamp":"2026-12-08T00:46:01Z","message":"e","thread_name":""}
                {"version":"1.1","short_message":"f","level":7,"_process_thread_name":"exec-6"}
                """);
        read("logs.jsonl", """
                {"resourceLogs":[{"scopeLogs":[{"logRecords":[{"severityNumber":5,"body":{"stringValue":"f"},\
                "attributes":[{"key":"thread.name","value":{"stringValue":"exec-7"}}]}]}]}]}
                """);
        assertThat(events).extracting(LogEvent::thread)
                .containsExactly("exec-1", "exec-2", "main", "exec-4", "", "exec-6", "exec-7");

        LogRecord record = LogRecord.newBuilder().setBody(string("g"))
                .addAttributes(attribute("thread.name", "exec-8")).build();
        byte[] request = ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
                .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(record))).build().toByteArray();
        assertThat(OtlpLogProtoDecoder.decode("peer", request)).singleElement()
                .satisfies(e -> assertThat(e.thread()).isEqualTo("exec-8"));
    }

    /** A container runtime's line stamps the time a record lacks; the thread the record names stays. */
    @Test
    void aContainerLinesTimeKeepsTheThreadOfTheRecordItHolds() {
        read("pod.log", """
                2026-12-08T00:46:01.000000000Z stdout F {"message":"a","thread_name":"exec-1"}
                """);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.thread()).isEqualTo("exec-1");
            assertThat(e.epochMillis()).isEqualTo(Instant.parse("2026-12-08T00:46:01Z").toEpochMilli());
        });
    }

    private static AnyValue string(String value) {
        return AnyValue.newBuilder().setStringValue(value).build();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(string(value)).build();
    }
}
