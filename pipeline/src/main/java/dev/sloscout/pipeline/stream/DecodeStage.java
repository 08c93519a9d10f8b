package dev.sloscout.pipeline.stream;

import dev.sloscout.connectors.kafka.RecordDecoder;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogEventCodec;
import dev.sloscout.engine.ingest.SpanGate;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanCodec;
import dev.sloscout.engine.redact.Redactor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Stage 1: a record from the spans or logs topic becomes spans keyed by trace id, each checked and redacted by the
 * same gate as the file path's (times out of range refused, secrets and personal data redacted before they are
 * stored), and log events keyed by service (mined as they are, as the file path mines them: templates and samples
 * are redacted when capsules are written).
 * A record with nothing usable in it, or with parts refused, goes whole to the dead-letter topic with its origin and
 * the reason in headers ({@value #ORIGIN_HEADER}, {@value #REASON_HEADER}); the rest is processed.
 *
 * <p>Outputs are tagged by their first byte ({@link #SPAN}, {@link #LOG}, {@link #DEAD_LETTER}) so the topology can
 * route them.
 */
final class DecodeStage implements Processor<byte[], byte[], byte[], byte[]> {
    static final byte SPAN = 'S';
    static final byte LOG = 'L';
    static final byte DEAD_LETTER = 'D';
    static final String ORIGIN_HEADER = "slo-scout.origin";
    static final String REASON_HEADER = "slo-scout.reason";
    /** "true" when the record's other spans were processed (only some of it was refused). */
    static final String PARTIAL_HEADER = "slo-scout.partial";

    private ProcessorContext<byte[], byte[]> context;
    private final List<Span> passed = new ArrayList<>();
    private final List<Problem> refused = new ArrayList<>();
    private final SpanGate gate = new SpanGate(new Redactor(), passed::add, refused::add);

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        RecordDecoder.Decoded decoded = RecordDecoder.decode(origin.topic(), origin.partition(), origin.offset(),
                record.value());
        passed.clear();
        refused.clear();
        gate.source("kafka " + origin.topic());
        decoded.spans().forEach(gate::accept);
        for (Span span : passed) {
            context.forward(new Record<>(traceKey(span), Stages.tagged(SPAN, SpanCodec.encode(span)), record.timestamp(),
                    new RecordHeaders()));
        }
        List<Problem> problems = new ArrayList<>(decoded.problems());
        refused.forEach(p -> problems.add(new Problem(p.source(), "partition " + origin.partition() + " offset "
                + origin.offset() + " " + p.location(), p.reason())));
        for (LogEvent log : decoded.logs()) {
            context.forward(new Record<>(log.service().getBytes(StandardCharsets.UTF_8),
                    Stages.tagged(LOG, LogEventCodec.encode(bounded(log))), record.timestamp(),
                    new RecordHeaders()));
        }
        if (!problems.isEmpty()) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(ORIGIN_HEADER, (origin.topic() + "/" + origin.partition() + "/" + origin.offset())
                    .getBytes(StandardCharsets.UTF_8));
            headers.add(REASON_HEADER, problems.get(0).reason().getBytes(StandardCharsets.UTF_8));
            headers.add(PARTIAL_HEADER, Boolean.toString(!passed.isEmpty()).getBytes(StandardCharsets.UTF_8));
            byte[] value = record.value() == null ? new byte[0] : record.value();
            context.forward(new Record<>(record.key(), Stages.tagged(DEAD_LETTER, value), record.timestamp(), headers));
        }
    }

    /** Characters of a log event's first line, and of its folded lines, that travel on (the rest is cut). */
    static final int MAX_TEXT = 64 * 1024;
    static final int MAX_CONTINUATION = 128 * 1024;

    /**
     * The event with its text cut to what a repartition and a changelog record can carry (1 MB each by default): a
     * megabyte line would otherwise stop the task at every restart. Mining sees the cut text.
     */
    static LogEvent bounded(LogEvent log) {
        if (log.text().length() <= MAX_TEXT && log.continuation().length() <= MAX_CONTINUATION) {
            return log;
        }
        return new LogEvent(log.source(), log.line(), log.lines(), log.service(), Stages.cut(log.text(), MAX_TEXT),
                log.raw(), Stages.cut(log.continuation(), MAX_CONTINUATION), log.epochMillis(), log.severity(),
                log.traceId(), log.spanId(), log.thread());
    }

    static byte[] traceKey(Span span) {
        return ByteBuffer.allocate(16).putLong(span.traceId().high()).putLong(span.traceId().low()).array();
    }
}
